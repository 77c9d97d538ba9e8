import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  AppealStep,
  CaseState,
  CouncilStep,
  DeadlineStep,
  DecisionStep,
  FollowUpStep,
  NetworkStep,
  PostingStep,
  RevisionStep,
  TerminationStep,
} from '../libs/domain';

/** Every human step carries who took it; the kind is implied by the update. */
export type CouncilOutcomeInput = Omit<CouncilStep, 'kind'> & { readonly actor: Actor };
export type NetworkOutcomeInput = Omit<NetworkStep, 'kind'> & { readonly actor: Actor };
export type DecisionInput = Omit<DecisionStep, 'kind'> & { readonly actor: Actor };
export type RevisionInput = Omit<RevisionStep, 'kind'> & { readonly actor: Actor };
export type DeadlineInput = Omit<DeadlineStep, 'kind'> & { readonly actor: Actor };
export type PostingInput = Omit<PostingStep, 'kind'> & { readonly actor: Actor };
export type AppealInput = Omit<AppealStep, 'kind'> & { readonly actor: Actor };
export type TerminationInput = Omit<TerminationStep, 'kind'> & { readonly actor: Actor };
export type FollowUpInput = Omit<FollowUpStep, 'kind'> & { readonly actor: Actor };
/** A reminder now: to one party, or to every party that has not answered. */
export interface ReminderNowInput {
  readonly party?: string;
  readonly actor: Actor;
}

export const recordCouncilOutcome = defineUpdate<CaseState, [CouncilOutcomeInput]>('recordCouncilOutcome');
export const recordNetworkOutcome = defineUpdate<CaseState, [NetworkOutcomeInput]>('recordNetworkOutcome');
export const recordDecision = defineUpdate<CaseState, [DecisionInput]>('recordDecision');
export const reviseCase = defineUpdate<CaseState, [RevisionInput]>('reviseCase');
export const moveDeadline = defineUpdate<CaseState, [DeadlineInput]>('moveDeadline');
export const recordPosting = defineUpdate<CaseState, [PostingInput]>('recordPosting');
export const recordAppeal = defineUpdate<CaseState, [AppealInput]>('recordAppeal');
export const recordTermination = defineUpdate<CaseState, [TerminationInput]>('recordTermination');
export const recordFollowUp = defineUpdate<CaseState, [FollowUpInput]>('recordFollowUp');
export const remindParties = defineUpdate<CaseState, [ReminderNowInput]>('remindParties');
/** Changes nothing: answers once the read model holds everything the case has done so far. */
export const awaitProjection = defineUpdate<CaseState, []>('awaitProjection');

export const caseStateQuery = defineQuery<CaseState>('caseState');

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}
