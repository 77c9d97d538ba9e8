import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../libs/embedded/free-port';
import { createDataSource, migrate } from '../../libs/persistence';
import { spawnPostgres, type PostgresProcess } from '../support/postgres-process';
import { startTestApi, type TestApi } from '../support/test-stack';

/** Health for operators: live while the process runs, ready while PostgreSQL and Temporal answer. */
let folder: string;
let postgres: PostgresProcess;
let api: TestApi;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'overens-health-'));
  chmodSync(folder, 0o755);
  postgres = await spawnPostgres({ dataDir: join(folder, 'postgres'), port: await freePort(), database: 'overens_health' });
  const dataSource = await createDataSource(postgres.url, { poolSize: 1 }).initialize();
  await migrate(dataSource);
  await dataSource.destroy();
  api = await startTestApi({ databaseUrl: postgres.url, withWorker: false });
});

afterAll(async () => {
  await api?.close();
  await postgres?.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${api.url}${path}`);
  return { status: response.status, body: await response.json() };
}

it('is live and ready, without a token, while both servers answer', async () => {
  expect(await get('/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
  expect(await get('/health/ready')).toEqual({ status: 200, body: { status: 'ok', checks: { database: 'ok', temporal: 'ok' } } });
});

it('is not ready, naming the database, while PostgreSQL is stopped, and still live', async () => {
  await postgres.stop();
  expect(await get('/health/ready')).toEqual({ status: 503, body: { status: 'unavailable', checks: { database: 'unavailable', temporal: 'ok' } } });
  expect((await get('/health/live')).status).toBe(200);
});
