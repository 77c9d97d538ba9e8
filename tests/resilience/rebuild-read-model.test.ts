import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../libs/persistence';
import { createCase, decision, recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';
import { testServers } from '../support/test-servers';

const run = promisify(execFile);
const CLI = resolve(__dirname, '..', '..', 'dist', 'apps', 'cli', 'rebuild-read-model.js');

let api: TestApi;
let fresh: DataSource;
let freshUrl: string;

beforeAll(async () => {
  api = await startTestApi();
  // A database of its own to rebuild into, so the other suites' read model is untouched.
  const name = `rebuild_${randomUUID().replace(/-/g, '')}`;
  await api.dataSource.query(`CREATE DATABASE ${name}`);
  freshUrl = testServers().databaseUrl.replace(/\/[^/]+$/, `/${name}`);
  fresh = await createDataSource(freshUrl, { poolSize: 1 }).initialize();
  await migrate(fresh);
});

afterAll(async () => {
  await fresh?.destroy();
  await api?.close();
});

/** The read model's rows for some cases, without the history's surrogate ids. */
async function rows(dataSource: DataSource, ids: string[]): Promise<unknown> {
  return {
    cases: await dataSource.query(`SELECT * FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]),
    parties: await dataSource.query(`SELECT * FROM case_parties WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, party`, [ids]),
    history: await dataSource.query(
      `SELECT case_id, sequence, at, type, actor, request_id, stage, party, outcome, date, note, version, until_meeting, reopened
         FROM case_history WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, sequence`,
      [ids],
    ),
  };
}

it('rebuilds, from the workflows alone, a read model equal to the live one', async () => {
  const open = await createCase(api, { parties: ['falun', 'mora'] });
  const waiting = await recommendedCase(api, { parties: ['falun', 'mora', 'orsa'] });
  await api.request('POST', `/api/cases/${waiting.id}/decisions`, decision('falun'), { 'idempotency-key': `rebuild-${waiting.id}` });
  await api.request('POST', `/api/cases/${waiting.id}/revisions`, { date: '2024-11-14', parties: ['falun'] });
  const closed = await recommendedCase(api, { parties: ['mora'] });
  await api.request('POST', `/api/cases/${closed.id}/decisions`, decision('mora'));
  const ids = [open.id, waiting.id, closed.id];

  const { stdout } = await run(process.execPath, [CLI, '--where', `TaskQueue = '${api.taskQueue}'`], {
    env: { ...process.env, DATABASE_URL: freshUrl, TEMPORAL_ADDRESS: testServers().temporalAddress },
  });
  expect(stdout).toContain('3 cases written');
  expect(await rows(fresh, ids)).toEqual(await rows(api.dataSource, ids));
});
