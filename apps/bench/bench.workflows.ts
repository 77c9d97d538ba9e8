import { condition, defineSignal, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';

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

