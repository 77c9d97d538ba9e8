import { randomUUID } from 'node:crypto';
import { createCase, decision, recommendedCase } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { messagesTo } from '../support/outbox';
import { startTestApi, type TestApi } from '../support/test-stack';

/** The parties' own door: the overview link, what it lists, and revocation. A database of its own: revocation is per party. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('party_door'), partyPageLimitPerMinute: 10_000 });
});

afterAll(() => api?.close());

const path = (url: string) => new URL(url).pathname;

async function overviewLink(party: string): Promise<{ url: string; expiresAt: string; token: string }> {
  const response = await api.request('GET', `/api/parties/${party}/link`);
  expect(response.status).toBe(200);
  const [, , id, signature] = path(response.body.url).split('/');
  return { ...response.body, token: `p1.${id}.${signature}` };
}

let late: { id: string };
let later: { id: string };
let notMora: { id: string };

it("lists every open case that waits on the party, overdue first, and nothing else", async () => {
  later = await recommendedCase(api, { title: 'Senare: avtal om hjälpmedel', parties: ['mora', 'orsa'], deadline: '2099-06-30' });
  late = await recommendedCase(api, { title: 'Försenad: överenskommelse om Kvinnofrid', parties: ['mora', 'falun'], deadline: '2024-12-31' });
  notMora = await recommendedCase(api, { title: 'Bara Falun', parties: ['falun'] });
  await createCase(api, { title: 'Hos rådet ännu', parties: ['mora'] });

  const link = await overviewLink('mora');
  expect(path(link.url)).toMatch(/^\/part\/mora\/\d+\.[A-Za-z0-9_-]{43}$/);
  expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000);

  const listed = await api.request('GET', '/api/parties/mora/cases', undefined, { authorization: `Bearer ${link.token}` });
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([late.id, later.id]);
  expect(listed.body.items[0]).toEqual(
    expect.objectContaining({ overdue: true, deadline: '2024-12-31', status: 'pending', askedOf: 'decision', askedSince: '2024-06-13', answered: { count: 0, of: 2 } }),
  );

  const page = await fetch(link.url);
  expect(page.status).toBe(200);
  const text = await page.text();
  expect(text).toContain('Det här väntar på svar från Mora');
  expect(text.indexOf('Försenad: överenskommelse')).toBeLessThan(text.indexOf('Senare: avtal'));
  expect(text).toContain('<span class="overdue">Försenat</span>');
  expect(text).not.toContain('Bara Falun');
  expect(text).not.toContain('Hos rådet ännu');
  expect(text).toMatch(new RegExp(`href="http://127\\.0\\.0\\.1:\\d+/svar/${late.id}/mora/`));
});

it('is for its own party only, and answers nothing itself', async () => {
  const mora = await overviewLink('mora');
  const falun = await overviewLink('falun');
  expect((await api.request('GET', '/api/parties/mora/cases', undefined, { authorization: `Bearer ${falun.token}` })).status).toBe(403);
  expect((await fetch(`${api.url}/api/parties/mora/cases`)).status).toBe(401);
  expect((await api.request('GET', '/api/parties/mora/cases')).status).toBe(200);
  expect((await api.request('GET', '/api/parties/finns-inte/cases')).status).toBe(404);
  expect((await api.request('GET', '/api/parties/finns-inte/link')).status).toBe(404);
  // Falun's signature on Mora's address.
  expect((await fetch(`${api.url}/part/mora/${falun.token.split('.').slice(2).join('.')}`)).status).toBe(403);
  const answered = await api.request('POST', `/api/cases/${later.id}/decisions`, decision('mora'), { authorization: `Bearer ${mora.token}` });
  expect(answered.status).toBe(403);
  expect((await api.request('GET', `/api/cases/${later.id}`)).body.waitingOn).toContain('mora');
});

it('revokes every link the party was given (overview and per case), and only that party’s', async () => {
  const overview = await overviewLink('mora');
  const casePage = (await api.request('GET', `/api/cases/${later.id}/parties/mora/link`)).body.url as string;
  const falunPage = (await api.request('GET', `/api/cases/${notMora.id}/parties/falun/link`)).body.url as string;
  const caseToken = `v1.${path(casePage).split('/').slice(2).join('.')}`;
  expect((await fetch(overview.url)).status).toBe(200);
  expect((await fetch(casePage)).status).toBe(200);

  expect((await fetch(`${api.url}/api/parties/mora/links/revoke`, { method: 'POST' })).status).toBe(401);
  expect((await api.request('POST', '/api/parties/mora/links/revoke')).status).toBe(204);

  for (const url of [overview.url, casePage]) {
    const refused = await fetch(url);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Länken har dragits in');
  }
  expect((await api.request('POST', `/api/cases/${later.id}/decisions`, decision('mora'), { authorization: `Bearer ${caseToken}` })).status).toBe(401);
  expect((await api.request('GET', '/api/parties/mora/cases', undefined, { authorization: `Bearer ${overview.token}` })).status).toBe(401);
  expect(api.securityEvents.map((event) => event.security)).toEqual(expect.arrayContaining(['party-links-revoked', 'party-link-revoked']));

  const fresh = await overviewLink('mora');
  expect((await fetch(fresh.url)).status).toBe(200);
  const freshCase = (await api.request('GET', `/api/cases/${later.id}/parties/mora/link`)).body.url as string;
  expect((await fetch(freshCase)).status).toBe(200);
  expect((await fetch(falunPage)).status).toBe(200);
  expect((await api.request('POST', '/api/parties/finns-inte/links/revoke')).status).toBe(404);
});

it("sends the overview link with every reminder, and it works", async () => {
  const address = `registrator.mora.${randomUUID().slice(0, 8)}@example.se`;
  expect((await api.request('PUT', '/api/contacts/mora', { emails: [address] })).status).toBe(200);
  expect((await api.request('POST', `/api/cases/${later.id}/reminders`, { party: 'mora' })).status).toBe(200);
  let mail: Awaited<ReturnType<typeof messagesTo>> = [];
  for (let attempt = 0; attempt < 50 && mail.length === 0; attempt++) {
    mail = await messagesTo([address]);
    if (mail.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(mail).toHaveLength(1);
  const overview = /Allt som väntar på svar från Mora:\n(\S+)/.exec(mail[0].text)?.[1];
  expect(overview).toMatch(/\/part\/mora\//);
  const page = await fetch(overview!.replace(/^http:\/\/127\.0\.0\.1:\d+/, api.url));
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Senare: avtal om hjälpmedel');
});
