import { swedishList } from '../../apps/api/web/swedish-format';
import { inflateSync } from 'node:zlib';
import { CoordinatorRepository } from '../../libs/persistence';
import { hashPassword } from '../../apps/api/web/password';
import { createCase, decision, recommendedCase } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { signInByForm } from '../support/sign-in';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * The status report for a meeting: the decisions since the last one, what waits and on
 * whom with the forecast, agreements ending and follow-ups due; as a page and as a tagged
 * PDF. A database of its own, so that the report holds this file's cases only.
 */
let api: TestApi;
let cookie: string;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('status_report') });
  const email = 'rapport@rss-dalarna.example';
  await new CoordinatorRepository(api.dataSource).upsert(email, 'Karin Samordnare', await hashPassword('ett långt lösenord för test'));
  cookie = (await signInByForm(api.url, email, 'ett långt lösenord för test')).sessionCookie!;
});

afterAll(() => api.close());

const get = (path: string) => fetch(`${api.url}${path}`, { headers: { cookie } });

/** The text a PDF shows: its content streams inflated, the strings of its text operators read back. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => {
    const bytes = Buffer.from(match[1], 'latin1');
    try {
      return inflateSync(bytes).toString('latin1');
    } catch {
      return '';
    }
  });
  // pdfkit writes text as hex strings in the font's (WinAnsi) encoding.
  return streams
    .flatMap((stream) => [...stream.matchAll(/<([0-9a-fA-F]+)>/g)].map((match) => Buffer.from(match[1], 'hex').toString('latin1')))
    .join('');
}

it('reports the decisions since the last meeting, what waits with its forecast, and is a tagged Swedish PDF too', async () => {
  const decided = await recommendedCase(api, { title: 'Regional överenskommelse om hemsjukvård', parties: ['falun', 'mora', 'orsa'], deadline: '2099-12-31' });
  const path = `/api/cases/${decided.id}/decisions`;
  expect((await api.request('POST', path, decision('falun', 'adopted', { date: '2026-11-20', body: 'Kommunfullmäktige' }))).status).toBe(200);
  expect((await api.request('POST', path, decision('orsa', 'scheduled', { date: '2099-01-15', body: 'Kommunstyrelsen' }))).status).toBe(200);
  expect((await api.request('POST', path, decision('mora', 'adopted', { date: '2026-10-01' }))).status).toBe(200);
  await createCase(api, { title: 'Överenskommelse om MiniMaria', parties: ['avesta'] });

  const page = await get('/rapport?forum=radet&mote=2026-12-10&sedan=2026-11-05');
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Lägesrapport till Välfärdsrådet, möte 10 december 2026');
  expect(html).toContain('Beslut från och med 6 november 2026 till och med 10 december 2026.');
  // Falun's decision is within the period, Mora's was before it, Orsa's is only planned.
  expect(html).toContain('<li>Falun antog 20 november 2026</li>');
  expect(html).not.toContain('Mora antog');
  expect(html).toContain('2 ärenden väntar, varav 0 försenade.');
  expect(html).toMatch(/Regional överenskommelse om hemsjukvård<\/a>[\s\S]*?<td>Orsa<\/td>[\s\S]*?<td>15 januari 2099<\/td>/);
  expect(html).toContain('href="/rapport.pdf?forum=radet&amp;mote=2026-12-10&amp;sedan=2026-11-05"');
  // What the minutes say of it, word for word.
  expect(html).toContain('<li>Regional överenskommelse om hemsjukvård: Orsa har ännu inte inkommit med beslut.</li>');

  const pdf = await get('/rapport.pdf?forum=radet&mote=2026-12-10&sedan=2026-11-05');
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="lagesrapport-2026-12-10.pdf"');
  const bytes = Buffer.from(await pdf.arrayBuffer());
  const raw = bytes.toString('latin1');
  expect(raw.startsWith('%PDF-1.7')).toBe(true);
  // Tagged, in Swedish, with its title shown: what a screen reader needs of it.
  expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
  expect(raw).toMatch(/<<\s*\/Marked true\s*>>/);
  expect(raw).toContain('/StructTreeRoot');
  expect(raw).toMatch(/\/Lang \(sv-SE\)/);
  expect(raw).toMatch(/\/DisplayDocTitle true/);
  for (const tag of ['/H1', '/H2', '/Table', '/TH', '/TD', '/L', '/LI']) expect(raw).toContain(`/S ${tag}`);
  const text = pdfText(bytes);
  expect(text).toContain('Lägesrapport till Välfärdsrådet, möte 10 december 2026');
  expect(text).toContain('Falun antog 20 november 2026');
  expect(text).toContain('Regional överenskommelse om hemsjukvård');
  expect(text).toContain('Orsa har ännu inte inkommit med beslut.');
});

it('takes the network’s meeting too, and refuses dates it cannot read with a Swedish message', async () => {
  const network = await (await get('/rapport?forum=natverket&mote=2026-12-03')).text();
  expect(network).toContain('Lägesrapport till Länschefsnätverket, möte 3 december 2026');
  expect(network).toContain('Beslut från och med 4 november 2026');
  for (const query of ['mote=10-12-2026', 'mote=2026-02-30', 'forum=styrelsen', 'mote=2026-12-10&sedan=2026-12-10']) {
    const refused = await get(`/rapport?${query}`);
    expect([query, refused.status]).toEqual([query, 400]);
    expect(await refused.text()).toMatch(/datum|möte/i);
  }
  expect((await fetch(`${api.url}/rapport.pdf`, { redirect: 'manual' })).status).toBe(303);
});

it('joins names as the minutes write them', () => {
  expect(swedishList([])).toBe('');
  expect(swedishList(['Orsa'])).toBe('Orsa');
  expect(swedishList(['Hedemora', 'Säter', 'Vansbro'])).toBe('Hedemora, Säter och Vansbro');
});
