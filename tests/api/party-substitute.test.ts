import { randomUUID } from 'node:crypto';
import { addDays } from '../../libs/domain';
import { recommendedCase } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { mailTo } from '../support/outbox';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * The party's own people: from its overview a party names its substitute for a period
 * (its e-mails then go to the substitute too, as when the coordinator names one), and the
 * person answering says who they are, which the history keeps beside the party it
 * answered for. A database of its own: contacts are global.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('party_substitute'), partyPageLimitPerMinute: 10_000 });
});

afterAll(() => api?.close());

async function overviewUrl(party: string): Promise<string> {
  return (await api.request('GET', `/api/parties/${party}/link`)).body.url;
}

function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
}

it('lets a party name its substitute for a period from its overview, and the reminders go to the substitute too', async () => {
  const run = randomUUID().slice(0, 8);
  const registrar = `registrator.${run}@rattvik.example.se`;
  const substitute = `vikarie.${run}@rattvik.example.se`;
  expect((await api.request('PUT', '/api/contacts/rattvik', { emails: [registrar] })).status).toBe(200);
  const overview = await overviewUrl('rattvik');
  const today = new Date().toISOString().slice(0, 10);

  // A period that ends before it begins is refused by its field, and nothing is kept.
  const refused = await postForm(`${overview}/ersattare`, { email: substitute, from: addDays(today, 5), to: today });
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain('id="ersattare-falt-to-fel">Perioden kan inte sluta innan den börjar.');
  expect((await api.request('GET', '/api/contacts')).body.parties.find((party: { party: string }) => party.party === 'rattvik').substitute).toBeNull();

  const saved = await postForm(`${overview}/ersattare`, { email: substitute, from: addDays(today, -1), to: addDays(today, 14) });
  expect(saved.status).toBe(303);
  expect(saved.headers.get('location')).toBe(`${new URL(overview).pathname}?ersattare=sparad#ersattare`);
  const page = await (await fetch(`${overview}?ersattare=sparad`)).text();
  expect(page).toContain('Ersättaren är sparad.');
  expect(page).toContain(`Nu: <strong>${substitute}</strong>`);
  expect(api.securityEvents.some((event) => event.security === 'substitute-named-by-party' && event.party === 'rattvik')).toBe(true);
  // The coordinator sees it where the contacts are kept.
  expect((await api.request('GET', '/api/contacts')).body.parties.find((party: { party: string }) => party.party === 'rattvik').substitute).toEqual({
    email: substitute,
    from: addDays(today, -1),
    to: addDays(today, 14),
  });

  // In the period the recommendation reaches both.
  await recommendedCase(api, { title: `Överenskommelse ${run}`, parties: ['rattvik'], deadline: '2099-06-30' });
  expect(await mailTo([registrar], 1)).toHaveLength(1);
  expect(await mailTo([substitute], 1)).toHaveLength(1);

  // Taken away again by the party.
  const removed = await postForm(`${overview}/ersattare`, { remove: '1' });
  expect(removed.status).toBe(303);
  expect((await api.request('GET', '/api/contacts')).body.parties.find((party: { party: string }) => party.party === 'rattvik').substitute).toBeNull();
  // A forged overview link changes nothing.
  expect((await postForm(`${overview.slice(0, -3)}xyz/ersattare`, { email: substitute, from: today, to: today })).status).toBe(403);
});

it('keeps who answered for the party in the history, beside the party it answered for', async () => {
  const created = await recommendedCase(api, { parties: ['leksand'], deadline: '2099-06-30' });
  const link = (await api.request('GET', `/api/cases/${created.id}/parties/leksand/link`)).body.url;
  const answered = await postForm(link, { outcome: 'adopted', date: '2024-11-20', body: 'Socialnämnden', paragraph: '§ 12', answeredBy: 'Anna Vikarie' });
  expect(answered.status).toBe(303);
  const stored = (await api.request('GET', `/api/cases/${created.id}`)).body;
  expect(stored.history.at(-1)).toMatchObject({ type: 'decision.adopted', actor: 'party:leksand', by: 'Anna Vikarie' });
  // A name too long is refused by its field, and nothing is recorded.
  const again = await recommendedCase(api, { parties: ['leksand'], deadline: '2099-06-30' });
  const againLink = (await api.request('GET', `/api/cases/${again.id}/parties/leksand/link`)).body.url;
  const refused = await postForm(againLink, { outcome: 'adopted', date: '2024-11-20', answeredBy: 'x'.repeat(201) });
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain('id="falt-answeredBy-fel">Högst 200 tecken.');
  expect((await api.request('GET', `/api/cases/${again.id}`)).body.parties[0].status).toBe('pending');
});
