import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../libs/embedded/free-port';
import { caseStateQuery, caseWorkflowId } from '../../libs/workflow-contract/case.messages';
import { decision, recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';
import { startProgram } from '../support/program';
import { testServers } from '../support/test-servers';

/** The in-process API and worker set up the case; the real API program is the one killed. */
let helper: TestApi;

beforeAll(async () => {
  helper = await startTestApi({ withWorker: false });
});

afterAll(() => helper.close());

function startApiProcess(port: number): Promise<ChildProcess> {
  return startProgram(
    'api',
    {
      PORT: String(port),
      DATABASE_URL: testServers().databaseUrl,
      TEMPORAL_ADDRESS: testServers().temporalAddress,
      TEMPORAL_TASK_QUEUE: helper.taskQueue,
      OVERENS_ADMIN_TOKEN: helper.token,
      OVERENS_LINK_SECRET: 'a-link-secret-for-the-api-kill-test-only',
    },
    'listening',
  );
}

it('records an answer once when the API dies after the workflow took it but before the reply', async () => {
  await helper.startWorker();
  const recommended = await recommendedCase(helper, { parties: ['falun', 'mora'] });
  // With no worker the update waits at the server; the API is killed while it waits.
  await helper.stopWorker();
  const port = await freePort();
  const api = await startApiProcess(port);
  const request = () =>
    fetch(`http://127.0.0.1:${port}/api/cases/${recommended.id}/decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${helper.token}`, 'content-type': 'application/json', 'idempotency-key': `api-kill-${recommended.id}` },
      body: JSON.stringify(decision('falun')),
    });
  const lost = request().then(
    () => 'answered',
    () => 'connection lost',
  );
  await sleep(1000);
  api.kill('SIGKILL');
  await once(api, 'exit');
  expect(await lost).toBe('connection lost');

  // The worker comes back and applies the update nobody waits for any more.
  await helper.startWorker();
  const handle = helper.temporal.workflow.getHandle(caseWorkflowId(recommended.id));
  for (let attempt = 0; attempt < 100 && (await handle.query(caseStateQuery)).sequence < 3; attempt++) await sleep(200);
  expect((await handle.query(caseStateQuery)).sequence).toBe(3);

  const restarted = await startApiProcess(port);
  try {
    const retry = await request();
    expect(retry.status).toBe(200);
    const body = (await retry.json()) as { history: { party?: string }[]; waitingOn: string[] };
    expect(body.history.filter((entry) => entry.party === 'falun')).toHaveLength(1);
    expect(body.waitingOn).toEqual(['mora']);
  } finally {
    restarted.kill('SIGTERM');
    await once(restarted, 'exit');
  }
});
