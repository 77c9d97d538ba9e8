import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { SEED_PARTY_IDS as PARTY_IDS } from '../support/seed-register';
import { decision, recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';
import { startProgram } from '../support/program';
import { testServers } from '../support/test-servers';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ withWorker: false });
});

afterAll(() => api.close());

/** The real worker program, as production runs it, in its own process. */
function startWorkerProcess(): Promise<ChildProcess> {
  return startProgram(
    'worker',
    { DATABASE_URL: testServers().databaseUrl, TEMPORAL_ADDRESS: testServers().temporalAddress, TEMPORAL_TASK_QUEUE: api.taskQueue },
    'polling task queue',
  );
}

/** A client that retries with the same key on 503, as the contract invites. */
async function answerUntilAccepted(caseId: string, party: string): Promise<{ status: number; attempts: number }> {
  for (let attempts = 1; ; attempts++) {
    const response = await api.request('POST', `/api/cases/${caseId}/decisions`, decision(party), {
      'idempotency-key': `kill-${caseId}-${party}`,
    });
    if (response.status !== 503) return { status: response.status, attempts };
    await sleep(500);
  }
}

it('loses and doubles nothing when the worker is SIGKILLed in the middle of a case', async () => {
  let worker = await startWorkerProcess();
  const recommended = await recommendedCase(api);

  const answers = PARTY_IDS.map(async (party, index) => {
    await sleep(index * 40);
    return answerUntilAccepted(recommended.id, party);
  });
  await sleep(250);
  worker.kill('SIGKILL');
  await once(worker, 'exit');
  const atKill = (await api.request('GET', `/api/cases/${recommended.id}`)).body;
  expect(atKill.stage).toBe('decisions');
  expect(atKill.waitingOn.length).toBeGreaterThan(0);
  await sleep(1000);
  worker = await startWorkerProcess();

  const results = await Promise.all(answers);
  expect(results.every((result) => result.status === 200)).toBe(true);

  const final = (await api.request('GET', `/api/cases/${recommended.id}`)).body;
  expect(final.stage).toBe('in-force');
  const decisions = final.history.filter((entry: { type: string }) => entry.type === 'decision.adopted');
  expect(decisions.map((entry: { party: string }) => entry.party).sort()).toEqual([...PARTY_IDS].sort());
  expect(final.history.map((entry: { sequence: number }) => entry.sequence)).toEqual(final.history.map((_: unknown, index: number) => index + 1));

  const rows: { count: string }[] = await api.dataSource.query('SELECT count(*) FROM case_history WHERE case_id = $1', [recommended.id]);
  expect(Number(rows[0].count)).toBe(2 + PARTY_IDS.length);

  worker.kill('SIGTERM');
  await once(worker, 'exit');
});
