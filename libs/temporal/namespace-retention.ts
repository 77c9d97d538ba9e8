import type { Connection } from '@temporalio/client';
import { msToTs, tsToMs } from '@temporalio/common';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sets how long Temporal keeps a closed case workflow, instead of the server's default
 * (a day on the dev server). After that only the read model holds the case: its rows are
 * the record, which a rebuild never deletes. Idempotent.
 */
export async function ensureNamespaceRetention(connection: Connection, namespace: string, days: number): Promise<void> {
  if ((await namespaceRetentionDays(connection, namespace)) === days) return;
  await connection.workflowService.updateNamespace({
    namespace,
    config: { workflowExecutionRetentionTtl: msToTs(days * DAY_MS) },
  });
}

/** The retention a namespace has now, in days. */
export async function namespaceRetentionDays(connection: Connection, namespace: string): Promise<number> {
  const described = await connection.workflowService.describeNamespace({ namespace });
  return tsToMs(described.config?.workflowExecutionRetentionTtl) / DAY_MS;
}
