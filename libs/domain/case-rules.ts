import type {
  CaseOpening,
  CaseState,
  CaseStep,
  DecisionStep,
  HistoryEntry,
  PartyAnswer,
  Stage,
  StepContext,
} from './case-types';
import { CLOSED_STAGES } from './case-types';
import { isIsoDate } from './dates';
import { DomainError } from './domain-error';
import { findParty, inPartyOrder, isPartyId } from './parties';
import type { ProcessDefinition, StepName, Transition } from './process-definition';
import { STAGE_LABELS } from './stage-labels';

export function isClosed(stage: Stage): boolean {
  return CLOSED_STAGES.includes(stage);
}

/** The state of a case the moment the network has approved it. */
export function openCase(opening: CaseOpening, definition: ProcessDefinition, at: string): CaseState {
  const refusal = refuseOpening(opening);
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
    parties: inPartyOrder(opening.parties).map(pendingAnswer),
    history: [opened],
    sequence: 1,
    version: 1,
  };
}

export function refuseOpening(opening: CaseOpening): DomainError | undefined {
  if (opening.title.trim() === '') return new DomainError('validation', 'Ärendet behöver en rubrik.');
  if (opening.parties.length === 0) return new DomainError('validation', 'Ärendet behöver minst en part.');
  const unknown = opening.parties.find((party) => !isPartyId(party));
  if (unknown) return new DomainError('validation', `Okänd part: ${unknown}.`);
  if (!isIsoDate(opening.networkDecision.date)) {
    return new DomainError('validation', 'Nätverksbeslutets datum ska vara ett datum i formen ÅÅÅÅ-MM-DD.');
  }
  if (opening.deadline !== null && !isIsoDate(opening.deadline)) {
    return new DomainError('validation', 'Sista svarsdag ska vara ett datum i formen ÅÅÅÅ-MM-DD.');
  }
  return undefined;
}

/** Why a step does not fit the case now, or undefined when it does. Changes nothing. */
export function refuseStep(state: CaseState, step: CaseStep, definition: ProcessDefinition): DomainError | undefined {
  if (!isIsoDate(step.date)) return new DomainError('validation', 'Datum ska vara ett datum i formen ÅÅÅÅ-MM-DD.');
  if (isClosed(state.stage)) {
    return new DomainError('conflict', `Ärendet är avslutat (${STAGE_LABELS[state.stage]}) och tar inte emot fler steg.`);
  }
  if ((step.kind === 'council' || step.kind === 'network') && step.untilMeeting !== undefined && !isIsoDate(step.untilMeeting)) {
    return new DomainError('validation', 'Mötets datum ska vara ett datum i formen ÅÅÅÅ-MM-DD.');
  }
  const named = step.kind === 'decision' ? [step.party] : step.kind === 'revision' ? step.reopen : [];
  if (step.kind === 'revision' && named.length === 0) {
    return new DomainError('validation', 'Välj minst en part vars beslut ska öppnas på nytt.');
  }
  for (const party of named) {
    if (!isPartyId(party)) return new DomainError('validation', `Okänd part: ${party}.`);
    if (!state.parties.some((answer) => answer.party === party)) {
      return new DomainError('conflict', `${findParty(party)?.name} är inte part i det här ärendet.`);
    }
  }
  if (!findTransition(state.stage, step, definition)) {
    return new DomainError('conflict', misfitMessage(state.stage, step));
  }
  return undefined;
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
  let parties = state.parties;
  if (step.kind === 'decision') {
    parties = parties.map((answer) => (answer.party === step.party ? answerFrom(step, context.at, version) : answer));
  } else if (step.kind === 'revision') {
    parties = parties.map((answer) => (step.reopen.includes(answer.party) ? pendingAnswer(answer.party) : answer));
  } else if (transition.to === 'decisions') {
    // A new recommendation asks again those who rejected the earlier one.
    parties = parties.map((answer) => (answer.status === 'rejected' ? pendingAnswer(answer.party) : answer));
  }
  const stage = transition.to === 'by-decisions' ? stageByDecisions(parties, definition) : transition.to;

  const entry: HistoryEntry = {
    sequence: state.sequence + 1,
    at: context.at,
    type: stepName(step),
    actor: context.actor,
    requestId: context.requestId,
    stage,
    version,
    date: step.date,
    ...(step.kind === 'revision' ? { reopened: inPartyOrder(step.reopen) } : { outcome: step.outcome }),
    ...(step.kind === 'decision' ? { party: step.party } : {}),
    ...((step.kind === 'council' || step.kind === 'network') && step.untilMeeting ? { untilMeeting: step.untilMeeting } : {}),
    ...(step.note ? { note: step.note } : {}),
  };
  return {
    ...state,
    stage,
    // A revision asks again: the wait starts anew even when the stage stays the same.
    stageSince: stage === state.stage && step.kind !== 'revision' ? state.stageSince : context.at,
    parties,
    history: [...state.history, entry],
    sequence: entry.sequence,
    version,
  };
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
  if (state.deadline === null || state.deadline >= today) return false;
  return definition.waitsOn[state.stage] === 'parties' && waitingOn(state, definition).length > 0;
}

function stageByDecisions(parties: readonly PartyAnswer[], definition: ProcessDefinition): Stage {
  if (parties.some((answer) => answer.status === 'rejected')) return definition.onPartyRejection;
  const remaining = parties.filter((answer) => answer.status !== 'opted-out');
  if (remaining.length === 0) return 'rejected';
  if (remaining.every((answer) => answer.status === 'adopted')) return 'in-force';
  return 'decisions';
}

function isUndecided(answer: PartyAnswer): boolean {
  return answer.status === 'pending' || answer.status === 'scheduled';
}

/** The case's version: 1 until the first revision. */
export function versionOf(state: Pick<CaseState, 'version'>): number {
  return state.version ?? 1;
}

function findTransition(stage: Stage, step: CaseStep, definition: ProcessDefinition): Transition | undefined {
  const name = stepName(step);
  const lookup: StepName = step.kind === 'decision' ? 'decision' : name;
  return definition.transitions.find((transition) => transition.step === lookup && transition.from.includes(stage));
}

function stepName(step: CaseStep): StepName {
  if (step.kind === 'revision') return 'revision';
  return step.kind === 'decision' ? (`decision.${step.outcome}` as StepName) : `${step.kind}.${step.outcome}`;
}

function pendingAnswer(party: string): PartyAnswer {
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
      return `Välfärdsrådets ställningstagande passar inte nu: ${now}`;
    case 'network':
      return `Nätverkets beslut (${step.outcome}) passar inte nu: ${now}`;
    case 'decision':
      return `Politiska beslut tas emot först efter Välfärdsrådets rekommendation: ${now}`;
    case 'revision':
      return `Ärendet kan revideras när det är hos nätverket eller väntar på beslut: ${now}`;
  }
}
