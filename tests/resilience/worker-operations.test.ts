import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../libs/embedded/free-port';
import { startProgram } from '../support/program';
import { testServers } from '../support/test-servers';

/** The worker program's operations ports: Temporal's own worker metrics, and its health. */
it("serves the Temporal SDK's worker metrics on OVERENS_METRICS_PORT, and its health on OVERENS_HEALTH_PORT", async () => {
  const port = await freePort();
  const healthPort = await freePort();
  const worker = await startProgram(
    'worker',
    {
      DATABASE_URL: testServers().databaseUrl,
      TEMPORAL_ADDRESS: testServers().temporalAddress,
      TEMPORAL_TASK_QUEUE: `metrics-${randomUUID()}`,
      OVERENS_METRICS_PORT: String(port),
      OVERENS_HEALTH_PORT: String(healthPort),
      // As the image runs it: the workflows bundled beforehand, not at start.
      OVERENS_WORKFLOW_BUNDLE: testServers().workflowBundlePath,
    },
    'polling task queue',
  );
  try {
    let text = '';
    for (let attempt = 0; attempt < 50 && !text.includes('temporal_'); attempt++) {
      text = await fetch(`http://127.0.0.1:${port}/metrics`).then((response) => response.text(), () => '');
      if (!text.includes('temporal_')) await sleep(200);
    }
    expect(text).toMatch(/^temporal_[a-z_]+/m);

    const live = await fetch(`http://127.0.0.1:${healthPort}/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`http://127.0.0.1:${healthPort}/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ok', checks: { worker: 'ok', database: 'ok' } }]);
  } finally {
    const exited = once(worker, 'exit');
    worker.kill('SIGTERM');
    await exited;
  }
});

it('refuses to start on a workflow bundle that is not there, saying which', async () => {
  const script = resolve(__dirname, '..', '..', 'dist', 'apps', 'worker', 'main.js');
  const result = spawnSync(process.execPath, [script], {
    env: {
      ...process.env,
      DATABASE_URL: testServers().databaseUrl,
      TEMPORAL_ADDRESS: testServers().temporalAddress,
      OVERENS_SMTP_URL: testServers().outboxSmtpUrl,
      OVERENS_LINK_SECRET: 'test-link-secret-of-the-worker-programs',
      OVERENS_PUBLIC_URL: 'http://127.0.0.1:3000',
      TEMPORAL_TASK_QUEUE: `bundle-${randomUUID()}`,
      OVERENS_WORKFLOW_BUNDLE: '/nowhere/workflow-bundle.js',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('OVERENS_WORKFLOW_BUNDLE: /nowhere/workflow-bundle.js does not exist');
});
