import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  DomainError,
  applyStep,
  findProcessDefinition,
  isClosed,
  openCase,
  projectionOf,
  refuseStep,
  waitingOn,
  type CaseOpening,
  type CaseState,
  type CaseStep,
  type ProcessDefinition,
  type Actor,
} from '../libs/domain';
import type { CaseActivities } from './case.activity-types';
import {
  awaitProjection,
  caseStateQuery,
  recordCouncilOutcome,
  recordDecision,
  recordNetworkOutcome,
  reviseCase,
} from './case.messages';
import { DEADLINE_ATTRIBUTE, STAGE_ATTRIBUTE, WAITING_ON_ATTRIBUTE } from './search-attributes';

const { projectCase } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  // The read model must catch up however long the database is away.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface CaseWorkflowInput {
  readonly opening: CaseOpening;
  readonly process: { readonly id: string; readonly version: number };
}

/**
 * One case, from the network's approval until it closes. The workflow holds the truth;
 * every change is projected to the read model in order, and an update answers only once
 * its change is there, so a reply is never ahead of what the API can read.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const definition = requireDefinition(input.process.id, input.process.version);
  let state = openCase(input.opening, definition, nowIso());
  let projectedSequence = 0;
  publishSearchAttributes(state, definition);

  const untilProjected = async (): Promise<CaseState> => {
    const reached = state;
    await condition(() => projectedSequence >= reached.sequence);
    return reached;
  };
  const validate = (step: CaseStep): void => {
    const refusal = refuseStep(state, step, definition);
    if (refusal) throw toFailure(refusal);
  };
  const apply = (step: CaseStep, actor: Actor): Promise<CaseState> => {
    state = applyStep(state, step, definition, { at: nowIso(), actor, requestId: currentUpdateInfo()?.id ?? null });
    publishSearchAttributes(state, definition);
    return untilProjected();
  };

  setHandler(recordCouncilOutcome, ({ actor, ...step }) => apply({ kind: 'council', ...step }, actor), {
    validator: ({ actor: _actor, ...step }) => validate({ kind: 'council', ...step }),
  });
  setHandler(recordNetworkOutcome, ({ actor, ...step }) => apply({ kind: 'network', ...step }, actor), {
    validator: ({ actor: _actor, ...step }) => validate({ kind: 'network', ...step }),
  });
  setHandler(recordDecision, ({ actor, ...step }) => apply({ kind: 'decision', ...step }, actor), {
    validator: ({ actor: _actor, ...step }) => validate({ kind: 'decision', ...step }),
  });
  setHandler(reviseCase, ({ actor, ...step }) => apply({ kind: 'revision', ...step }, actor), {
    validator: ({ actor: _actor, ...step }) => validate({ kind: 'revision', ...step }),
  });
  setHandler(awaitProjection, untilProjected);
  setHandler(caseStateQuery, () => state);

  for (;;) {
    await condition(() => projectedSequence < state.sequence);
    const snapshot = state;
    await projectCase(projectionOf(snapshot, definition, projectedSequence));
    projectedSequence = snapshot.sequence;
    if (isClosed(state.stage) && projectedSequence === state.sequence) break;
  }
  await condition(allHandlersFinished);
  return state;
}

function requireDefinition(id: string, version: number): ProcessDefinition {
  const definition = findProcessDefinition(id, version);
  if (!definition) throw ApplicationFailure.nonRetryable(`Unknown process definition ${id} v${version}`, 'validation');
  return definition;
}

function publishSearchAttributes(state: CaseState, definition: ProcessDefinition): void {
  upsertSearchAttributes([
    { key: STAGE_ATTRIBUTE, value: state.stage },
    { key: WAITING_ON_ATTRIBUTE, value: waitingOn(state, definition) },
    { key: DEADLINE_ATTRIBUTE, value: state.deadline === null ? null : new Date(`${state.deadline}T00:00:00Z`) },
  ]);
}

function toFailure(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true });
}

/** Workflow time: deterministic on replay. */
function nowIso(): string {
  return new Date().toISOString();
}
