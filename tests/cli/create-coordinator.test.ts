import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { signInByForm } from '../support/sign-in';
import { startTestApi, type TestApi } from '../support/test-stack';
import { testServers } from '../support/test-servers';

const run = promisify(execFile);
const CLI = resolve(__dirname, '..', '..', 'dist', 'apps', 'cli', 'create-coordinator.js');

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ withWorker: false });
});

afterAll(() => api.close());

async function signIn(email: string, password: string): Promise<{ status: number; location: string | null }> {
  const { status, location } = await signInByForm(api.url, email, password);
  return { status, location };
}

it('creates an account that can sign in, and locks it after five wrong passwords', async () => {
  const email = `registrator-${Date.now()}@falun.example`;
  const env = { ...process.env, DATABASE_URL: testServers().databaseUrl, OVERENS_NEW_PASSWORD: 'korrekt häst batteri' };
  const { stdout } = await run(process.execPath, [CLI, '--email', email, '--name', 'Karin Registrator'], { env });
  expect(stdout).toContain(`${email} can now sign in`);

  expect(await signIn(email, 'korrekt häst batteri')).toEqual({ status: 303, location: '/oversikt' });
  for (let attempt = 0; attempt < 5; attempt++) expect((await signIn(email, 'fel')).status).toBe(401);
  expect((await signIn(email, 'korrekt häst batteri')).status).toBe(429);
  expect(api.securityEvents.map((event) => `${event.security}:${event.reason ?? ''}`)).toEqual([
    'signed-in:',
    ...Array.from({ length: 5 }, () => 'sign-in-refused:wrong-password'),
    'sign-in-refused:locked',
  ]);
});

it('refuses a short password and a missing e-mail with a clear message', async () => {
  const env = { ...process.env, DATABASE_URL: testServers().databaseUrl, OVERENS_NEW_PASSWORD: 'kort' };
  await expect(run(process.execPath, [CLI, '--email', 'a@b.example', '--name', 'A'], { env })).rejects.toMatchObject({
    stderr: expect.stringContaining('at least 12 characters'),
  });
  await expect(run(process.execPath, [CLI, '--name', 'A'], { env })).rejects.toMatchObject({ stderr: expect.stringContaining('usage') });
});
