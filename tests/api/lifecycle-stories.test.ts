import { createFreshDatabase } from '../support/fresh-database';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDays, addMonths } from '../../libs/domain';
import { createCase, decision, recommendedCase } from '../support/case-requests';
import { remindersTo } from '../support/outbox';
import { startTestApi, type TestApi } from '../support/test-stack';
import { startTimeSkipping } from '../support/time-skipping';

/**
 * The process as it really runs, through the API: reminders now and moved deadlines,
 * posting and appeals, termination and follow-up, the other kinds of rounds. The stories
 * that take months (the SUS renewal, a consultation closing) run on the time-skipping
 * test server, the API and worker unchanged.
 */
describe('on the dev server', () => {
  let api: TestApi;

  beforeAll(async () => {
    // A database of its own: the parties' contacts are global, and other files set them too.
    api = await startTestApi({ databaseUrl: await createFreshDatabase('lifecycle') });
  });

  afterAll(() => api.close());

  async function post(path: string, body: unknown, key?: string): Promise<any> {
    const response = await api.request('POST', path, body, key ? { 'idempotency-key': key } : {});
    expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: expect.anything() });
    return response.body;
  }

  it('Kvinnofrid: the coordinator reminds the late parties now, by e-mail with their own links, once per key', async () => {
    const run = randomUUID().slice(0, 8);
    const addresses = { hedemora: `hedemora-${run}@example.se`, sater: `sater-${run}@example.se` };
    for (const [party, address] of Object.entries(addresses)) {
      expect((await api.request('PUT', `/api/contacts/${party}`, { emails: [address] })).status).toBe(200);
    }
    expect((await api.request('PUT', '/api/contacts/vansbro', { emails: [] })).status).toBe(200);
    const recommended = await recommendedCase(api, { parties: ['falun', 'hedemora', 'sater', 'vansbro'] });
    const path = `/api/cases/${recommended.id}`;
    await post(`${path}/decisions`, decision('falun'));

    const key = `remind-${run}`;
    const [first, again] = [await post(`${path}/reminders`, {}, key), await post(`${path}/reminders`, {}, key)];
    expect(again).toEqual(first);
    const reminder = first.history.at(-1);
    expect(reminder).toMatchObject({ type: 'reminder.sent', outcome: 'now', reopened: ['hedemora', 'sater', 'vansbro'], unreachable: ['vansbro'] });
    expect(first.history.filter((entry: { type: string }) => entry.type === 'reminder.sent')).toHaveLength(1);
    const [toHedemora] = await remindersTo([addresses.hedemora]);
    expect(await remindersTo([addresses.hedemora])).toHaveLength(1);
    expect(toHedemora.subject).toContain('Regional överenskommelse om samverkan för Kvinnofrid');
    const link = /https?:\/\/\S+\/svar\/\S+/.exec(toHedemora.text)?.[0];
    expect(link).toContain(`/svar/${recommended.id}/hedemora/`);
    // The link in the e-mail opens Hedemora's own page.
    const page = await fetch(link as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Svar från Hedemora');

    const one = await post(`${path}/reminders`, { party: 'sater' });
    expect(one.history.at(-1)).toMatchObject({ type: 'reminder.sent', reopened: ['sater'] });
    expect(await remindersTo([addresses.sater])).toHaveLength(2);
    const answered = await api.request('POST', `${path}/reminders`, { party: 'falun' });
    expect(answered.status).toBe(409);
  });

  it('moves the deadline of a running case, for one party or for all, without restarting it', async () => {
    const recommended = await recommendedCase(api, { parties: ['hedemora', 'sater'], deadline: '2024-12-31' });
    const path = `/api/cases/${recommended.id}`;
    expect(recommended.overdue).toBe(true);
    const moved = await post(`${path}/deadline`, { deadline: '2099-02-28', party: 'sater', note: 'Nämnden sammanträder i februari.' });
    expect(moved.parties.map((answer: { party: string; deadline: string }) => [answer.party, answer.deadline])).toEqual([
      ['hedemora', '2024-12-31'],
      ['sater', '2099-02-28'],
    ]);
    expect(moved.overdue).toBe(true);
    const all = await post(`${path}/deadline`, { deadline: '2099-03-31' });
    expect(all.deadline).toBe('2099-03-31');
    expect(all.overdue).toBe(false);
    expect(all.openedAt).toBe(recommended.openedAt);
    expect(all.history.slice(-2).map((entry: { type: string; party?: string; date: string }) => [entry.type, entry.party, entry.date])).toEqual([
      ['deadline', 'sater', '2099-02-28'],
      ['deadline', undefined, '2099-03-31'],
    ]);
    const listed = await api.request('GET', '/api/cases?overdue=true&limit=200');
    expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(recommended.id);
    expect((await api.request('POST', `${path}/deadline`, { deadline: '2099-13-01' })).status).toBe(400);
  });

  it('a decision is final after its appeal period, moved off weekends and holidays; an appeal leaves it in force but not final until the court rules', async () => {
    const recommended = await recommendedCase(api, { parties: ['falun', 'mora', 'orsa'] });
    const path = `/api/cases/${recommended.id}`;
    const falun = await post(`${path}/decisions`, decision('falun', 'adopted', { postedOn: '2024-09-16' }));
    expect(falun.parties[0]).toMatchObject({ postedOn: '2024-09-16', final: true, finalFrom: '2024-10-08' });
    // Three weeks from 30 May 2025 is midsommarafton: the period ends on Monday 23 June.
    const orsa = await post(`${path}/decisions`, decision('orsa', 'adopted', { postedOn: '2025-05-30' }));
    expect(orsa.parties[2]).toMatchObject({ final: true, finalFrom: '2025-06-24' });
    await post(`${path}/decisions`, decision('mora'));
    // Three weeks from 10 January 2099 is a Saturday: the period ends on Monday 2 February.
    const posted = await post(`${path}/parties/mora/posting`, { postedOn: '2099-01-10' });
    expect(posted.stage).toBe('in-force');
    expect(posted.parties[1]).toMatchObject({ final: false, finalFrom: '2099-02-03' });

    // Laglighetsprövning: the appealed decision stands, and is not final until the court rules.
    const appealed = await post(`${path}/parties/mora/appeals`, { date: '2099-01-20', note: 'Överklagat av en kommunmedlem.' });
    expect(appealed.stage).toBe('in-force');
    expect(appealed.waitingOn).toEqual([]);
    expect(appealed.parties[1]).toMatchObject({ status: 'adopted', appealedOn: '2099-01-20', final: false, finalFrom: null });
    expect(appealed.history.at(-1)).toMatchObject({ type: 'appeal', party: 'mora', note: 'Överklagat av en kommunmedlem.' });
    expect((await api.request('POST', `${path}/parties/mora/appeals`, { date: '2099-01-21' })).status).toBe(409);
    expect((await api.request('POST', `${path}/parties/orsa/ruling`, { outcome: 'dismissed', date: '2099-03-01' })).status).toBe(409);

    // A late appeal of a final decision: not final again until the court dismisses it.
    const late = await post(`${path}/parties/falun/appeals`, { date: '2099-01-22' });
    expect(late.parties[0]).toMatchObject({ final: false, appealedOn: '2099-01-22' });
    const dismissed = await post(`${path}/parties/falun/ruling`, { outcome: 'dismissed', date: '2024-12-01' });
    expect(dismissed.parties[0]).toMatchObject({ final: true, finalFrom: '2024-12-01', appealedOn: null });

    // Only the court's annulment opens the party's answer again.
    const annulled = await post(`${path}/parties/mora/ruling`, { outcome: 'annulled', date: '2099-06-01' });
    expect(annulled.stage).toBe('decisions');
    expect(annulled.waitingOn).toEqual(['mora']);
    expect(annulled.history.filter((entry: { party?: string }) => entry.party === 'mora').map((entry: { type: string }) => entry.type)).toEqual([
      'decision.adopted',
      'posting',
      'appeal',
      'ruling.annulled',
    ]);
  });

  it('in force: the follow-up is assigned and tracked, and a party can terminate', async () => {
    const recommended = await recommendedCase(api, {
      parties: ['falun', 'mora'],
      validity: { from: '2079-07-01', months: 240, renewal: { months: 12, noticeMonths: 6 }, warnDays: 90 },
      followUp: { owner: 'Arbetsgruppen för MiniMaria', months: 12 },
    });
    const path = `/api/cases/${recommended.id}`;
    await post(`${path}/decisions`, decision('falun'));
    const inForce = await post(`${path}/decisions`, decision('mora'));
    expect(inForce.followUp).toMatchObject({ owner: 'Arbetsgruppen för MiniMaria', status: 'open', overdue: false });
    expect(inForce.validity).toMatchObject({ to: '2099-06-30', noticeDate: '2098-12-30', terminations: [] });
    const dashboard = await api.request('GET', '/api/dashboard');
    expect(dashboard.body.followUps).toContainEqual(expect.objectContaining({ id: recommended.id, owner: 'Arbetsgruppen för MiniMaria' }));
    expect(dashboard.body.periods).toContainEqual(expect.objectContaining({ id: recommended.id, to: '2099-06-30', renews: true }));

    const terminated = await post(`${path}/parties/mora/termination`, { date: '2098-11-01' });
    expect(terminated.validity.terminations).toEqual([{ party: 'mora', date: '2098-11-01' }]);
    const reassigned = await post(`${path}/follow-up`, { outcome: 'reassign', date: '2026-01-10', owner: 'Styrgruppen', due: '2099-12-31' });
    expect(reassigned.followUp).toMatchObject({ owner: 'Styrgruppen', due: '2099-12-31' });
    const done = await post(`${path}/follow-up`, { outcome: 'done', date: '2026-06-01', note: 'Utvärderingen är klar.' });
    expect(done.followUp).toMatchObject({ status: 'done', doneOn: '2026-06-01' });
    expect((await api.request('POST', `${path}/follow-up`, { outcome: 'done', date: '2026-06-02' })).status).toBe(409);
    // An extension case, started from the expiring one.
    const extension = await createCase(api, { title: 'Förlängning av MiniMaria', parties: ['falun', 'mora'], extendsCase: recommended.id });
    expect(extension.extendsCase).toBe(recommended.id);
    expect((await api.request('POST', '/api/cases', { title: 'x', networkDecision: { date: '2024-01-01' }, extendsCase: randomUUID() })).status).toBe(404);
  });

  it('a signing round and a network-only decision are other kinds of cases, not other code', async () => {
    const signing = await createCase(api, { title: 'Avtal om gemensam nämnd', process: 'signing', parties: ['falun', 'mora'] });
    expect(signing).toMatchObject({ stage: 'decisions', processName: 'Underskrift av avtal', waitingOn: ['falun', 'mora'] });
    const refused = await api.request('POST', `/api/cases/${signing.id}/decisions`, decision('falun', 'adopted'));
    expect(refused.status).toBe(409);
    await post(`/api/cases/${signing.id}/decisions`, decision('falun', 'signed'));
    expect((await post(`/api/cases/${signing.id}/decisions`, decision('mora', 'signed'))).stage).toBe('in-force');

    const network = await createCase(api, { title: 'Gemensam rutin för hot och våld', process: 'network-decision' });
    expect(network).toMatchObject({ stage: 'network', waitingOn: ['lchnv'] });
    expect((await api.request('POST', `/api/cases/${network.id}/council`, { outcome: 'recommend', date: '2024-06-13' })).status).toBe(409);
    expect((await post(`/api/cases/${network.id}/network`, { outcome: 'adopt', date: '2024-06-20' })).stage).toBe('in-force');

    expect((await api.request('POST', '/api/cases', { title: 'Remiss', process: 'consultation', networkDecision: { date: '2024-01-01' } })).status).toBe(400);
  });
});

describe('on the time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  let api: TestApi;

  beforeAll(async () => {
    env = await startTimeSkipping();
    api = await startTestApi({ temporalAddress: env.address, databaseUrl: await createFreshDatabase('lifecycle_skipping') });
  });

  afterAll(async () => {
    await api?.close();
    await env?.teardown();
  });

  const today = async () => new Date(await env.currentTimeMs()).toISOString().slice(0, 10);

  async function post(path: string, body: unknown): Promise<any> {
    const response = await api.request('POST', path, body);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('the SUS agreement is renewed by a year when nobody terminates', async () => {
    const to = addDays(await today(), 60);
    const recommended = await recommendedCase(api, {
      title: 'Samverkansavtal om SUS',
      parties: ['falun', 'mora', 'region-dalarna'],
      validity: { from: addDays(addMonths(to, -24), 1), months: 24, renewal: { months: 12, noticeMonths: 6 }, warnDays: 30 },
      followUp: { owner: 'Styrgruppen', months: 36 },
    });
    const path = `/api/cases/${recommended.id}`;
    for (const party of ['falun', 'mora', 'region-dalarna']) await post(`${path}/decisions`, decision(party));

    await env.sleep('62 days');
    const renewed = (await api.request('GET', path)).body;
    expect(renewed.stage).toBe('in-force');
    expect(renewed.validity.to).toBe(addMonths(to, 12));
    expect(renewed.history.map((entry: { type: string }) => entry.type).slice(-2)).toEqual(['validity.expiring', 'validity.renewed']);
    await env.client.workflow.getHandle(`case-${recommended.id}`).terminate('test over');
  });

  it('a consultation closes on its date; who never answered is named', async () => {
    const closing = addDays(await today(), 14);
    const created = await createCase(api, {
      title: 'Remiss: länsgemensam strategi för psykisk hälsa',
      process: 'consultation',
      parties: ['avesta', 'borlange', 'falun'],
      deadline: closing,
    });
    expect(created.stage).toBe('decisions');
    const path = `/api/cases/${created.id}`;
    await post(`${path}/decisions`, decision('avesta', 'answered'));
    await post(`${path}/decisions`, decision('borlange', 'declined'));

    await env.sleep('16 days');
    const closed = (await api.request('GET', path)).body;
    expect(closed.stage).toBe('closed');
    expect(closed.parties.map((answer: { status: string }) => answer.status)).toEqual(['answered', 'declined', 'unanswered']);
    expect(closed.history.at(-1)).toMatchObject({ type: 'round.closed', reopened: ['falun'], actor: 'system' });
    expect((await api.request('POST', `${path}/decisions`, decision('falun', 'answered'))).status).toBe(409);
  });
});
