import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readSettings } from '../../libs/config/config';
import { findProcessDefinition, projectionOf, type CaseProjection } from '../../libs/domain';
import { CaseProjectionRepository, createDataSource } from '../../libs/persistence';
import { connectClient } from '../../libs/temporal/temporal-connection';
import { caseStateQuery } from '../../workflows/case.messages';
import { failStartup } from '../shared/fail-startup';

/**
 * Rebuilds the whole read model from the workflows, the source of truth: every case
 * workflow (open or closed) is asked for its state, and the tables are written anew in
 * one transaction. A worker must be running to answer the queries.
 * `--where` narrows the workflows with a Temporal visibility query.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { where: { type: 'string' } } });
  const settings = readSettings(
    z.object({
      DATABASE_URL: z.string().url(),
      TEMPORAL_ADDRESS: z.string().min(1),
      TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    }),
  );
  const client = await connectClient(settings.TEMPORAL_ADDRESS, settings.TEMPORAL_NAMESPACE);
  const dataSource = await createDataSource(settings.DATABASE_URL, { poolSize: 1 }).initialize();
  const query = `WorkflowType = 'caseWorkflow'${values.where ? ` AND (${values.where})` : ''}`;

  async function* projections(): AsyncIterable<CaseProjection> {
    for await (const execution of client.workflow.list({ query })) {
      const state = await client.workflow.getHandle(execution.workflowId, execution.runId).query(caseStateQuery);
      const definition = findProcessDefinition(state.process.id, state.process.version);
      if (!definition) throw new Error(`${execution.workflowId}: unknown process ${state.process.id} v${state.process.version}`);
      yield projectionOf(state, definition);
    }
  }

  try {
    const count = await new CaseProjectionRepository(dataSource).rebuild(projections());
    console.log(`read-model:rebuild: ${count} cases written from their workflows`);
  } finally {
    await dataSource.destroy();
    await client.connection.close();
  }
}

main().catch(failStartup('read-model:rebuild'));
