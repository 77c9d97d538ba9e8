import { readFile } from 'node:fs/promises';
import { createFreshDatabase } from '../support/fresh-database';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../apps/api/web/password';
import { CoordinatorRepository } from '../../libs/persistence';
import { axeViolations, launchChromium, screenshotIfAsked, signedInCoordinator } from '../support/browser';
import { createCase, decision, recommendedCase } from '../support/case-requests';
import { remindersTo } from '../support/outbox';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * The case page's lifecycle forms in Chromium (plain forms, no script): remind now,
 * move a deadline, and a case in force with its period, follow-up and appeal; axe on
 * every page.
 */
const EMAIL = `livscykel-${Date.now()}@rss-dalarna.example`;
const PASSWORD = 'ett långt lösenord för test';

let api: TestApi;
let browser: Browser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  // A database of its own: the parties' contacts are global, and other files set them too.
  api = await startTestApi({ databaseUrl: await createFreshDatabase('lifecycle_browser') });
  await new CoordinatorRepository(api.dataSource).upsert(EMAIL, 'Karin Samordnare', await hashPassword(PASSWORD));
  browser = await launchChromium();
  page = await signedInCoordinator(browser, api.url, { email: EMAIL, password: PASSWORD });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

it('the coordinator reminds a late party now and moves its deadline, from the case page', async () => {
  const address = `registrator-sater-${randomUUID().slice(0, 8)}@example.se`;
  expect((await api.request('PUT', '/api/contacts/sater', { emails: [address] })).status).toBe(200);
  const recommended = await recommendedCase(api, { parties: ['falun', 'sater'], deadline: '2024-12-31' });
  await api.request('POST', `/api/cases/${recommended.id}/decisions`, decision('falun'));

  await page.goto(`${api.url}/arenden/${recommended.id}`);
  violations.push(...(await axeViolations(page)));
  await page.selectOption('#reminder-falt-party', 'sater');
  await page.click('button:has-text("Skicka påminnelse")');
  await page.waitForSelector('.notice[role=status]');
  expect(await page.locator('.timeline li').last().innerText()).toContain('Påminnelse skickades');
  expect(await remindersTo([address])).toHaveLength(1);

  // A missing date is shown by its field.
  await page.click('button:has-text("Flytta")');
  await page.waitForSelector('#deadline-falt-deadline-fel');
  violations.push(...(await axeViolations(page)));
  await page.fill('#deadline-falt-deadline', '2099-02-28');
  await page.selectOption('#deadline-falt-party', 'sater');
  await page.click('button:has-text("Flytta")');
  await page.waitForSelector('.notice[role=status]');
  expect(await page.locator('tr', { hasText: 'Säter' }).innerText()).toContain('Egen sista svarsdag 28 februari 2099');
  violations.push(...(await axeViolations(page)));
});

it('a case in force shows its period, its follow-up and whether each decision is final', async () => {
  const recommended = await recommendedCase(api, {
    parties: ['falun', 'mora'],
    validity: { from: '2025-07-01', months: 24, renewal: { months: 12, noticeMonths: 6 }, warnDays: 90 },
  });
  const path = `/api/cases/${recommended.id}`;
  await api.request('POST', `${path}/decisions`, decision('falun', 'adopted', { postedOn: '2024-09-16' }));
  await api.request('POST', `${path}/decisions`, decision('mora'));

  await page.goto(`${api.url}/arenden/${recommended.id}`);
  const facts = await page.locator('dl.facts').innerText();
  expect(facts).toContain('1 juli 2025 – 30 juni 2027');
  expect(facts).toContain('Förlängs med 12 månader om ingen part säger upp senast 30 december 2026');
  expect(facts).toContain('Styrgruppen');
  expect(await page.locator('tr', { hasText: 'Falun' }).innerText()).toContain('Beslutet har vunnit laga kraft.');
  expect(await page.locator('tr', { hasText: 'Mora' }).innerText()).toContain('anslagsdatum saknas');
  violations.push(...(await axeViolations(page)));

  await page.selectOption('#posting-falt-party', 'mora');
  await page.fill('#posting-falt-postedOn', '2099-01-10');
  await page.click('button:has-text("Registrera anslaget")');
  await page.waitForSelector('.notice[role=status]');
  // Three weeks from 10 January 2099 is a Saturday: the appeal period runs to Monday 2 February.
  expect(await page.locator('tr', { hasText: 'Mora' }).innerText()).toContain('vinner laga kraft 3 februari 2099');

  // The decided case goes to the archive as an E-ARK package (its contents: tests/archive).
  await screenshotIfAsked(page, 'case-in-force');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Ladda ner arkivpaket")')]);
  expect(download.suggestedFilename()).toBe(`overens-${recommended.id}.zip`);
  const zip = await readFile((await download.path())!);
  expect(zip.subarray(0, 2).toString()).toBe('PK');

  // Among the closed cases, found by its title, with its package.
  await page.click('nav[aria-label="Huvudmeny"] >> text=Avslutade');
  await page.waitForURL(/\/avslutade$/);
  await page.fill('#falt-sok', recommended.title);
  await page.click('form.filters button[type=submit]');
  await page.waitForURL(/\/avslutade\?sok=/);
  const row = page.locator('tr', { has: page.locator(`a[href="/arenden/${recommended.id}"]`) });
  expect(await row.innerText()).toContain('Gäller');
  expect(await row.locator('a[download]').getAttribute('href')).toBe(`/arenden/${recommended.id}/arkivpaket.zip`);
  violations.push(...(await axeViolations(page)));
  await page.goto(`${api.url}/arenden/${recommended.id}`);

  await page.click('a:has-text("Starta ett förlängningsärende")');
  await page.waitForURL(/\/arenden\/nytt\?forlanger=/);
  expect(await page.locator('#falt-title').inputValue()).toContain('Förlängning:');
  expect(await page.locator('#falt-validity-from').inputValue()).toBe('2027-07-01');
  violations.push(...(await axeViolations(page)));
});

it("records a meeting round: several parties' decisions from one day on one form, the others left as they were", async () => {
  const recommended = await recommendedCase(api, { title: 'Överenskommelse efter en sammanträdesrunda', parties: ['falun', 'mora', 'orsa'] });
  await page.goto(`${api.url}/arenden/${recommended.id}`);
  const round = page.locator('section[aria-labelledby=sammantrade-rubrik]');
  await round.locator('button[type=submit]').click();
  await page.waitForSelector('section[aria-labelledby=sammantrade-rubrik] .error-summary');
  expect(await page.locator('section[aria-labelledby=sammantrade-rubrik] .error-summary').innerText()).toContain('Välj beslut för minst en part.');
  violations.push(...(await axeViolations(page)));

  await page.fill('#sammantrade-falt-date', '2024-10-10');
  await page.fill('#sammantrade-falt-body', 'Kommunfullmäktige');
  await page.selectOption('#sammantrade-falt-part-falun-outcome', 'adopted');
  await page.fill('#sammantrade-falt-part-falun-paragraph', '§ 101');
  await page.selectOption('#sammantrade-falt-part-orsa-outcome', 'opted-out');
  await page.locator('section[aria-labelledby=sammantrade-rubrik] button[type=submit]').click();
  await page.waitForURL(/registrerat=1$/);
  const stored = (await api.request('GET', `/api/cases/${recommended.id}`)).body;
  const answer = (party: string) => stored.parties.find((entry: { party: string }) => entry.party === party);
  expect(answer('falun')).toMatchObject({ status: 'adopted', date: '2024-10-10', body: 'Kommunfullmäktige', paragraph: '§ 101' });
  expect(answer('orsa')).toMatchObject({ status: 'opted-out', date: '2024-10-10' });
  expect(answer('mora').status).toBe('pending');
  expect(stored.history.slice(-2).map((entry: { by: string }) => entry.by)).toEqual(['Karin Samordnare', 'Karin Samordnare']);
  violations.push(...(await axeViolations(page)));
});

it('keeps the meeting calendar and shows what goes to each body’s next meeting', async () => {
  const sentBack = await createCase(api, { title: 'Överenskommelse som går tillbaka till nätverket', parties: ['falun'] });
  await api.request('POST', `/api/cases/${sentBack.id}/council`, { outcome: 'refer-back', date: '2024-06-13', untilMeeting: '2099-01-15' });
  const atCouncil = await createCase(api, { title: 'Överenskommelse hos rådet', parties: ['falun'] });

  await page.goto(`${api.url}/moten`);
  await page.fill('#mote-falt-date', 'i morgon');
  await page.click('button:has-text("Lägg till")');
  await page.waitForSelector('#mote-falt-date-fel');
  violations.push(...(await axeViolations(page)));
  await page.selectOption('#mote-falt-body', 'network');
  await page.fill('#mote-falt-date', '2099-01-15');
  await page.click('button:has-text("Lägg till")');
  await page.waitForURL(/klart=tillagt/);
  await page.selectOption('#mote-falt-body', 'council');
  await page.fill('#mote-falt-date', '2099-02-05');
  await page.click('button:has-text("Lägg till")');
  await page.waitForURL(/klart=tillagt/);

  const network = await page.locator('section[aria-labelledby=dagordning-network]').innerText();
  expect(network).toContain('Till Länschefsnätverkets nästa möte, 15 januari 2099');
  expect(network).toContain('Överenskommelse som går tillbaka till nätverket (HSN 2024/1905) – åter till det här mötet');
  // The network follows up what waits on the parties, in the words of the minutes.
  expect(network).toMatch(/Information: beslut som inte har kommit in\n.*har ännu inte inkommit med beslut\./);
  const council = await page.locator('section[aria-labelledby=dagordning-council]').innerText();
  expect(council).toContain('5 februari 2099');
  expect(council).toContain(atCouncil.title);
  violations.push(...(await axeViolations(page)));

  await page.click('button:has-text("Ta bort"):has-text("5 februari 2099")');
  await page.waitForURL(/klart=borttaget/);
  expect(await page.locator('section[aria-labelledby=dagordning-council]').innerText()).toContain('Inget kommande möte i kalendern.');
});

it('has no accessibility violations on any page visited', () => {
  expect(violations).toEqual([]);
});
