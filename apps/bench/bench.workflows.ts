import {
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  defineSignal,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import { REGIONAL_AGREEMENT, pendingAnswer, projectionOf, type CaseState, type HistoryEntry } from '../../libs/domain';
import type { CaseActivities } from '../../libs/workflow-contract/case.activity-types';

/**
 * Workflows for the benchmark only, run by the bench's own worker on a task queue of its
 * own. They are never started by the product.
 */

/** The floor of an answer: an update that changes nothing and answers at once. */
export const touch = defineUpdate<number, []>('touch');
/** The same with one activity that does nothing before the answer: what a projection costs in Temporal alone. */
export const touchThroughActivity = defineUpdate<number, []>('touchThroughActivity');
/** The same with a local activity: the projection's round trip if it ran as one. */
export const touchThroughLocalActivity = defineUpdate<number, []>('touchThroughLocalActivity');
export const finish = defineSignal('finish');

export interface FloorActivities {
  nothing(): Promise<void>;
}

const { nothing } = proxyActivities<FloorActivities>({ startToCloseTimeout: '30 seconds' });
const { nothing: nothingLocally } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '30 seconds' });

export async function noopWorkflow(): Promise<void> {
  let touched = 0;
  let finished = false;
  setHandler(touch, () => ++touched);
  setHandler(touchThroughActivity, async () => {
    await nothing();
    return ++touched;
  });
  setHandler(touchThroughLocalActivity, async () => {
    await nothingLocally();
    return ++touched;
  });
  setHandler(finish, () => void (finished = true));
  await condition(() => finished);
}

export interface ManyPartiesInput {
  readonly caseId: string;
  readonly title: string;
  readonly reference: string;
  readonly parties: readonly string[];
}

export const answerAsParty = defineUpdate<number, [{ party: string; date: string }]>('answerAsParty');

const { projectCase } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The case workflow's shape with any number of parties, which the domain cannot express
 * (it knows Dalarna's 16): an answer is an update that changes the state, the real
 * `projectCase` activity writes it to the read model, and the update answers once its
 * change is projected. Projections batch whatever arrived while the previous one ran,
 * as in `caseWorkflow`.
 */
export async function manyPartiesWorkflow(input: ManyPartiesInput): Promise<number> {
  const openedAt = new Date().toISOString();
  const opened: HistoryEntry = { sequence: 1, at: openedAt, type: 'network.approve', actor: 'coordinator', requestId: null, stage: 'decisions', version: 1 };
  let state: CaseState = {
    id: input.caseId,
    process: { id: REGIONAL_AGREEMENT.id, version: REGIONAL_AGREEMENT.version },
    title: input.title,
    reference: input.reference,
    deadline: null,
    attachments: [],
    stage: 'decisions',
    stageSince: openedAt,
    openedAt,
    parties: input.parties.map(pendingAnswer),
    history: [opened],
    sequence: 1,
    version: 1,
  };
  let projectedSequence = 0;

  setHandler(
    answerAsParty,
    async ({ party, date }) => {
      const at = new Date().toISOString();
      const parties = state.parties.map((answer) =>
        answer.party === party ? { ...answer, status: 'adopted' as const, date, body: 'Kommunfullmäktige', answeredAt: at, version: 1 } : answer,
      );
      const stage = parties.every((answer) => answer.status === 'adopted') ? 'in-force' : 'decisions';
      const entry: HistoryEntry = {
        sequence: state.sequence + 1,
        at,
        type: 'decision.adopted',
        actor: `party:${party}`,
        requestId: currentUpdateInfo()?.id ?? null,
        stage,
        party,
        outcome: 'adopted',
        date,
        version: 1,
      };
      state = { ...state, parties, stage, stageSince: stage === state.stage ? state.stageSince : at, history: [...state.history, entry], sequence: entry.sequence };
      const reached = state.sequence;
      await condition(() => projectedSequence >= reached);
      return reached;
    },
    {
      validator: ({ party }) => {
        if (state.stage !== 'decisions') throw new Error('The case is closed.');
        if (!state.parties.some((answer) => answer.party === party)) throw new Error(`${party} is not a party to the case.`);
      },
    },
  );

  for (;;) {
    await condition(() => projectedSequence < state.sequence);
    const snapshot = state;
    await projectCase(projectionOf(snapshot, REGIONAL_AGREEMENT, projectedSequence));
    projectedSequence = snapshot.sequence;
    if (state.stage === 'in-force' && projectedSequence === state.sequence) break;
  }
  await condition(allHandlersFinished);
  return state.sequence;
}
