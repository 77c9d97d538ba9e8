import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createCaseActivities, type CaseMailSettings } from './case.activities';

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
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../../workflows') }),
  });
}
