import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, CaseState, CouncilStep, DecisionStep, NetworkStep, RevisionStep } from '../libs/domain';

/** Every human step carries who took it; the kind is implied by the update. */
export type CouncilOutcomeInput = Omit<CouncilStep, 'kind'> & { readonly actor: Actor };
export type NetworkOutcomeInput = Omit<NetworkStep, 'kind'> & { readonly actor: Actor };
export type DecisionInput = Omit<DecisionStep, 'kind'> & { readonly actor: Actor };
export type RevisionInput = Omit<RevisionStep, 'kind'> & { readonly actor: Actor };

export const recordCouncilOutcome = defineUpdate<CaseState, [CouncilOutcomeInput]>('recordCouncilOutcome');
export const recordNetworkOutcome = defineUpdate<CaseState, [NetworkOutcomeInput]>('recordNetworkOutcome');
export const recordDecision = defineUpdate<CaseState, [DecisionInput]>('recordDecision');
export const reviseCase = defineUpdate<CaseState, [RevisionInput]>('reviseCase');
/** Changes nothing: answers once the read model holds everything the case has done so far. */
export const awaitProjection = defineUpdate<CaseState, []>('awaitProjection');

export const caseStateQuery = defineQuery<CaseState>('caseState');

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}
