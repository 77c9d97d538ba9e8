import { SEED_PARTY_IDS as PARTY_IDS } from '../support/seed-register';
import { CaseRepository } from '../../libs/persistence';
import { caseStateQuery, caseWorkflowId } from '../../libs/workflow-contract/case.messages';
import { createCase, decision, recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * No worker: 16 parties answer the same case at once. Nothing is applied without a
 * worker, so every write waits at most OVERENS_UPDATE_TIMEOUT_SECONDS, then answers 503
 * with "retry with the same key" (an admission Temporal refuses, past its limit of
 * unfinished updates per workflow, answers the same). Retried with the same keys once a
 * worker is back, each answer is recorded exactly once.
 */
const TIMEOUT_SECONDS = 3;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ updateTimeoutSeconds: TIMEOUT_SECONDS });
});

afterAll(() => api.close());

it('answers 16 simultaneous answers with success or a clear retryable 503 in bounded time, and records each once', async () => {
  const recommended = await recommendedCase(api);
  const path = `/api/cases/${recommended.id}/decisions`;
  const key = (party: string) => ({ 'idempotency-key': `no-worker-${recommended.id}-${party}` });
  await api.stopWorker();

  const started = Date.now();
  const first = await Promise.all(PARTY_IDS.map((party) => api.request('POST', path, decision(party), key(party))));
  const elapsed = Date.now() - started;
  expect(first.map((response) => response.status).every((status) => status === 503)).toBe(true);
  for (const response of first) {
    expect(response.body).toEqual({ error: 'unavailable', message: expect.stringMatching(/Försök igen/) });
  }
  // Bounded: the timeout and some slack, however many were queued.
  expect(elapsed).toBeLessThan((TIMEOUT_SECONDS + 10) * 1000);
  const during = (await api.request('GET', `/api/cases/${recommended.id}`)).body;
  expect(during.history).toHaveLength(2);

  await api.startWorker();
  const retried = await Promise.all(
    PARTY_IDS.map(async (party) => {
      for (;;) {
        const response = await api.request('POST', path, decision(party), key(party));
        if (response.status !== 503) return response;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }),
  );
  expect(retried.map((response) => response.status)).toEqual(PARTY_IDS.map(() => 200));
  const final = (await api.request('GET', `/api/cases/${recommended.id}`)).body;
  expect(final.stage).toBe('in-force');
  const answered = final.history.filter((entry: { type: string }) => entry.type === 'decision.adopted').map((entry: { party: string }) => entry.party);
  expect(answered.sort()).toEqual([...PARTY_IDS].sort());
});

it('opens a case with no worker running: the API writes the opening, and the workflow, once a worker runs, holds the same case', async () => {
  await api.stopWorker();
  const created = await createCase(api, { deadline: '2099-12-31' });
  expect(created.stage).toBe('council');
  expect((await api.request('GET', `/api/cases/${created.id}`)).body.history).toHaveLength(1);

  await api.startWorker();
  const inWorkflow = await api.temporal.workflow.getHandle(caseWorkflowId(created.id)).query(caseStateQuery);
  expect(await new CaseRepository(api.dataSource).findById(created.id)).toEqual(inWorkflow);
  expect((await api.request('POST', `/api/cases/${created.id}/council`, { outcome: 'recommend', date: '2024-06-13' })).status).toBe(200);
});
