import type {
  CaseOpening,
  CaseState,
  CaseStep,
  DecisionStep,
  RevisionStep,
  FollowUp,
  HistoryEntry,
  HistoryType,
  PartyAnswer,
  PartyStatus,
  ReminderPolicy,
  Stage,
  StepContext,
} from './case-types';
import { CLOSED_STAGES, FINAL_STAGES } from './case-types';
import { addDays, addMonths, isIsoDate, timerDay, utcDateOf } from './dates';
import { DomainError } from './domain-error';
import { distinctInOrder, isPartySlug, partyNameIn } from './parties';
import type { ProcessDefinition, StepName, Transition } from './process-definition';
import { STAGE_LABELS } from './stage-labels';
import { onOrAfterWorkingDay } from './swedish-holidays';

export function isClosed(stage: Stage): boolean {
  return CLOSED_STAGES.includes(stage);
}

/** Nothing more can happen to a case in this stage. */
export function isFinalStage(stage: Stage): boolean {
  return FINAL_STAGES.includes(stage);
}

/** Reminders when the coordinator chooses none: two weeks before, on the day, weekly after. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { daysBefore: [14], onDeadline: true, weeklyAfter: true };
export const DEFAULT_FOLLOW_UP = { owner: 'Styrgruppen', months: 12 } as const;

/** The state of a case the moment the network has approved it. */
export function openCase(opening: CaseOpening, definition: ProcessDefinition, at: string): CaseState {
  const refusal = refuseOpening(opening, definition);
  if (refusal) throw refusal;
  const stage = definition.initialStage;
  const opened: HistoryEntry = {
    sequence: 1,
    at,
    type: 'network.approve',
    actor: opening.actor,
    requestId: opening.requestId,
    stage,
    version: 1,
    date: opening.networkDecision.date,
    ...(opening.networkDecision.note ? { note: opening.networkDecision.note } : {}),
  };
  return {
    id: opening.id,
    process: { id: definition.id, version: definition.version },
    title: opening.title,
    reference: opening.reference,
    deadline: opening.deadline,
    // Cases opened before attachments existed carry none.
    attachments: opening.attachments ?? [],
    stage,
    stageSince: at,
    openedAt: at,
    parties: distinctInOrder(opening.parties).map(pendingAnswer),
    ...(opening.partyNames ? { partyNames: namesOf(opening.parties, opening.partyNames) } : {}),
    ...(opening.financing ? { financing: opening.financing } : {}),
    history: [opened],
    sequence: 1,
    version: 1,
    ...(definition.timers
      ? {
          reminders: opening.reminders ?? DEFAULT_REMINDER_POLICY,
          // What was due before the case existed is not sent late.
          remindedThrough: timerDay(at),
          validity: opening.validity ? { ...opening.validity, terminations: [], warnedFor: null } : null,
          followUpTerms: opening.followUp ?? DEFAULT_FOLLOW_UP,
          followUp: null,
          extendsCase: opening.extendsCase ?? null,
          inForceSince: null,
        }
      : {}),
  };
}

export function refuseOpening(opening: CaseOpening, definition?: ProcessDefinition): DomainError | undefined {
  if (opening.title.trim() === '') return new DomainError('validation', 'Ärendet behöver en rubrik.');
  if (opening.parties.length === 0) return new DomainError('validation', 'Ärendet behöver minst en part.');
  const malformed = opening.parties.find((party) => !isPartySlug(party));
  if (malformed !== undefined) return new DomainError('validation', `Ogiltig part: ${malformed}.`);
  const unnamed = opening.partyNames && opening.parties.find((party) => !opening.partyNames?.[party]);
  if (unnamed) return new DomainError('validation', `Parten ${unnamed} saknar namn.`);
  if (!isIsoDate(opening.networkDecision.date)) {
    return new DomainError('validation', 'Nätverksbeslutets datum ska vara ett datum i formen ÅÅÅÅ-MM-DD.');
  }
  if (opening.deadline !== null && !isIsoDate(opening.deadline)) {
    return new DomainError('validation', 'Sista svarsdag ska vara ett datum i formen ÅÅÅÅ-MM-DD.');
  }
  if (definition?.requiresDeadline && opening.deadline === null) {
    return new DomainError('validation', `${definition.name} behöver ett sista svarsdatum.`);
  }
  const financing = opening.financing;
  if (financing) {
    if (!Number.isSafeInteger(financing.amount) || financing.amount <= 0) return new DomainError('validation', 'Beloppet ska vara ett helt antal kronor, större än noll.');
    if (typeof financing.key === 'object') {
      const strangers = Object.keys(financing.key).filter((party) => !opening.parties.includes(party));
      if (strangers.length > 0) return new DomainError('validation', `Vikter för parter som inte är med i ärendet: ${strangers.join(', ')}.`);
      const missing = opening.parties.filter((party) => !(financing.key as Record<string, number>)[party]);
      if (missing.length > 0) return new DomainError('validation', `Vikt saknas för: ${missing.join(', ')}.`);
    }
  }
  const validity = opening.validity;
  if (validity) {
    if (!isIsoDate(validity.from) || !isIsoDate(validity.to)) {
      return new DomainError('validation', 'Giltighetstidens datum ska vara i formen ÅÅÅÅ-MM-DD.');
    }
    if (validity.to < validity.from) return new DomainError('validation', 'Giltighetstiden kan inte sluta innan den börjar.');
  }
  return undefined;
}

/** Why a step does not fit the case now, or undefined when it does. Changes nothing. */
export function refuseStep(state: CaseState, step: CaseStep, definition: ProcessDefinition): DomainError | undefined {
  if (!isIsoDate(step.date)) return new DomainError('validation', 'Datum ska vara ett datum i formen ÅÅÅÅ-MM-DD.');
  if (!takesStep(definition, step)) return new DomainError('conflict', notTakenMessage(definition));
  if (isClosed(state.stage) && !findTransition(state.stage, step, definition)) {
    return new DomainError('conflict', `Ärendet är avslutat (${STAGE_LABELS[state.stage]}) och tar inte emot fler steg.`);
  }
  if ((step.kind === 'council' || step.kind === 'network') && step.untilMeeting !== undefined && !isIsoDate(step.untilMeeting)) {
    return new DomainError('validation', 'Mötets datum ska vara ett datum i formen ÅÅÅÅ-MM-DD.');
  }
  const named = namedParties(step);
  if (step.kind === 'revision' && step.reopen !== undefined && named.length === 0) {
    return new DomainError('validation', 'Välj minst en part vars beslut ska öppnas på nytt.');
  }
  for (const party of named) {
    if (!isPartySlug(party)) return new DomainError('validation', `Ogiltig part: ${party}.`);
    if (!state.parties.some((answer) => answer.party === party)) {
      return new DomainError('conflict', `${partyNameIn(state, party)} är inte part i det här ärendet.`);
    }
  }
  if (!findTransition(state.stage, step, definition)) {
    return new DomainError('conflict', misfitMessage(state.stage, step));
  }
  return refuseByKind(state, step, definition);
}

function namedParties(step: CaseStep): readonly string[] {
  switch (step.kind) {
    case 'revision':
      return step.reopen ?? [];
    case 'decision':
    case 'posting':
    case 'appeal':
    case 'ruling':
    case 'termination':
      return [step.party];
    case 'deadline':
      return step.party === undefined ? [] : [step.party];
    default:
      return [];
  }
}

/** The checks that depend on what the step is, once it fits the stage. */
function refuseByKind(state: CaseState, step: CaseStep, definition: ProcessDefinition): DomainError | undefined {
  const answerOf = (party: string) => state.parties.find((answer) => answer.party === party) as PartyAnswer;
  const partyName = (party: string) => partyNameIn(state, party);
  switch (step.kind) {
    case 'decision':
      if (!definition.answers.includes(step.outcome)) {
        return new DomainError('conflict', `Svaret (${step.outcome}) hör inte till ${definition.name.toLowerCase()}.`);
      }
      if (step.postedOn !== undefined && !isIsoDate(step.postedOn)) {
        return new DomainError('validation', 'Anslagsdatum ska vara ett datum i formen ÅÅÅÅ-MM-DD.');
      }
      return undefined;
    case 'posting':
      if (answerOf(step.party).status !== 'adopted') {
        return new DomainError('conflict', `${partyName(step.party)} har inget antaget beslut att anslå.`);
      }
      return undefined;
    case 'appeal':
      if (answerOf(step.party).status !== 'adopted') {
        return new DomainError('conflict', `${partyName(step.party)} har inget antaget beslut som kan ha överklagats.`);
      }
      if (definition.appeals === 'court' && answerOf(step.party).appealedOn) {
        return new DomainError('conflict', `${partyName(step.party)}s beslut är redan överklagat och väntar på domstolen.`);
      }
      return undefined;
    case 'ruling':
      if (!answerOf(step.party).appealedOn) {
        return new DomainError('conflict', `${partyName(step.party)}s beslut har inget överklagande som väntar på domstolen.`);
      }
      return undefined;
    case 'termination':
      if (!state.validity) return new DomainError('conflict', 'Ärendet har ingen giltighetstid att säga upp.');
      if (state.validity.terminations.some((termination) => termination.party === step.party)) {
        return new DomainError('conflict', `${partyName(step.party)} har redan sagt upp överenskommelsen.`);
      }
      return undefined;
    case 'follow-up':
      if (!state.followUp) return new DomainError('conflict', 'Ärendet har inget uppföljningsuppdrag.');
      if (state.followUp.status === 'done') return new DomainError('conflict', 'Uppföljningsuppdraget är redan klart.');
      if (step.outcome === 'reassign' && step.owner === undefined && step.due === undefined) {
        return new DomainError('validation', 'Ange ny ansvarig eller nytt slutdatum.');
      }
      if (step.due !== undefined && !isIsoDate(step.due)) {
        return new DomainError('validation', 'Slutdatum ska vara ett datum i formen ÅÅÅÅ-MM-DD.');
      }
      return undefined;
    case 'deadline':
      if (step.party !== undefined && !isUndecided(answerOf(step.party))) {
        return new DomainError('conflict', `${partyName(step.party)} har redan svarat.`);
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The case after the step. Throws the refusal when the step does not fit. */
export function applyStep(
  state: CaseState,
  step: CaseStep,
  definition: ProcessDefinition,
  context: StepContext,
): CaseState {
  const refusal = refuseStep(state, step, definition);
  if (refusal) throw refusal;
  const transition = findTransition(state.stage, step, definition) as Transition;

  const version = step.kind === 'revision' ? versionOf(state) + 1 : versionOf(state);
  const parties = partiesAfter(state, step, transition, version, context, definition);
  const stage =
    transition.to === 'by-decisions'
      ? stageByDecisions(parties, definition)
      : transition.to === 'unchanged'
        ? state.stage
        : transition.to;

  const entry: HistoryEntry = {
    sequence: state.sequence + 1,
    at: context.at,
    type: historyTypeOf(step),
    actor: context.actor,
    requestId: context.requestId,
    stage,
    version,
    date: step.date,
    ...(step.kind === 'revision' ? { reopened: inCaseOrder(state, reopenedBy(state, step)) } : {}),
    ...('outcome' in step ? { outcome: step.outcome } : {}),
    ...('party' in step && step.party !== undefined ? { party: step.party } : {}),
    ...((step.kind === 'council' || step.kind === 'network') && step.untilMeeting ? { untilMeeting: step.untilMeeting } : {}),
    ...('note' in step && step.note ? { note: step.note } : {}),
  };
  const enteredForce = stage === 'in-force' && state.stage !== 'in-force';
  return {
    ...state,
    stage,
    // A revision asks again: the wait starts anew even when the stage stays the same.
    stageSince: stage === state.stage && step.kind !== 'revision' ? state.stageSince : context.at,
    parties,
    history: [...state.history, entry],
    sequence: entry.sequence,
    version,
    ...(step.kind === 'deadline' && step.party === undefined ? { deadline: step.date } : {}),
    ...(definition.timers ? lifecycleAfter(state, step, stage, enteredForce, context) : {}),
  };
}

function partiesAfter(
  state: CaseState,
  step: CaseStep,
  transition: Transition,
  version: number,
  context: StepContext,
  definition: ProcessDefinition,
): readonly PartyAnswer[] {
  const forParty = (party: string, change: (answer: PartyAnswer) => PartyAnswer) =>
    state.parties.map((answer) => (answer.party === party ? change(answer) : answer));
  switch (step.kind) {
    case 'decision':
      return forParty(step.party, () => answerFrom(step, context.at, version));
    case 'revision':
      return state.parties.map((answer) => (reopenedBy(state, step).includes(answer.party) ? pendingAnswer(answer.party) : answer));
    case 'appeal':
      // Under the court rules the decision stands until the court rules; before them, the answer opened at once.
      return definition.appeals === 'court'
        ? forParty(step.party, (answer) => ({ ...answer, appealedOn: step.date }))
        : forParty(step.party, () => pendingAnswer(step.party));
    case 'ruling':
      return step.outcome === 'annulled'
        ? forParty(step.party, () => pendingAnswer(step.party))
        : forParty(step.party, (answer) => ({ ...answer, appealedOn: null, finalOn: step.date }));
    case 'posting':
      return forParty(step.party, (answer) => ({ ...answer, postedOn: step.date }));
    case 'deadline':
      // A deadline for all replaces every party's own; one for a party sets only its own.
      return step.party === undefined
        ? state.parties.map((answer) => (answer.deadline ? { ...answer, deadline: null } : answer))
        : forParty(step.party, (answer) => ({ ...answer, deadline: step.date }));
    default:
      // A new recommendation asks again those who rejected the earlier one.
      return transition.to === 'decisions'
        ? state.parties.map((answer) => (answer.status === 'rejected' ? pendingAnswer(answer.party) : answer))
        : state.parties;
  }
}

/** Validity, follow-up and time in force, after a step, for definitions with timers. */
function lifecycleAfter(
  state: CaseState,
  step: CaseStep,
  stage: Stage,
  enteredForce: boolean,
  context: StepContext,
): Partial<CaseState> {
  const today = utcDateOf(context.at);
  let followUp = state.followUp ?? null;
  if (enteredForce && followUp === null && state.followUpTerms) {
    followUp = {
      owner: state.followUpTerms.owner,
      due: addMonths(today, state.followUpTerms.months),
      status: 'open',
      doneOn: null,
      remindedFor: null,
    };
  }
  if (step.kind === 'follow-up' && followUp) {
    followUp =
      step.outcome === 'done'
        ? { ...followUp, status: 'done', doneOn: step.date }
        : { ...followUp, owner: step.owner ?? followUp.owner, due: step.due ?? followUp.due };
  }
  const validity =
    step.kind === 'termination' && state.validity
      ? { ...state.validity, terminations: [...state.validity.terminations, { party: step.party, date: step.date }] }
      : (state.validity ?? null);
  const inForceSince = stage === 'in-force' ? (enteredForce ? context.at : (state.inForceSince ?? null)) : null;
  return { followUp: followUp as FollowUp | null, validity, inForceSince };
}

/** Whom the case waits on now: bodies or parties, in the county's order. */
export function waitingOn(state: Pick<CaseState, 'stage' | 'parties'>, definition: ProcessDefinition): string[] {
  const waits = definition.waitsOn[state.stage];
  if (waits === undefined) return [];
  if (waits === 'parties') return state.parties.filter((answer) => isUndecided(answer)).map((answer) => answer.party);
  return [...waits];
}

/** The deadline has passed while parties still have to decide. `today` is YYYY-MM-DD. */
export function isOverdue(
  state: Pick<CaseState, 'stage' | 'parties' | 'deadline'>,
  definition: ProcessDefinition,
  today: string,
): boolean {
  const earliest = earliestOpenDeadline(state, definition);
  return earliest !== null && earliest < today;
}

/** A party's deadline: its own, where the coordinator moved it, else the case's. */
export function deadlineOf(answer: PartyAnswer, state: Pick<CaseState, 'deadline'>): string | null {
  return answer.deadline ?? state.deadline;
}

/** The earliest deadline among the parties the case waits on, or null: what makes a case overdue. */
export function earliestOpenDeadline(
  state: Pick<CaseState, 'stage' | 'parties' | 'deadline'>,
  definition: ProcessDefinition,
): string | null {
  if (definition.waitsOn[state.stage] !== 'parties') return null;
  let earliest: string | null = null;
  for (const answer of state.parties) {
    const deadline = deadlineOf(answer, state);
    if (isUndecided(answer) && deadline !== null && (earliest === null || deadline < earliest)) earliest = deadline;
  }
  return earliest;
}

const AGREEING: readonly PartyStatus[] = ['adopted', 'signed'];
const STANDING_OUTSIDE: readonly PartyStatus[] = ['opted-out', 'declined'];

function stageByDecisions(parties: readonly PartyAnswer[], definition: ProcessDefinition): Stage {
  if (definition.completion === 'closing-date') {
    return parties.every((answer) => answer.status === 'answered' || answer.status === 'declined') ? 'closed' : 'decisions';
  }
  if (parties.some((answer) => answer.status === 'rejected')) return definition.onPartyRejection;
  const remaining = parties.filter((answer) => !STANDING_OUTSIDE.includes(answer.status));
  if (remaining.length === 0) return 'rejected';
  if (remaining.every((answer) => AGREEING.includes(answer.status))) return 'in-force';
  return 'decisions';
}

export function isUndecided(answer: PartyAnswer): boolean {
  return answer.status === 'pending' || answer.status === 'scheduled';
}

/**
 * The last day an appeal can come in: three weeks from the day the minutes were posted;
 * under the court rules moved off a weekend or holiday to the next working day.
 */
export function lastAppealDay(postedOn: string, definition?: Pick<ProcessDefinition, 'appeals'>): string {
  const threeWeeks = addDays(postedOn, 21);
  return definition?.appeals === 'court' ? onOrAfterWorkingDay(threeWeeks) : threeWeeks;
}

/**
 * The first day an adopted decision is final (vinner laga kraft): after its appeal period,
 * or under the court rules from the day the court dismissed an appeal; null while it cannot
 * be told (not posted, or an appeal awaits the court).
 */
export function finalFrom(answer: PartyAnswer, definition?: Pick<ProcessDefinition, 'appeals'>): string | null {
  if (answer.status !== 'adopted') return null;
  if (definition?.appeals === 'court') {
    if (answer.appealedOn) return null;
    if (answer.finalOn) return answer.finalOn;
  }
  return answer.postedOn ? addDays(lastAppealDay(answer.postedOn, definition), 1) : null;
}

/** An adopted decision is final (vunnit laga kraft) from its `finalFrom` day. */
export function isFinal(answer: PartyAnswer, today: string, definition?: Pick<ProcessDefinition, 'appeals'>): boolean {
  const from = finalFrom(answer, definition);
  return from !== null && from <= today;
}

/** The case's version: 1 until the first revision. */
export function versionOf(state: Pick<CaseState, 'version'>): number {
  return state.version ?? 1;
}

/** Whether the definition has the step at all, in any stage. */
function takesStep(definition: ProcessDefinition, step: CaseStep): boolean {
  const name = step.kind === 'decision' ? 'decision' : stepName(step);
  return definition.transitions.some((transition) => transition.step === name);
}

function notTakenMessage(definition: ProcessDefinition): string {
  return definition.timers
    ? `Steget hör inte till ${definition.name.toLowerCase()}.`
    : 'Ärendet startades innan påminnelser, giltighet och uppföljning fanns och tar inte det steget.';
}

function findTransition(stage: Stage, step: CaseStep, definition: ProcessDefinition): Transition | undefined {
  const name = stepName(step);
  const lookup: StepName = step.kind === 'decision' ? 'decision' : name;
  return definition.transitions.find((transition) => transition.step === lookup && transition.from.includes(stage));
}

function stepName(step: CaseStep): StepName {
  switch (step.kind) {
    case 'decision':
      return `decision.${step.outcome}` as StepName;
    case 'council':
    case 'network':
    case 'follow-up':
    case 'ruling':
      return `${step.kind}.${step.outcome}`;
    default:
      return step.kind;
  }
}

/** What the history calls a step. */
function historyTypeOf(step: CaseStep): HistoryType {
  switch (step.kind) {
    case 'council':
      return `council.${step.outcome}`;
    case 'network':
      return `network.${step.outcome}`;
    case 'decision':
      return `decision.${step.outcome}`;
    case 'follow-up':
      return `follow-up.${step.outcome}`;
    case 'ruling':
      return `ruling.${step.outcome}`;
    default:
      return step.kind;
  }
}

/** Party ids in the order the case holds its parties. */
function inCaseOrder(state: CaseState, ids: readonly string[]): string[] {
  return state.parties.map((answer) => answer.party).filter((party) => ids.includes(party));
}

/** Only the names of the case's own parties, so the state holds nothing it does not use. */
function namesOf(parties: readonly string[], names: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(distinctInOrder(parties).map((party) => [party, names[party]]));
}

/** The parties a revision asks again: those it names, or every party of the case. */
function reopenedBy(state: CaseState, step: RevisionStep): readonly string[] {
  return step.reopen ?? state.parties.map((answer) => answer.party);
}

/** A party's answer before it has answered. */
export function pendingAnswer(party: string): PartyAnswer {
  return {
    party,
    status: 'pending',
    date: null,
    body: null,
    paragraph: null,
    minutesUrl: null,
    partyReference: null,
    note: null,
    answeredAt: null,
    version: null,
  };
}

function answerFrom(step: DecisionStep, at: string, version: number): PartyAnswer {
  return {
    version,
    ...(step.postedOn ? { postedOn: step.postedOn } : {}),
    party: step.party,
    status: step.outcome,
    date: step.date,
    body: step.body ?? null,
    paragraph: step.paragraph ?? null,
    minutesUrl: step.minutesUrl ?? null,
    partyReference: step.partyReference ?? null,
    note: step.note ?? null,
    answeredAt: at,
  };
}

function misfitMessage(stage: Stage, step: CaseStep): string {
  const now = `Ärendet ${STAGE_LABELS[stage]}.`;
  switch (step.kind) {
    case 'council':
      return `Rådets ställningstagande passar inte nu: ${now}`;
    case 'network':
      return `Nätverkets beslut (${step.outcome}) passar inte nu: ${now}`;
    case 'decision':
      return `Politiska beslut tas emot först efter rådets rekommendation: ${now}`;
    case 'revision':
      return `Ärendet kan revideras när det är hos nätverket eller väntar på beslut: ${now}`;
    case 'deadline':
      return `Sista svarsdag kan flyttas medan ärendet pågår: ${now}`;
    case 'posting':
    case 'appeal':
    case 'ruling':
      return `Anslag och överklaganden gäller antagna beslut: ${now}`;
    case 'termination':
      return `Bara en överenskommelse som gäller kan sägas upp: ${now}`;
    case 'follow-up':
      return `Uppföljningen gäller ett ärende som trätt i kraft: ${now}`;
  }
}
