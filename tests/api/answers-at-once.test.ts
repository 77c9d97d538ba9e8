import { SEED_PARTY_IDS as PARTY_IDS } from '../support/seed-register';
import { createCase, decision, recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * Every party answering one case in the same instant: more than the 10 unfinished updates
 * Temporal admits per workflow by default. Each is taken at once, none lost or doubled,
 * and each reply already holds its own answer.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api.close());

it('takes 16 answers sent at once, each replied to with its answer in it and each recorded once', async () => {
  const recommended = await recommendedCase(api);
  const path = `/api/cases/${recommended.id}/decisions`;
  const replies = await Promise.all(PARTY_IDS.map((party) => api.request('POST', path, decision(party))));
  expect(replies.map((reply) => reply.status)).toEqual(PARTY_IDS.map(() => 200));
  replies.forEach((reply, index) => {
    expect(reply.body.history.some((entry: { type: string; party?: string }) => entry.type === 'decision.adopted' && entry.party === PARTY_IDS[index])).toBe(true);
  });
  const final = (await api.request('GET', `/api/cases/${recommended.id}`)).body;
  expect(final.stage).toBe('in-force');
  const answered = final.history.filter((entry: { type: string }) => entry.type === 'decision.adopted').map((entry: { party: string }) => entry.party);
  expect(answered.sort()).toEqual([...PARTY_IDS].sort());
  expect(final.history.map((entry: { sequence: number }) => entry.sequence)).toEqual(final.history.map((_: unknown, index: number) => index + 1));
});

it('starts a case in one call that returns only once the read model holds it', async () => {
  const created = await createCase(api);
  const read = (await api.request('GET', `/api/cases/${created.id}`)).body;
  expect(read.history).toEqual(created.history);
  expect(read.stage).toBe(created.stage);
});
