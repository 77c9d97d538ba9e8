import { createCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';

/** The council tables an item; the network takes a case back from the council's agenda. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api?.close());

it("tables an item at the council, takes it back to the network and sends it on again, each in the case's history", async () => {
  const created = await createCase(api, { parties: ['falun', 'mora'] });
  const path = `/api/cases/${created.id}`;
  const tabled = await api.request('POST', `${path}/council`, { outcome: 'table', date: '2024-06-13', untilMeeting: '2024-09-12' });
  expect(tabled.status).toBe(200);
  expect(tabled.body).toMatchObject({ stage: 'council', waitingOn: ['valfardsradet'] });
  const recalled = await api.request('POST', `${path}/network`, { outcome: 'recall', date: '2024-06-20', note: 'Kostnaderna ses över.' });
  expect(recalled.body).toMatchObject({ stage: 'network', waitingOn: ['lchnv'] });
  expect((await api.request('POST', `${path}/network`, { outcome: 'recall', date: '2024-06-21' })).status).toBe(409);
  const forwarded = await api.request('POST', `${path}/network`, { outcome: 'forward', date: '2024-08-22' });
  expect(forwarded.body.stage).toBe('council');
  expect(forwarded.body.history.map((entry: { type: string }) => entry.type)).toEqual(['network.approve', 'council.table', 'network.recall', 'network.forward']);
  const refused = await api.request('POST', `${path}/council`, { outcome: 'postpone', date: '2024-09-12' });
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.body)).toContain('recommend, refer-back, reject eller table');
});
