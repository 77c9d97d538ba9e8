import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { hashPassword } from '../../apps/api/web/password';
import { addDays, timerDay } from '../../libs/domain';
import { CoordinatorRepository } from '../../libs/persistence';
import { createCase } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { mailTo, messagesTo } from '../support/outbox';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * A party long past its deadline is escalated: the coordinators are told, and the party's
 * escalation contact (kept with its role beside the ordinary contacts). A database of its
 * own: contacts and coordinators are global.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('escalation') });
});

afterAll(() => api?.close());


it('keeps an escalation contact with its role: given, kept when left out, removed with null, refused with an unknown role', async () => {
  const put = (body: unknown) => api.request('PUT', '/api/contacts/orsa', body);
  const contact = { email: 'kommundirektor@orsa.example.se', role: 'kommundirektor' };
  expect((await put({ emails: ['registrator@orsa.example.se'], escalation: contact })).body).toEqual({
    party: 'orsa',
    name: 'Orsa',
    emails: ['registrator@orsa.example.se'],
    escalation: contact,
    substitute: null,
  });
  expect((await put({ emails: [] })).body.escalation).toEqual(contact);
  const listed = (await api.request('GET', '/api/contacts')).body.parties.find((party: { party: string }) => party.party === 'orsa');
  expect(listed.escalation).toEqual(contact);
  const refused = await put({ emails: [], escalation: { email: 'a@orsa.example.se', role: 'borgmastare' } });
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.body)).toContain('Välj en roll');
  expect((await put({ emails: [], escalation: null })).body.escalation).toBeNull();
});

it("escalates the parties still undecided 14 days after the deadline: the coordinators and the party's escalation contact, once", async () => {
  const run = randomUUID().slice(0, 8);
  const coordinator = `samordnare.${run}@rss.example.se`;
  await new CoordinatorRepository(api.dataSource).upsert(coordinator, 'Karin Samordnare', await hashPassword('ett långt lösenord för test'));
  const moraRegistrar = `registrator.mora.${run}@example.se`;
  const moraChief = `kommundirektor.mora.${run}@example.se`;
  expect((await api.request('PUT', '/api/contacts/mora', { emails: [moraRegistrar], escalation: { email: moraChief, role: 'kommundirektor' } })).status).toBe(200);

  // The deadline passed 14 days ago: the case is escalated as soon as the council has recommended.
  // Its days are the timers' (which turn at the timer hour), as a case entered today counts them.
  const today = timerDay(new Date().toISOString());
  const created = await createCase(api, { title: 'Överenskommelse om hemsjukvård', parties: ['falun', 'mora'], deadline: addDays(today, -14) });
  expect(created.escalationDays).toBe(14);
  expect((await api.request('POST', `/api/cases/${created.id}/council`, { outcome: 'recommend', date: addDays(today, -60) })).status).toBe(200);

  const toChief = (await mailTo([moraChief], 1)).filter((message) => message.subject.startsWith('Ärende som väntar på beslut från Mora'));
  expect(toChief).toHaveLength(1);
  expect(toChief[0].text).toContain('RSS Dalarna väntar fortfarande på beslutet från Mora i ärendet nedan');
  expect(toChief[0].text).toContain('Svarssidan för Mora:');
  const toCoordinator = (await mailTo([coordinator], 1)).filter((message) => message.subject.startsWith('Parter har inte beslutat långt efter sista svarsdagen'));
  expect(toCoordinator).toHaveLength(1);
  expect(toCoordinator[0].text).toContain('Parter som inte har beslutat: Falun, Mora');

  // The e-mails go out before the case's timers write their step to the read model: wait for it there.
  const escalated = async () => ((await api.request('GET', `/api/cases/${created.id}`)).body.history as { type: string }[]).filter((entry) => entry.type === 'escalation.sent');
  for (let attempt = 0; attempt < 100 && (await escalated()).length === 0; attempt++) await sleep(100);
  expect(await escalated()).toEqual([
    expect.objectContaining({ reopened: ['falun', 'mora'], actor: 'system' }),
  ]);
  // The registrar got the recommendation, not the escalation; and nothing went out twice.
  await sleep(500);
  expect((await messagesTo([moraRegistrar])).map((message) => message.subject)).toEqual(['Rekommendation att besluta – Överenskommelse om hemsjukvård']);
  expect(await messagesTo([moraChief])).toHaveLength(1);
});

it("sends a party's e-mails to its substitute too, in the substitute's period only", async () => {
  const run = randomUUID().slice(0, 8);
  const registrar = `registrator.orsa.${run}@example.se`;
  const substitute = `vikarie.orsa.${run}@example.se`;
  const today = new Date().toISOString().slice(0, 10);
  const put = (from: string, to: string) =>
    api.request('PUT', '/api/contacts/orsa', { emails: [registrar], substitute: { email: substitute, from, to } });
  expect((await put(addDays(today, -1), addDays(today, 1))).body.substitute).toEqual({ email: substitute, from: addDays(today, -1), to: addDays(today, 1) });
  expect((await put(today, addDays(today, -1))).status).toBe(400);

  const inPeriod = await createCase(api, { title: `Under semestern ${run}`, parties: ['orsa'], deadline: '2099-12-31' });
  expect((await api.request('POST', `/api/cases/${inPeriod.id}/council`, { outcome: 'recommend', date: today })).status).toBe(200);
  const both = await mailTo([registrar, substitute], 2);
  expect(both.map((message) => message.to[0]).sort()).toEqual([registrar, substitute].sort());

  // Outside the period the substitute gets nothing.
  await put(addDays(today, 10), addDays(today, 20));
  const later = await createCase(api, { title: `Efter semestern ${run}`, parties: ['orsa'], deadline: '2099-12-31' });
  await api.request('POST', `/api/cases/${later.id}/council`, { outcome: 'recommend', date: today });
  expect(await mailTo([registrar], 2)).toHaveLength(2);
  await sleep(500);
  expect((await messagesTo([substitute])).map((message) => message.subject)).toEqual([`Rekommendation att besluta – Under semestern ${run}`]);
  expect((await api.request('PUT', '/api/contacts/orsa', { emails: [], substitute: null })).body.substitute).toBeNull();
});
