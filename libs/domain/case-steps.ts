import type { Attachment, AttachmentStep, CaseState, CaseStep, DecisionStep, FollowUp, HistoryEntry, HistoryType, PartyAnswer, PartyStatus, RevisionStep, Stage, StepContext } from './case-types';
import { pendingAnswer } from './case-opening';
import { isClosed, isUndecided, reopenableUntil, versionOf } from './case-queries';
import { addMonths, isIsoDate, utcDateOf } from './dates';
import type { DomainError } from './domain-error';
import { isPartySlug, partyNameIn } from './parties';
import { transitionsOf, type ProcessDefinition, type StepName, type Transition } from './process-definition';
import { refusal } from './refusals';

/** Why a step does not fit the case now, or undefined when it does. Changes nothing. */
export function refuseStep(state: CaseState, step: CaseStep, definition: ProcessDefinition): DomainError | undefined {
  if (!isIsoDate(step.date)) return refusal('date-malformed');
  if (!takesStep(definition, step)) return definition.timers ? refusal('step-not-in-process', definition.name) : refusal('step-before-timers');
  if (isClosed(state.stage) && !findTransition(state.stage, step, definition)) return refusal('case-closed', state.stage);
  if ((step.kind === 'council' || step.kind === 'network') && step.untilMeeting !== undefined && !isIsoDate(step.untilMeeting)) return refusal('meeting-date-malformed');
  const named = namedParties(step);
  if (step.kind === 'revision' && step.reopen !== undefined && named.length === 0) return refusal('revision-without-parties');
  for (const party of named) {
    if (!isPartySlug(party)) return refusal('party-malformed', party);
    if (!state.parties.some((answer) => answer.party === party)) return refusal('not-a-party', partyNameIn(state, party));
  }
  if (!findTransition(state.stage, step, definition)) return refusal('step-misfits', state.stage, step);
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
    case 'judgement':
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
      if (!definition.answers.includes(step.outcome)) return refusal('answer-not-in-process', step.outcome, definition.name);
      if (step.postedOn !== undefined && !isIsoDate(step.postedOn)) return refusal('posted-date-malformed');
      if (step.outcome === 'adopted-with-changes' && !step.note?.trim()) return refusal('changes-undescribed');
      return undefined;
    case 'posting':
      if (answerOf(step.party).status !== 'adopted') return refusal('nothing-to-post', partyName(step.party));
      return undefined;
    case 'appeal':
      if (answerOf(step.party).status !== 'adopted') return refusal('nothing-to-appeal', partyName(step.party));
      if (definition.appeals === 'court' && answerOf(step.party).appealedOn) return refusal('already-appealed', partyName(step.party));
      return undefined;
    case 'ruling':
      if (!answerOf(step.party).appealedOn) return refusal('no-appeal-pending', partyName(step.party));
      return undefined;
    case 'network': {
      if (step.outcome !== 'reopen') return undefined;
      const until = reopenableUntil(state, definition);
      if (until === null || step.date > until) return refusal('reopen-too-late', until);
      return undefined;
    }
    case 'judgement':
      if (answerOf(step.party).status !== 'adopted-with-changes') return refusal('nothing-to-judge', partyName(step.party));
      return undefined;
    case 'termination':
      if (!state.validity) return refusal('no-validity');
      if (state.validity.terminations.some((termination) => termination.party === step.party)) return refusal('already-terminated', partyName(step.party));
      return undefined;
    case 'follow-up':
      if (!state.followUp) return refusal('no-follow-up');
      if (state.followUp.status === 'done') return refusal('follow-up-done');
      if (step.outcome === 'reassign' && step.owner === undefined && step.due === undefined) return refusal('reassign-empty');
      if (step.due !== undefined && !isIsoDate(step.due)) return refusal('due-malformed');
      return undefined;
    case 'deadline':
      if (step.party !== undefined && !isUndecided(answerOf(step.party))) return refusal('already-answered', partyName(step.party));
      return undefined;
    case 'attachment': {
      if (step.replaces === undefined) return undefined;
      const replaced = state.attachments[step.replaces - 1];
      if (!replaced) return refusal('no-such-attachment', step.replaces, state.attachments.length);
      if (!replaced.file) return refusal('link-not-replaceable', step.replaces);
      return undefined;
    }
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
    ...(context.by ? { by: context.by } : {}),
    stage,
    version,
    date: step.date,
    ...(step.kind === 'revision' ? { reopened: inCaseOrder(state, reopenedBy(state, step)) } : {}),
    ...('outcome' in step ? { outcome: step.outcome } : {}),
    ...('party' in step && step.party !== undefined ? { party: step.party } : {}),
    ...((step.kind === 'council' || step.kind === 'network') && step.untilMeeting ? { untilMeeting: step.untilMeeting } : {}),
    ...('note' in step && step.note ? { note: step.note } : {}),
    ...(step.kind === 'attachment' ? { attachment: step.replaces ?? state.attachments.length + 1, outcome: step.replaces ? 'replaced' : 'added' } : {}),
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
    ...(step.kind === 'attachment' ? { attachments: attachmentsAfter(state.attachments, step) } : {}),
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
    case 'judgement':
      // The decision as the party took it stays; only whether it counts as the same decision is settled.
      return forParty(step.party, (answer) => ({ ...answer, status: step.outcome === 'identical' ? 'adopted' : 'rejected' }));
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

/** Whether the definition has the step at all, in any stage. */
function takesStep(definition: ProcessDefinition, step: CaseStep): boolean {
  const name = stepNameOf(step);
  return transitionsOf(definition).some((transition) => transition.step === name);
}

function findTransition(stage: Stage, step: CaseStep, definition: ProcessDefinition): Transition | undefined {
  const name = stepNameOf(step);
  return transitionsOf(definition).find((transition) => transition.step === name && transition.from.includes(stage));
}

/** The attachments after one is added at the end, or a file replaced by its next version (the earlier kept). */
function attachmentsAfter(attachments: readonly Attachment[], step: AttachmentStep): readonly Attachment[] {
  const latest = { file: step.file, date: step.date, ...(step.note ? { note: step.note } : {}) };
  if (step.replaces === undefined) return [...attachments, { title: step.title, version: 1, ...latest }];
  return attachments.map((attachment, index) => {
    if (index !== step.replaces! - 1 || !attachment.file) return attachment;
    const version = attachment.version ?? 1;
    const earlier = { version, file: attachment.file, date: attachment.date ?? '', ...(attachment.note ? { note: attachment.note } : {}) };
    return { title: step.title, version: version + 1, ...latest, earlier: [...(attachment.earlier ?? []), earlier] };
  });
}

/** The step's name in the process definitions' transitions (`council.recommend`, `posting`; a party's answer of any outcome is `decision`). */
export function stepNameOf(step: CaseStep): StepName {
  switch (step.kind) {
    case 'council':
    case 'network':
    case 'follow-up':
    case 'ruling':
    case 'judgement':
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
    case 'judgement':
      return `judgement.${step.outcome}`;
    default:
      return step.kind;
  }
}

/** Party ids in the order the case holds its parties. */
function inCaseOrder(state: CaseState, ids: readonly string[]): string[] {
  return state.parties.map((answer) => answer.party).filter((party) => ids.includes(party));
}

/** The parties a revision asks again: those it names, or every party of the case. */
function reopenedBy(state: CaseState, step: RevisionStep): readonly string[] {
  return step.reopen ?? state.parties.map((answer) => answer.party);
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
    ...(step.minutesFile ? { minutesFile: step.minutesFile } : {}),
    partyReference: step.partyReference ?? null,
    note: step.note ?? null,
    answeredAt: at,
  };
}
