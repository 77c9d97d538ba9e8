import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { CaseProjectionRepository } from '../../libs/persistence';
import { createCaseActivities } from './case.activities';

export interface CaseWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly dataSource: DataSource;
  /** A prebuilt bundle (tests build it once); otherwise the workflows are bundled on start. */
  readonly workflowBundle?: WorkerOptions['workflowBundle'];
}

export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createCaseActivities(new CaseProjectionRepository(options.dataSource)),
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../../workflows') }),
  });
}
