import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Actor, CaseDelta, CaseState, CaseStep } from '../domain';

/**
 * The case workflow's messages, defined once: the workflow registers them, the API and
 * the tools send them. Their names are in every recorded history: never rename one.
 */

export type StepKind = CaseStep['kind'];
export type StepOf<K extends StepKind> = Extract<CaseStep, { readonly kind: K }>;
/** A step as its update carries it: the kind is implied by the update; who took it is added. */
export type StepInput<K extends StepKind> = Omit<StepOf<K>, 'kind'> & {
  readonly actor: Actor;
  /** The person who took it, by name, where it is known (a signed-in coordinator). */
  readonly by?: string;
};

export type CouncilOutcomeInput = StepInput<'council'>;
export type NetworkOutcomeInput = StepInput<'network'>;
export type DecisionInput = StepInput<'decision'>;
export type RevisionInput = StepInput<'revision'>;
export type DeadlineInput = StepInput<'deadline'>;
export type PostingInput = StepInput<'posting'>;
export type AppealInput = StepInput<'appeal'>;
export type RulingInput = StepInput<'ruling'>;
export type JudgementInput = StepInput<'judgement'>;
export type TerminationInput = StepInput<'termination'>;
export type FollowUpInput = StepInput<'follow-up'>;
export type AttachmentInput = StepInput<'attachment'>;
/** A reminder now: to one party, or to every party that has not answered. */
export interface ReminderNowInput {
  readonly party?: string;
  readonly actor: Actor;
}

/**
 * What a step's update answers: which case and how far its history now reaches, all of
 * it in the read model. Never the whole case: Temporal keeps every update's answer in the
 * history, and a whole case of 311 parties per answer was megabytes. (Histories recorded
 * before answered the whole CaseState; nothing reads those answers.)
 */
export interface StepReceipt {
  readonly caseId: string;
  readonly sequence: number;
  /**
   * What the step changed (one answer: its party and its entry), so that the API has the
   * case after it from the copy it read beside the step. Absent for a step already taken
   * and in answers from workflows of older code.
   */
  readonly change?: CaseDelta;
}

export const recordCouncilOutcome = defineUpdate<StepReceipt, [CouncilOutcomeInput]>('recordCouncilOutcome');
export const recordNetworkOutcome = defineUpdate<StepReceipt, [NetworkOutcomeInput]>('recordNetworkOutcome');
export const recordDecision = defineUpdate<StepReceipt, [DecisionInput]>('recordDecision');
export const reviseCase = defineUpdate<StepReceipt, [RevisionInput]>('reviseCase');
export const moveDeadline = defineUpdate<StepReceipt, [DeadlineInput]>('moveDeadline');
export const recordPosting = defineUpdate<StepReceipt, [PostingInput]>('recordPosting');
export const recordAppeal = defineUpdate<StepReceipt, [AppealInput]>('recordAppeal');
export const recordRuling = defineUpdate<StepReceipt, [RulingInput]>('recordRuling');
export const recordJudgement = defineUpdate<StepReceipt, [JudgementInput]>('recordJudgement');
export const recordTermination = defineUpdate<StepReceipt, [TerminationInput]>('recordTermination');
export const recordFollowUp = defineUpdate<StepReceipt, [FollowUpInput]>('recordFollowUp');
export const addAttachment = defineUpdate<StepReceipt, [AttachmentInput]>('addAttachment');
export const remindParties = defineUpdate<StepReceipt, [ReminderNowInput]>('remindParties');
/** Changes nothing: answers once the read model holds everything the case has done so far. */
export const awaitProjection = defineUpdate<StepReceipt, []>('awaitProjection');

export const caseStateQuery = defineQuery<CaseState>('caseState');

/** The update that carries each kind of step: one entry per kind, for the workflow's handlers and the API alike. */
type StepUpdates = { [K in StepKind]: UpdateDefinition<StepReceipt, [StepInput<K>]> };
const STEP_UPDATES: StepUpdates = {
  council: recordCouncilOutcome,
  network: recordNetworkOutcome,
  decision: recordDecision,
  revision: reviseCase,
  deadline: moveDeadline,
  posting: recordPosting,
  appeal: recordAppeal,
  ruling: recordRuling,
  judgement: recordJudgement,
  termination: recordTermination,
  'follow-up': recordFollowUp,
  attachment: addAttachment,
};

export const STEP_KINDS = Object.keys(STEP_UPDATES) as StepKind[];

export function stepUpdate<K extends StepKind>(kind: K): UpdateDefinition<StepReceipt, [StepInput<K>]> {
  return STEP_UPDATES[kind];
}

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/** A step update's input as the domain's step and who took it. */
export function stepFrom<K extends StepKind>(kind: K, { actor, by, ...fields }: StepInput<K>): { step: StepOf<K>; actor: Actor; by?: string } {
  // The one place the kind is put back: TypeScript cannot see that the fields and their kind make the step.
  return { step: { ...fields, kind } as unknown as StepOf<K>, actor, ...(by ? { by } : {}) };
}
