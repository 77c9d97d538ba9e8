import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createCaseActivities, type CaseMailSettings } from './case.activities';

/**
 * Open cases kept in the worker's memory between their steps. A fixed number rather than
 * the SDK's default, which grows with the heap limit (about 2,300 on a machine with a
 * 4 GiB heap): the worker's memory is then the same on every machine. A case out of
 * the cache is replayed from its history on its next step, which for a case's short
 * history costs a few milliseconds (`npm run bench`, docs/benchmark.md).
 */
export const CASE_WORKFLOW_CACHE_SIZE = 1000;

export interface CaseWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly dataSource: DataSource;
  readonly mail: CaseMailSettings;
  /** A prebuilt bundle (tests build it once); otherwise the workflows are bundled on start. */
  readonly workflowBundle?: WorkerOptions['workflowBundle'];
}

export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createCaseActivities(options.dataSource, options.mail),
    maxCachedWorkflows: CASE_WORKFLOW_CACHE_SIZE,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../../workflows') }),
  });
}
