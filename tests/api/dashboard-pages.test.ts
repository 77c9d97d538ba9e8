import { CoordinatorRepository } from '../../libs/persistence';
import { hashPassword } from '../../apps/api/web/password';
import { createCase, recommendedCase } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { signInByForm } from '../support/sign-in';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * The dashboard pages what waits: a county with years of cases gets a first page and the
 * totals, and every waiting case stays reachable page by page. A database of its own, so
 * that the totals are this file's.
 */
let api: TestApi;
const waiting: string[] = [];
const overdue: string[] = [];

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('dashboard_pages') });
  // 55 cases that wait: 5 overdue on the parties, 50 on the council (more than a page).
  for (const _ of Array.from({ length: 5 })) overdue.push((await recommendedCase(api, { parties: ['orsa'], deadline: '2024-01-31' })).id);
  const created = await Promise.all(Array.from({ length: 50 }, () => createCase(api, { parties: ['mora'], deadline: '2999-12-31' })));
  waiting.push(...overdue, ...created.map((view) => view.id));
});

afterAll(() => api.close());

it('gives the first 50 of what waits, the overdue first, with the totals', async () => {
  const first = (await api.request('GET', '/api/dashboard')).body;
  expect(first.blockedTotal).toBe(55);
  expect(first.overdueTotal).toBe(5);
  expect(first.blocked).toHaveLength(50);
  expect(first.blocked.slice(0, 5).map((row: { id: string }) => row.id).sort()).toEqual([...overdue].sort());
});

it('reaches every waiting case once, page by page', async () => {
  const ids: string[] = [];
  for (let offset = 0; offset < 55; offset += 20) {
    const page = (await api.request('GET', `/api/dashboard?limit=20&offset=${offset}`)).body;
    expect(page.blocked).toHaveLength(Math.min(20, 55 - offset));
    ids.push(...page.blocked.map((row: { id: string }) => row.id));
  }
  expect(ids.sort()).toEqual([...waiting].sort());
  expect((await api.request('GET', '/api/dashboard?offset=55')).body).toEqual(expect.objectContaining({ blocked: [], blockedTotal: 55 }));
});

it('refuses a page it cannot give, naming the parameter', async () => {
  for (const query of ['limit=0', 'limit=201', 'offset=-1', 'limit=tio', 'sida=2']) {
    const refused = await api.request('GET', `/api/dashboard?${query}`);
    expect([query, refused.status, refused.body.error]).toEqual([query, 400, 'validation']);
  }
});

it('shows the overview page by page, in Swedish, with links between the pages', async () => {
  const email = 'oversikt-sidor@rss-dalarna.example';
  await new CoordinatorRepository(api.dataSource).upsert(email, 'Karin Samordnare', await hashPassword('ett långt lösenord för test'));
  const cookie = (await signInByForm(api.url, email, 'ett långt lösenord för test')).sessionCookie!;
  const page = async (query: string) => (await fetch(`${api.url}/oversikt${query}`, { headers: { cookie } })).text();

  const first = await page('');
  expect(first).toContain('55 ärenden väntar, varav 5 försenade.');
  expect(first).toContain('Sidan 1 av 2: ärende 1–50 av 55');
  expect(first).toContain('<a href="/oversikt?sida=2">Nästa sida</a>');
  expect(first.match(/<a href="\/arenden\/[0-9a-f-]{36}">/g)).toHaveLength(50);

  const second = await page('?sida=2');
  expect(second).toContain('Sidan 2 av 2: ärende 51–55 av 55');
  expect(second).toContain('<a href="/oversikt">Föregående sida</a>');
  expect(second.match(/<a href="\/arenden\/[0-9a-f-]{36}">/g)).toHaveLength(5);

  expect(await page('?sida=9')).toContain('Sidan 9 finns inte: 55 ärenden väntar på 2 sidor.');
  expect(await page('?sida=noll')).toContain('Sidan 1 av 2');
});

it('shows the newest thousand cases in the matrix and says so, and puts every case in its CSV', async () => {
  // A thousand closed cases from earlier years, written as the projection writes them.
  await api.dataSource.query(
    `INSERT INTO cases (id, process_id, process_version, title, reference, stage, waiting_on, stage_since, deadline,
                        opened_at, sequence, attachments, version, waiting_since)
     SELECT gen_random_uuid(), 'regional-agreement', 3, 'Arkiverat ärende ' || n, NULL, 'withdrawn', '{}',
            timestamptz '2019-01-01' + n * interval '1 day', NULL, timestamptz '2019-01-01' + n * interval '1 day', 1, '[]', 1, date '2019-01-01'
       FROM generate_series(1, 1000) AS n`,
  );
  const email = 'matris-alla@rss-dalarna.example';
  await new CoordinatorRepository(api.dataSource).upsert(email, 'Karin Samordnare', await hashPassword('ett långt lösenord för test'));
  const cookie = (await signInByForm(api.url, email, 'ett långt lösenord för test')).sessionCookie!;
  const matrix = await (await fetch(`${api.url}/matris`, { headers: { cookie } })).text();
  expect(matrix).toContain('De 1\u00a0000 senaste av 1\u00a0055 ärenden (alla finns i CSV-filen).');
  const csv = await (await fetch(`${api.url}/matris.csv`, { headers: { cookie } })).text();
  expect(csv.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(1 + 1055);
});

it('answers a page far past the end with no cases, however far', async () => {
  const far = await api.request('GET', `/api/dashboard?offset=${Number.MAX_SAFE_INTEGER - 1}`);
  expect(far.status).toBe(200);
  expect(far.body.blocked).toEqual([]);
});

it('finds cases by words of their title or registry number, in the list and the matrix', async () => {
  const found = (query: string) => api.request('GET', `/api/cases?q=${encodeURIComponent(query)}&limit=200`);
  expect((await found('ärende 1000')).body).toEqual(expect.objectContaining({ total: 1, items: [expect.objectContaining({ title: 'Arkiverat ärende 1000' })] }));
  expect((await found('hsn 2024/1905')).body.total).toBe(55);
  // Every word, in any case of letters: 'Arkiverat ärende 100' and '… 1000'.
  expect((await found('ARKIVERAT 100')).body.total).toBe(2);
  // % and _ are letters like any other.
  expect((await found('100%')).body.total).toBe(0);
  expect((await found('x'.repeat(201))).status).toBe(400);

  const email = 'matris-sok@rss-dalarna.example';
  await new CoordinatorRepository(api.dataSource).upsert(email, 'Karin Samordnare', await hashPassword('ett långt lösenord för test'));
  const cookie = (await signInByForm(api.url, email, 'ett långt lösenord för test')).sessionCookie!;
  const matrix = await (await fetch(`${api.url}/matris?sok=${encodeURIComponent('ärende 1000')}`, { headers: { cookie } })).text();
  expect(matrix).toContain('1 ärende.');
  expect(matrix).toContain('value="ärende 1000"');
  const csv = await (await fetch(`${api.url}/matris.csv?sok=${encodeURIComponent('ärende 1000')}`, { headers: { cookie } })).text();
  expect(csv.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(2);
});

it("names each case's owner, and finds a coordinator's own cases in the list and the matrix", async () => {
  const owned = await createCase(api, { title: 'Ägt ärende om hjälpmedel', owner: 'Lena Utvecklingsledare' });
  expect(owned.owner).toBe('Lena Utvecklingsledare');
  expect((await createCase(api, { title: 'Ärende utan ägare' })).owner).toBeNull();
  const mine = (await api.request('GET', `/api/cases?owner=${encodeURIComponent('Lena Utvecklingsledare')}`)).body;
  expect(mine.items.map((view: { id: string }) => view.id)).toEqual([owned.id]);

  const email = 'lena-agare@rss-dalarna.example';
  await new CoordinatorRepository(api.dataSource).upsert(email, 'Lena Utvecklingsledare', await hashPassword('ett långt lösenord för test'));
  const cookie = (await signInByForm(api.url, email, 'ett långt lösenord för test')).sessionCookie!;
  const matrix = await (await fetch(`${api.url}/matris?mina=1`, { headers: { cookie } })).text();
  expect(matrix).toContain('1 ärende.');
  expect(matrix).toContain('Ägt ärende om hjälpmedel');
  expect(matrix).toMatch(/id="falt-mina" name="mina" value="1" checked/);
  const page = await (await fetch(`${api.url}/arenden/${owned.id}`, { headers: { cookie } })).text();
  expect(page).toContain('<dt>Ansvarig</dt><dd>Lena Utvecklingsledare</dd>');
  // The new-case form suggests the signed-in coordinator as the owner.
  expect(await (await fetch(`${api.url}/arenden/nytt`, { headers: { cookie } })).text()).toMatch(/id="falt-owner"[^>]*value="Lena Utvecklingsledare"/);
});
