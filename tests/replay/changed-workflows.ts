import { sleep } from '@temporalio/workflow';
import { caseWorkflow as released, type CaseWorkflowInput } from '../../workflows/case.workflow';

/**
 * The released workflow with one deliberate change made without `patched()`: a timer
 * before anything else. Replaying a recorded history against it must fail.
 */
export async function caseWorkflow(input: CaseWorkflowInput): ReturnType<typeof released> {
  await sleep('1 second');
  return released(input);
}
