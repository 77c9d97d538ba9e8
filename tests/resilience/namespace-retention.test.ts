import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { namespaceRetentionDays } from '../../libs/temporal/namespace-retention';
import { startProgram } from '../support/program';
import { testServers } from '../support/test-servers';

/**
 * Temporal forgets a closed workflow after its namespace's retention: the worker sets that
 * retention at start from OVERENS_RETENTION_DAYS instead of leaving the server's default
 * (a day on the dev server).
 */
let connection: Connection;

beforeAll(async () => {
  connection = await Connection.connect({ address: testServers().temporalAddress });
});

afterAll(async () => {
  await connection?.close();
});

/** A namespace of this test's own, with the dev server's default retention of one day. */
async function newNamespace(): Promise<string> {
  const namespace = `retention-${randomUUID()}`;
  await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
  return namespace;
}

async function startWorkerOn(namespace: string, retentionDays?: string): Promise<void> {
  const worker = await startProgram(
    'worker',
    {
      DATABASE_URL: testServers().databaseUrl,
      TEMPORAL_ADDRESS: testServers().temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: `retention-${randomUUID()}`,
      OVERENS_RETENTION_DAYS: retentionDays,
    },
    'polling task queue',
  );
  const exited = once(worker, 'exit');
  worker.kill('SIGTERM');
  await exited;
}

it('sets the retention it is told on its namespace at start', async () => {
  const namespace = await newNamespace();
  expect(await namespaceRetentionDays(connection, namespace)).toBe(1);
  await startWorkerOn(namespace, '45');
  expect(await namespaceRetentionDays(connection, namespace)).toBe(45);
});

it('sets 30 days when nothing is configured', async () => {
  const namespace = await newNamespace();
  await startWorkerOn(namespace);
  expect(await namespaceRetentionDays(connection, namespace)).toBe(30);
});
