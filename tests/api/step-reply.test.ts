import { randomUUID } from 'node:crypto';
import { createCase, decision } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * A step's reply is the case as the read model holds it after the step. The API builds
 * it from the copy it read beside the step and the change the workflow answers with, or
 * reads the case again when another step came between: either way, the same as a read.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api.close());

async function stepAndRead(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ reply: unknown; read: unknown }> {
  const reply = await api.request('POST', path, body, headers);
  expect({ path, status: reply.status }).toEqual({ path, status: 200 });
  const caseId = /^\/api\/cases\/([^/]+)/.exec(path)?.[1];
  // A read also forecasts when the case will be in force; a step's reply does not.
  const { forecast: _forecast, ...read } = (await api.request('GET', `/api/cases/${caseId}`)).body;
  return { reply: reply.body, read };
}

it('is, after each kind of step in a case, what reading the case gives', async () => {
  const created = await createCase(api, { parties: ['falun', 'mora', 'orsa', 'leksand'] });
  const path = `/api/cases/${created.id}`;
  const steps: [string, unknown][] = [
    [`${path}/council`, { outcome: 'recommend', date: '2024-06-13', note: 'Rådet rekommenderar.' }],
    [`${path}/decisions`, decision('falun', 'scheduled', { date: '2024-09-12', paragraph: undefined })],
    [`${path}/decisions`, decision('falun')],
    [`${path}/decisions`, decision('mora', 'rejected', { note: 'Ej inom budget.' })],
    [`${path}/deadline`, { deadline: '2099-03-31', party: 'orsa', note: 'Orsa bad om mer tid.' }],
    [`${path}/revisions`, { date: '2024-11-14', note: 'Ny kostnadsfördelning', parties: ['mora'] }],
    [`${path}/parties/falun/posting`, { postedOn: '2024-09-20' }],
    [`${path}/reminders`, {}],
    [`${path}/decisions`, decision('orsa', 'opted-out')],
  ];
  for (const [stepPath, body] of steps) {
    const { reply, read } = await stepAndRead(stepPath, body);
    expect({ step: stepPath, reply }).toEqual({ step: stepPath, reply: read });
  }
});

it('is what reading the case gives when steps on the case come together, and for a step sent again with its key', async () => {
  const created = await createCase(api, { parties: ['falun', 'mora', 'orsa', 'leksand', 'rattvik', 'malung-salen'] });
  const path = `/api/cases/${created.id}`;
  await stepAndRead(`${path}/council`, { outcome: 'recommend', date: '2024-06-13' });
  // Five of six at once: the sixth keeps the case open for the deadline after.
  const parties = ['falun', 'mora', 'orsa', 'leksand', 'rattvik'];
  const replies = await Promise.all(parties.map((party) => api.request('POST', `${path}/decisions`, decision(party))));
  const read = (await api.request('GET', path)).body;
  for (const [index, reply] of replies.entries()) {
    expect(reply.status).toBe(200);
    // Each reply holds its own answer and everything before it, as the read model held them then.
    const own = reply.body.history.find((entry: { party?: string; type: string }) => entry.party === parties[index]);
    expect(own).toBeDefined();
    expect(reply.body.history).toEqual(read.history.slice(0, reply.body.history.length));
  }
  const key = randomUUID();
  const first = await stepAndRead(`${path}/deadline`, { deadline: '2099-06-30' }, { 'idempotency-key': key });
  const again = await stepAndRead(`${path}/deadline`, { deadline: '2099-06-30' }, { 'idempotency-key': key });
  expect(first.reply).toEqual(first.read);
  expect(again.reply).toEqual(again.read);
  expect(again.reply).toEqual(first.reply);
});
