import { SEED_PARTY_IDS as PARTY_IDS } from '../support/seed-register';
import { createCase, decision } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';
import { everyBlockedRow } from '../support/dashboard';

/**
 * From the seeds: the Kvinnofrid agreement, recommended by Välfärdsrådet; 13 parties
 * adopted, while Hedemora, Säter and Vansbro had not yet reported a decision.
 */
const LATE = ['hedemora', 'sater', 'vansbro'];

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api.close());

it('shows exactly Hedemora, Säter and Vansbro as what the case waits on, and enters force when they answer', async () => {
  const created = await createCase(api, {
    title: 'Regional överenskommelse om samverkan för Kvinnofrid',
    reference: 'HSN 2024/1905',
    deadline: '2024-12-31',
  });
  const path = `/api/cases/${created.id}`;
  const recommended = await api.request('POST', `${path}/council`, { outcome: 'recommend', date: '2024-06-13' });
  expect(recommended.body.waitingOn).toEqual(PARTY_IDS);

  for (const party of PARTY_IDS.filter((id) => !LATE.includes(id))) {
    const response = await api.request('POST', `${path}/decisions`, decision(party, 'adopted', { date: '2024-09-12' }), {
      'idempotency-key': `kvinnofrid-${created.id}-${party}`,
    });
    expect(response.status).toBe(200);
  }

  const waiting = await api.request('GET', path);
  expect(waiting.body.stage).toBe('decisions');
  expect(waiting.body.waitingOn).toEqual(LATE);
  expect(waiting.body.overdue).toBe(true);

  const dashboard = (await api.request('GET', '/api/dashboard')).body;
  const row = (await everyBlockedRow(api)).find((candidate: { id: string }) => candidate.id === created.id);
  expect(row).toEqual(expect.objectContaining({ stage: 'decisions', waitingOn: LATE, overdue: true, deadline: '2024-12-31' }));
  for (const party of LATE) {
    expect(dashboard.byParty.find((candidate: { party: string }) => candidate.party === party).waiting).toBeGreaterThanOrEqual(1);
  }
  const listed = await api.request('GET', '/api/cases?waitingOn=sater&overdue=true&limit=200');
  expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(created.id);

  for (const party of LATE) {
    await api.request('POST', `${path}/decisions`, decision(party, 'adopted', { date: '2025-01-20' }));
  }
  const inForce = await api.request('GET', path);
  expect(inForce.body).toEqual(expect.objectContaining({ stage: 'in-force', waitingOn: [], overdue: false }));
  expect(inForce.body.parties.every((answer: { status: string }) => answer.status === 'adopted')).toBe(true);
  const after = (await api.request('GET', '/api/dashboard')).body;
  expect((await everyBlockedRow(api)).map((candidate: { id: string }) => candidate.id)).not.toContain(created.id);
});
