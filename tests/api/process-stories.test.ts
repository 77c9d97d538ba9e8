import { SEED_PARTY_IDS as PARTY_IDS } from '../support/seed-register';
import { createCase, decision, recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';
import { everyBlockedRow } from '../support/dashboard';

/** The real stories of DOMAIN.md, replayed through the API. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api.close());

const MUNICIPALITIES = PARTY_IDS.filter((party) => party !== 'region-dalarna');
// MiniMaria: the parties that use the Falun reception, and those hosted by Mora.
const FALUN_GROUP = ['avesta', 'borlange', 'falun', 'gagnef', 'hedemora', 'ludvika', 'sater'];
const MORA_GROUP = ['leksand', 'malung-salen', 'mora', 'orsa', 'rattvik', 'vansbro', 'alvdalen'];

async function post(path: string, body: unknown, key?: string): Promise<any> {
  const response = await api.request('POST', path, body, key ? { 'idempotency-key': key } : {});
  expect(response.status).toBe(200);
  return response.body;
}

it('home care: the council sends the agreement back to the network, which works on and forwards it again', async () => {
  const created = await createCase(api, { title: 'Regional överenskommelse om hemsjukvård' });
  const path = `/api/cases/${created.id}`;
  const back = await post(`${path}/council`, {
    outcome: 'refer-back',
    date: '2024-06-13',
    note: 'Nätverket ska arbeta vidare med ansvarsfördelningen.',
    untilMeeting: '2024-09-19',
  });
  expect(back).toEqual(expect.objectContaining({ stage: 'network', waitingOn: ['lchnv'] }));
  const tabled = await post(`${path}/network`, { outcome: 'table', date: '2024-09-19', note: 'Mer dialog behövs.', untilMeeting: '2024-10-17' });
  expect(tabled.history.at(-1)).toEqual(expect.objectContaining({ type: 'network.table', untilMeeting: '2024-10-17', note: 'Mer dialog behövs.' }));
  await post(`${path}/network`, { outcome: 'forward', date: '2024-10-17' });
  const recommended = await post(`${path}/council`, { outcome: 'recommend', date: '2024-11-07' });
  expect(recommended.stage).toBe('decisions');
  expect(recommended.history.map((entry: { type: string }) => entry.type)).toEqual([
    'network.approve',
    'council.refer-back',
    'network.table',
    'network.forward',
    'council.recommend',
  ]);
  expect(recommended.history[1]).toEqual(expect.objectContaining({ untilMeeting: '2024-09-19', note: 'Nätverket ska arbeta vidare med ansvarsfördelningen.' }));
});

it('MiniMaria goes on without Smedjebacken and re-opens decisions for the Falun group only', async () => {
  const recommended = await recommendedCase(api, { title: 'Regional överenskommelse om MiniMaria', parties: MUNICIPALITIES });
  const path = `/api/cases/${recommended.id}`;
  for (const party of [...MORA_GROUP, 'falun', 'borlange']) await post(`${path}/decisions`, decision(party));
  const outside = await post(`${path}/decisions`, decision('smedjebacken', 'opted-out'));
  expect(outside.waitingOn).toEqual(['avesta', 'gagnef', 'hedemora', 'ludvika', 'sater']);

  const revised = await post(
    `${path}/revisions`,
    { date: '2024-11-14', note: 'Ny kostnadsfördelning utan Smedjebacken.', parties: FALUN_GROUP },
    `minimaria-revision-${recommended.id}`,
  );
  const again = await post(`${path}/revisions`, { date: '2024-11-14', parties: FALUN_GROUP }, `minimaria-revision-${recommended.id}`);
  expect(again).toEqual(revised);
  expect(revised.version).toBe(2);
  expect(revised.waitingOn).toEqual(FALUN_GROUP);
  for (const party of MORA_GROUP) {
    expect(revised.parties.find((answer: { party: string }) => answer.party === party)).toEqual(expect.objectContaining({ status: 'adopted', version: 1 }));
  }

  let final = revised;
  for (const party of FALUN_GROUP) final = await post(`${path}/decisions`, decision(party, 'adopted', { date: '2024-12-12' }));
  expect(final.stage).toBe('in-force');
  expect(final.parties.find((answer: { party: string }) => answer.party === 'smedjebacken').status).toBe('opted-out');
  expect(final.parties.find((answer: { party: string }) => answer.party === 'falun')).toEqual(expect.objectContaining({ version: 2, date: '2024-12-12' }));
  const falunDecisions = final.history.filter((entry: { party?: string }) => entry.party === 'falun');
  expect(falunDecisions.map((entry: { version: number }) => entry.version)).toEqual([1, 2]);
  expect((await api.request('GET', path)).body).toEqual(final);
});

it('a party that rejects sends the case to the network, which may close it', async () => {
  const recommended = await recommendedCase(api, { parties: ['falun', 'mora'] });
  const path = `/api/cases/${recommended.id}`;
  const rejected = await post(`${path}/decisions`, decision('mora', 'rejected'));
  expect(rejected.stage).toBe('network');
  expect((await post(`${path}/network`, { outcome: 'reject', date: '2024-10-17' })).stage).toBe('rejected');
});

it('a revision without named parties asks every party again; one before the recommendation is refused', async () => {
  const recommended = await recommendedCase(api, { parties: ['falun', 'mora'] });
  await post(`/api/cases/${recommended.id}/decisions`, decision('falun'));
  const revised = await post(`/api/cases/${recommended.id}/revisions`, { date: '2024-11-14' });
  expect(revised.waitingOn).toEqual(['falun', 'mora']);
  const fresh = await createCase(api);
  expect((await api.request('POST', `/api/cases/${fresh.id}/revisions`, { date: '2024-11-14' })).status).toBe(409);
  expect((await api.request('POST', `/api/cases/${fresh.id}/revisions`, { date: '2024-11-14', parties: [] })).status).toBe(400);
});

it('the dashboard says which committee meeting a party has scheduled, and flags it once that date has passed', async () => {
  const recommended = await recommendedCase(api, { parties: ['hedemora', 'sater'] });
  const path = `/api/cases/${recommended.id}`;
  await post(`${path}/decisions`, decision('hedemora', 'scheduled', { date: '2024-12-10', body: 'Socialnämnden' }));
  await post(`${path}/decisions`, decision('sater', 'scheduled', { date: '2999-01-15', body: 'Kommunstyrelsen' }));
  const row = (await everyBlockedRow(api)).find((candidate: { id: string }) => candidate.id === recommended.id);
  expect(row.waitingOn).toEqual(['hedemora', 'sater']);
  expect(row.scheduled).toEqual([
    { party: 'hedemora', body: 'Socialnämnden', date: '2024-12-10', passed: true },
    { party: 'sater', body: 'Kommunstyrelsen', date: '2999-01-15', passed: false },
  ]);
});
