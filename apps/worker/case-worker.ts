import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { PartyNoticeOutboxRepository } from '../../libs/persistence';
import { caseStateQuery, caseWorkflowId } from '../../libs/workflow-contract/case.messages';
import { createPartyNoticesSender } from '../../libs/mail/case-mail.activities';
import { caseMailDependencies, createCaseActivities, type CaseMailSettings } from './case.activities';
import { PartyNoticeDispatcher, committedStateBy } from './party-notice-dispatcher';

/**
 * Open cases kept in the worker's memory between their steps. A fixed number rather than
 * the SDK's default, which grows with the heap limit (about 2,300 on a machine with a
 * 4 GiB heap): the worker's memory is then the same on every machine. A case out of
 * the cache is replayed from its history on its next step, which for a case's short
 * history costs a few milliseconds (`npm run bench`, docs/benchmark.md).
 */
export const CASE_WORKFLOW_CACHE_SIZE = 1000;

/**
 * Threads that run workflow code. The SDK's default with a reused V8 context is one, but
 * it enters that context several times per activation, each time under Node's `vm`
 * timeout, which starts and joins a watchdog thread; at 64 clients that and the SDK's
 * stack trace per promise kept the thread busy while the machine had CPU to spare, so
 * one thread bounded a worker's answers per second. A second takes other cases'
 * activations meanwhile: 10–20 % more answers/s at 64 clients on two cores (`npm run
 * bench`, docs/benchmark.md), for a second V8 heap (about 160 MiB more at start).
 */
export const CASE_WORKFLOW_THREADS = 2;

export interface CaseWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly dataSource: DataSource;
  readonly mail: CaseMailSettings;
  /** A prebuilt bundle (tests build it once); otherwise the workflows are bundled on start. */
  readonly workflowBundle?: WorkerOptions['workflowBundle'];
  /** Where the party-notice dispatcher logs; standard output by default. */
  readonly log?: (line: string) => void;
}

/** A Temporal worker for the cases of one task queue, and the dispatcher that sends their party notices while it runs. */
export class CaseWorker {
  constructor(
    readonly worker: Worker,
    private readonly notices: PartyNoticeDispatcher,
  ) {}

  async run(): Promise<void> {
    await this.whileDispatching(() => this.worker.run());
  }

  async runUntil<R>(until: Promise<R> | (() => Promise<R>)): Promise<R> {
    return this.whileDispatching(() => this.worker.runUntil(until));
  }

  shutdown(): void {
    this.worker.shutdown();
  }

  getState(): ReturnType<Worker['getState']> {
    return this.worker.getState();
  }

  private async whileDispatching<R>(run: () => Promise<R>): Promise<R> {
    this.notices.start();
    try {
      return await run();
    } finally {
      await this.notices.stop();
    }
  }
}

export async function createCaseWorker(options: CaseWorkerOptions): Promise<CaseWorker> {
  const activities = createCaseActivities(options.dataSource, options.mail);
  const worker = await Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities,
    maxCachedWorkflows: CASE_WORKFLOW_CACHE_SIZE,
    workflowThreadPoolSize: CASE_WORKFLOW_THREADS,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../../workflows') }),
  });
  const client = new Client({ connection: options.connection, namespace: options.namespace });
  const notices = new PartyNoticeDispatcher({
    outbox: new PartyNoticeOutboxRepository(options.dataSource),
    taskQueue: options.taskQueue,
    send: createPartyNoticesSender(caseMailDependencies(options.dataSource, options.mail)),
    committedState: committedStateBy((caseId) => client.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery)),
    ...(options.log ? { log: options.log } : {}),
  });
  return new CaseWorker(worker, notices);
}
