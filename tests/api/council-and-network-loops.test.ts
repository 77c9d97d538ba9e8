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

it('takes a withdrawn case up again within six months, and says until when once it is too late', async () => {
  const created = await createCase(api, { parties: ['falun'] });
  const path = `/api/cases/${created.id}/network`;
  const today = new Date().toISOString().slice(0, 10);
  const withdrawn = await api.request('POST', path, { outcome: 'withdraw', date: today });
  expect(withdrawn.body.stage).toBe('withdrawn');
  expect(withdrawn.body.availableSteps).toEqual([{ step: 'network.reopen' }]);
  const late = await api.request('POST', path, { outcome: 'reopen', date: '2099-01-01' });
  expect(late.status).toBe(409);
  expect(late.body.message).toContain('kan tas upp igen till och med');
  const reopened = await api.request('POST', path, { outcome: 'reopen', date: today, note: 'Nytt underlag.' });
  expect(reopened.status).toBe(200);
  expect(reopened.body).toMatchObject({ stage: 'network', waitingOn: ['lchnv'] });
  expect(reopened.body.history.at(-1)).toMatchObject({ type: 'network.reopen', note: 'Nytt underlag.' });
});
