import { parseArgs } from 'node:util';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { z } from 'zod';
import { ConfigurationError, readSettings } from '../../libs/config/config';
import { withStackAddresses } from '../../libs/config/stack-file';
import { findProcessDefinition, projectionOf, type CaseProjection } from '../../libs/domain';
import { ReadModelAheadError, ReadModelRebuild, createDataSource, describeRebuild } from '../../libs/persistence';
import { connectClient } from '../../libs/temporal/temporal-connection';
import { caseStateQuery } from '../../libs/workflow-contract/case.messages';

const USAGE = 'usage: npm run read-model:rebuild -- [--where "<Temporal visibility query>"] [--dry-run]';

/**
 * Writes the read model's rows of the cases whose workflows Temporal holds, from those
 * workflows (the truth while a case runs). It never deletes: cases Temporal no longer
 * holds, or that `--where` did not match, keep their rows, and history only grows.
 * `--dry-run` says what would change and changes nothing. A worker must be running to
 * answer the queries. Without DATABASE_URL and TEMPORAL_ADDRESS it uses the servers of
 * the `npm start` running from the same folder.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { where: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
  const settings = readSettings(
    z.object({
      DATABASE_URL: z.string().url(),
      TEMPORAL_ADDRESS: z.string().min(1),
      TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    }),
    // Beside a running `npm start`, its servers are found without being named.
    withStackAddresses(process.env),
  );
  const dataSource = await createDataSource(settings.DATABASE_URL, { poolSize: 1 })
    .initialize()
    .catch((error: unknown) => {
      throw new RebuildFailure(`the database (${hostOf(settings.DATABASE_URL)}) does not answer: ${messageOf(error)}`);
    });
  let client: Client | undefined;
  try {
    client = await connectClient(settings.TEMPORAL_ADDRESS, settings.TEMPORAL_NAMESPACE).catch((error: unknown) => {
      throw new RebuildFailure(`Temporal (${settings.TEMPORAL_ADDRESS}) does not answer: ${messageOf(error)}`);
    });
    const report = await new ReadModelRebuild(dataSource)
      .run(caseProjections(client, values.where), { dryRun: values['dry-run'] ?? false })
      .catch((error: unknown) => {
        if (error instanceof ReadModelAheadError) throw new RebuildFailure(error.message);
        throw new RebuildFailure(`${messageOf(error)}. Nothing was changed: the rebuild writes in one transaction.`);
      });
    for (const line of describeRebuild(report)) console.log(`read-model:rebuild: ${line}`);
  } finally {
    await dataSource.destroy();
    await client?.connection.close();
  }
}

/** The state of every case workflow the query matches, as the projection of its whole history. */
async function* caseProjections(client: Client, where: string | undefined): AsyncIterable<CaseProjection> {
  const query = `WorkflowType = 'caseWorkflow'${where ? ` AND (${where})` : ''}`;
  for await (const execution of client.workflow.list({ query })) {
    // A run that continued as new handed its whole state to the next run, which is read instead.
    if (execution.status.name === 'CONTINUED_AS_NEW') continue;
    let state;
    try {
      state = await client.workflow.getHandle(execution.workflowId, execution.runId).query(caseStateQuery);
    } catch (error) {
      // Forgotten (retention, or deleted) between the listing and the query: its rows stay as they are.
      if (error instanceof WorkflowNotFoundError) continue;
      throw error;
    }
    const definition = findProcessDefinition(state.process.id, state.process.version);
    if (!definition) throw new Error(`${execution.workflowId}: unknown process ${state.process.id} v${state.process.version}`);
    yield projectionOf(state, definition);
  }
}

class RebuildFailure extends Error {}

function hostOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message || error.name : String(error);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError || error instanceof RebuildFailure) console.error(`read-model:rebuild: ${error.message}`);
  else if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`read-model:rebuild: ${(error as Error).message}\n${USAGE}`);
  }
  else console.error('read-model:rebuild: failed:', error);
  process.exit(1);
});
