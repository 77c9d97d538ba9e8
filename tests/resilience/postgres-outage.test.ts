import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../libs/embedded/free-port';
import { createDataSource, migrate } from '../../libs/persistence';
import { caseStateQuery, caseWorkflowId } from '../../libs/workflow-contract/case.messages';
import { decision, recommendedCase } from '../support/case-requests';
import { spawnPostgres, type PostgresProcess } from '../support/postgres-process';
import { startTestApi, type TestApi } from '../support/test-stack';
import { until } from '../support/until';

/**
 * PostgreSQL stopped under the API and the worker (a server of this test's own, so the
 * other suites keep theirs): reads answer 503 at once, writes 503 within the update
 * timeout, projections back off and catch up, and the read model ends equal to the
 * workflows' state.
 */
let folder: string;
let port: number;
let postgres: PostgresProcess;
let api: TestApi;

const start = () => spawnPostgres({ dataDir: join(folder, 'postgres'), port, database: 'overens_outage' });

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'overens-outage-'));
  chmodSync(folder, 0o755);
  port = await freePort();
  postgres = await start();
  const dataSource = await createDataSource(postgres.url, { poolSize: 1 }).initialize();
  await migrate(dataSource);
  await dataSource.destroy();
  api = await startTestApi({ databaseUrl: postgres.url, updateTimeoutSeconds: 3 });
});

afterAll(async () => {
  await api?.close();
  await postgres?.stop();
  rmSync(folder, { recursive: true, force: true });
});

it('answers 503 while the database is away, catches up after, and ends equal to the workflow', async () => {
  const recommended = await recommendedCase(api, { parties: ['falun', 'mora'] });
  const path = `/api/cases/${recommended.id}`;
  await postgres.stop();

  const read = await api.request('GET', path);
  expect(read).toEqual({ status: 503, body: { error: 'unavailable', message: expect.any(String) } });
  const listed = await api.request('GET', '/api/dashboard');
  expect(listed.status).toBe(503);
  const write = await api.request('POST', `${path}/decisions`, decision('falun'), { 'idempotency-key': `outage-${recommended.id}` });
  expect(write.status).toBe(503);

  await sleep(2000);
  postgres = await start();
  let caughtUp: any;
  for (let attempt = 0; attempt < 120 && !caughtUp; attempt++) {
    const response = await api.request('GET', path);
    if (response.status === 200 && response.body.waitingOn.length === 1) caughtUp = response.body;
    else await sleep(1000);
  }
  expect(caughtUp.waitingOn).toEqual(['mora']);

  const retried = await api.request('POST', `${path}/decisions`, decision('falun'), { 'idempotency-key': `outage-${recommended.id}` });
  expect(retried.status).toBe(200);
  expect(retried.body.history.filter((entry: { party?: string }) => entry.party === 'falun')).toHaveLength(1);

  const truth = await api.temporal.workflow.getHandle(caseWorkflowId(recommended.id)).query(caseStateQuery);
  const { history: _history, ...state } = truth;
  expect((await api.request('GET', path)).body).toEqual(expect.objectContaining({ stage: state.stage, version: state.version }));
  const rows: { sequence: number }[] = await api.dataSource.query('SELECT sequence FROM case_history WHERE case_id = $1 ORDER BY sequence', [recommended.id]);
  expect(rows.map((row) => row.sequence)).toEqual(truth.history.map((entry) => entry.sequence));

  // Falun's receipt, queued when the projection caught up, goes once the retried answer confirmed its step.
  const receipt = await until(
    (): Promise<{ sent: boolean }[]> => api.dataSource.query('SELECT sent_at IS NOT NULL AS sent FROM party_notice_outbox WHERE case_id = $1', [recommended.id]),
    (rows) => rows[0]?.sent === true,
  );
  expect(receipt).toEqual([{ sent: true }]);
  // The worker said the outbox was away, not four times a second, and that it came back.
  const away = api.logLines.filter((line) => line.includes('party notices: could not read the outbox'));
  expect(away.length).toBeGreaterThanOrEqual(1);
  expect(away.length).toBeLessThanOrEqual(2);
  expect(api.logLines.some((line) => line.includes('party notices: the outbox can be read again'))).toBe(true);
});
