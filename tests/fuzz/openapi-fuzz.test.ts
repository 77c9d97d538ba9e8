import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createFreshDatabase } from '../support/fresh-database';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * schemathesis (pinned, installed into .tools by `npm install`) against the API's own
 * OpenAPI description: fixed seed, bounded examples, every check, stateful phase
 * included. It fails on any 5xx, any answer that breaks its own schema, and any
 * schema-valid request refused.
 */
// Installed per Python version (its compiled parts are built for one): the one python3 is now.
const PYTHON = execFileSync('python3', ['-c', 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'], { encoding: 'utf8' }).trim();
const TOOL = resolve(__dirname, '..', '..', '.tools', `schemathesis-4.32.5-py${PYTHON}`);
const ST = resolve(TOOL, 'bin', 'st');
const CONFIG = resolve(__dirname, 'schemathesis.toml');

let api: TestApi;

beforeAll(async () => {
  if (!existsSync(ST)) throw new Error(`${ST} is missing: \`npm install\` installs schemathesis from PyPI (needs python3 with pip).`);
  // A database of its own: the fuzzer adds, changes and retires parties of the register.
  api = await startTestApi({ partyPageLimitPerMinute: 100_000, databaseUrl: await createFreshDatabase('fuzz') });
});

afterAll(() => api?.close());

it('finds no server error and no broken contract in the OpenAPI description', async () => {
  const args = [
    '--config-file', CONFIG,
    'run', `${api.url}/api/openapi.json`,
    '--header', `Authorization: Bearer ${api.token}`,
    '--seed', '20261122',
    '--max-examples', '10',
    '--checks', 'all',
    '--workers', '1',
    '--request-timeout', '60',
    '--no-color',
  ];
  const result = await new Promise<{ code: number; output: string }>((done) => {
    execFile(ST, args, { env: { ...process.env, PYTHONPATH: TOOL }, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
  const summary = result.output.split('\n').slice(-60).join('\n');
  // jest shows only the differing part of a match: the whole summary when it fails.
  if (result.code !== 0) console.log(summary);
  expect({ code: result.code, summary }).toEqual({ code: 0, summary: expect.stringContaining('passed') });
});
