import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { createCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';
import { testServers } from '../support/test-servers';

const run = promisify(execFile);
const CLI = resolve(__dirname, '..', '..', 'dist', 'apps', 'cli', 'api-token.js');

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api.close());

const env = () => ({ ...process.env, DATABASE_URL: testServers().databaseUrl });

it('creates a named API token that the API takes and records by name, and revokes it', async () => {
  const name = `Diariets integration ${Date.now()}`;
  const { stdout } = await run(process.execPath, [CLI, 'create', '--name', name], { env: env() });
  const token = /\n(ovr_\S+)/.exec(stdout)?.[1];
  expect(token).toBeDefined();
  const bearer = { authorization: `Bearer ${token}` };

  const created = await createCase(api, { parties: ['falun'] });
  const step = await api.request('POST', `/api/cases/${created.id}/council`, { outcome: 'recommend', date: '2024-06-13' }, bearer);
  expect(step.status).toBe(200);
  expect(step.body.history.at(-1)).toMatchObject({ type: 'council.recommend', actor: 'coordinator', by: name });

  const revoked = await run(process.execPath, [CLI, 'revoke', '--name', name], { env: env() });
  expect(revoked.stdout).toContain(`api token for ${name} revoked`);
  expect((await api.request('GET', '/api/cases', undefined, bearer)).status).toBe(401);
  expect((await api.request('GET', '/api/cases', undefined, { authorization: 'Bearer ovr_nothing-like-it' })).status).toBe(401);
  expect(api.securityEvents.filter((event) => event.security === 'bearer-refused').length).toBeGreaterThanOrEqual(2);
});

it('says how to use it when the name is missing, and refuses to revoke what is not there', async () => {
  await expect(run(process.execPath, [CLI, 'create'], { env: env() })).rejects.toMatchObject({ stderr: expect.stringContaining('usage: npm run token:create') });
  await expect(run(process.execPath, [CLI, 'revoke', '--name', 'ingen sådan'], { env: env() })).rejects.toMatchObject({
    stderr: expect.stringContaining('no api token named ingen sådan'),
  });
});
