/**
 * The workflow API with every `patched()` answering false: bundled into the case workflow
 * in place of `@temporalio/workflow`, it runs the code as it was before its patches (the
 * projection as a remote activity, the timer restarted with every step), so that the
 * bench measures the old path and the new in the same run. The bench's only.
 */
export * from '@temporalio/workflow/lib/index';

export function patched(_patchId: string): boolean {
  return false;
}
