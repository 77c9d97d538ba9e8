import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { hashPassword } from '../../apps/api/web/password';
import { CoordinatorRepository } from '../../libs/persistence';
import { axeViolations, launchChromium } from '../support/browser';
import { createCase } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * The coordinator and two parties in Debian's Chromium against the real stack, with axe
 * on every page. Run with OVERENS_SCREENSHOTS=1 to refresh the README's screenshots.
 */
const EMAIL = `samordnare-${Date.now()}@rss-dalarna.example`;
const PASSWORD = 'ett långt lösenord för test';
const SCREENSHOTS = process.env.OVERENS_SCREENSHOTS === '1' ? resolve(__dirname, '..', '..', 'docs', 'screenshots') : undefined;

let api: TestApi;
let browser: Browser;
let coordinator: BrowserContext;
let page: Page;
const violations: string[] = [];

async function check(target: Page, screenshot?: string): Promise<void> {
  violations.push(...(await axeViolations(target)));
  if (SCREENSHOTS && screenshot) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await target.screenshot({ path: join(SCREENSHOTS, `${screenshot}.png`), fullPage: true });
  }
}

beforeAll(async () => {
  // A database of its own: the overview's first page holds this file's cases, whatever else runs.
  api = await startTestApi({ databaseUrl: await createFreshDatabase('coordinator_browser') });
  await new CoordinatorRepository(api.dataSource).upsert(EMAIL, 'Anna Samordnare', await hashPassword(PASSWORD));
  browser = await launchChromium();
  coordinator = await browser.newContext({ bypassCSP: true, locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  page = await coordinator.newPage();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

let caseUrl: string;
let links: Record<string, string>;

it('signs the coordinator in, keyboard first, and refuses a wrong password', async () => {
  await page.goto(`${api.url}/`);
  await check(page);
  await page.goto(`${api.url}/oversikt`);
  expect(new URL(page.url()).pathname).toBe('/logga-in');
  await check(page);

  await page.fill('#falt-email', EMAIL);
  await page.fill('#falt-password', 'fel lösenord');
  await page.click('button[type=submit]');
  await see(page.locator('.error-summary')).toContainText('Fel e-postadress eller lösenord');
  await check(page);

  await page.fill('#falt-password', PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/oversikt$/);
  await see(page.locator('h1')).toHaveText('Översikt');
});

it('starts a case from the form, showing errors next to the fields first', async () => {
  await page.goto(`${api.url}/arenden/nytt`);
  await check(page);
  await page.click('button:has-text("Starta ärendet")');
  await see(page.locator('#falt-title-fel')).toBeVisible();
  await see(page.locator('#falt-title')).toHaveAttribute('aria-invalid', 'true');
  await check(page);

  await page.fill('#falt-title', 'Regional överenskommelse om MiniMaria');
  await page.fill('#falt-reference', 'LCHNV 2024/12');
  await page.fill('#falt-networkDecision-date', '2024-05-16');
  await page.fill('#falt-deadline', '2024-12-31');
  await page.fill('#falt-attachments-0-title', 'Överenskommelsen');
  await page.fill('#falt-attachments-0-url', 'https://rss-dalarna.example/minimaria.pdf');
  await page.fill('#falt-proposal-decisionWording', 'Kommunen antar överenskommelsen om MiniMaria.');
  await page.fill('#falt-escalationDays', '21');
  for (const party of ['leksand', 'ludvika', 'malung-salen', 'rattvik', 'smedjebacken', 'sater', 'vansbro', 'alvdalen', 'region-dalarna', 'avesta', 'borlange', 'gagnef', 'hedemora']) {
    await page.uncheck(`#part-${party}`);
  }
  await page.click('button:has-text("Starta ärendet")');
  await page.waitForURL(/\/arenden\/[0-9a-f-]{36}$/);
  caseUrl = page.url();
  expect((await api.request('GET', `/api/cases/${caseUrl.split('/').pop()}`)).body).toMatchObject({ escalationDays: 21, owner: 'Anna Samordnare' });
  await see(page.locator('h1')).toHaveText('Regional överenskommelse om MiniMaria');
  await see(page.locator('dl.facts')).toContainText('Välfärdsrådet');
  await check(page);
});

it("records the council's recommendation on the case page", async () => {
  await page.check('#council-falt-outcome');
  await page.fill('#council-falt-date', '2024-06-13');
  await page.click('section[aria-labelledby=council-rubrik] button[type=submit]');
  await page.waitForURL(/registrerat=1$/);
  await see(page.locator('dl.facts')).toContainText('Falun, Mora, Orsa');
  // Waiting since the council met, not since it was typed in today.
  await see(page.locator('dl.facts')).toContainText('Väntar sedan');
  await see(page.locator('dl.facts')).toContainText('13 juni 2024 (');
  await check(page, 'case');
  links = Object.fromEntries(
    await Promise.all(
      ['falun', 'mora', 'orsa'].map(async (party) => [party, await page.inputValue(`#lank-${party}`)] as const),
    ),
  );
});

/** Answers through the party's own page; returns the form exactly as it was sent. */
async function answerAs(party: string, outcome: string, date: string, screenshot?: string): Promise<{ page: Page; sent: Record<string, string> }> {
  const context = await browser.newContext({ bypassCSP: true, locale: 'sv-SE', viewport: { width: 1000, height: 900 } });
  const partyPage = await context.newPage();
  await partyPage.goto(links[party]);
  await see(partyPage.locator('h1')).toHaveText('Regional överenskommelse om MiniMaria');
  await see(partyPage.locator('main')).toContainText(`${party === 'falun' ? 0 : 1} av 3 parter har fattat beslut`);
  await see(partyPage.locator('#falt-body')).toHaveValue('Socialnämnden');
  await see(partyPage.locator('blockquote.wording')).toHaveText('Kommunen antar överenskommelsen om MiniMaria.');
  await check(partyPage, screenshot);
  await partyPage.check(`input[name=outcome][value=${outcome}]`);
  await partyPage.fill('#falt-date', date);
  await partyPage.fill('#falt-paragraph', '§ 45');
  await partyPage.fill('#falt-minutesUrl', 'inte en länk');
  await partyPage.click('button:has-text("Skicka svaret")');
  await see(partyPage.locator('#falt-minutesUrl-fel')).toContainText('http');
  await check(partyPage);
  await partyPage.fill('#falt-minutesUrl', `https://${party}.example/protokoll.pdf`);
  const sent = await partyPage
    .locator('form')
    // The text fields (the file field is empty: no excerpt uploaded as a file here).
    .evaluate((form) => Object.fromEntries([...new FormData(form as HTMLFormElement).entries()].flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : []))));
  await partyPage.click('button:has-text("Skicka svaret")');
  await partyPage.waitForURL(/\/kvitto$/);
  await see(partyPage.locator('h1')).toHaveText('Tack, ert svar är registrerat');
  await check(partyPage);
  return { page: partyPage, sent };
}

it('lets two parties answer through their own links, and records a form sent twice once', async () => {
  await answerAs('falun', 'adopted', '2024-09-12', 'response');
  const mora = await answerAs('mora', 'scheduled', '2024-12-10');

  // The same form sent again, as after a double click or a reload: the answer stands once.
  const again = await mora.page.context().request.post(links.mora, { form: mora.sent, maxRedirects: 0 });
  expect(again.status()).toBe(303);
  const caseId = caseUrl.split('/').pop()!;
  const stored = await api.request('GET', `/api/cases/${caseId}`);
  expect(stored.body.history.filter((entry: { party?: string }) => entry.party === 'mora')).toHaveLength(1);
  expect(stored.body.history.filter((entry: { actor: string }) => entry.actor === 'party:falun')).toHaveLength(1);
  expect(stored.body.waitingOn).toEqual(['mora', 'orsa']);
});

it("refuses a third party's link used for the first party or for another case", async () => {
  const other = await createCase(api, { parties: ['falun', 'orsa'] });
  const context = await browser.newContext({ bypassCSP: true, locale: 'sv-SE' });
  const intruder = await context.newPage();
  const orsa = new URL(links.orsa);
  const [, , caseId, , signature] = orsa.pathname.split('/');
  for (const path of [`/svar/${caseId}/falun/${signature}`, `/svar/${other.id}/orsa/${signature}`, `/svar/${caseId}/orsa/${signature}x`]) {
    const response = await intruder.goto(`${api.url}${path}`);
    expect(response?.status()).toBe(403);
    await see(intruder.locator('h1')).toHaveText('Åtkomst nekad');
  }
  await check(intruder);
  const apiAttempt = await api.request('POST', `/api/cases/${caseId}/decisions`, { party: 'falun', outcome: 'adopted', date: '2024-09-12' }, {
    authorization: `Bearer v1.${caseId}.orsa.${signature}`,
  });
  expect(apiAttempt.status).toBe(403);
});

it('shows the rest as waiting in the overview, the matrix and the CSV', async () => {
  const caseId = caseUrl.split('/').pop()!;
  await page.goto(`${api.url}/oversikt`);
  const row = page.locator('tr', { has: page.locator(`a[href="/arenden/${caseId}"]`) });
  await see(row).toContainText('Mora, Orsa');
  await see(row).toContainText('Försenat');
  await check(page, 'overview');

  await page.goto(`${api.url}/matris`);
  await check(page, 'matrix');
  await page.goto(`${api.url}/matris?part=orsa`);
  const matrixRow = page.locator('tr', { has: page.locator(`a[href="/arenden/${caseId}"]`) });
  await see(matrixRow).toContainText('Antaget');
  await see(matrixRow).toContainText('Planerat till sammanträde 2024-12-10');
  await see(matrixRow).toContainText('Väntar');
  await see(matrixRow).toContainText('Ej part');
  await check(page);

  const csv = await page.context().request.get(`${api.url}/matris.csv?part=orsa`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = (await csv.body()).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...lines] = text.slice(1).trim().split('\r\n');
  const columns = header.split(';');
  const line = lines.find((candidate) => candidate.startsWith('Regional överenskommelse om MiniMaria;LCHNV 2024/12'))!.split(';');
  expect(line[columns.indexOf('Falun')]).toBe('Antaget');
  expect(line[columns.indexOf('Mora')]).toBe('Planerat till sammanträde 2024-12-10');
  expect(line[columns.indexOf('Orsa')]).toBe('Väntar');
  expect(line[columns.indexOf('Avesta')]).toBe('Ej part');
});

it('revokes a party’s links from the case page: the old link is refused, the new one on the page works', async () => {
  await page.goto(caseUrl);
  await page.click('button:has-text("Dra in länkar till Orsa")');
  await page.waitForURL(/\?indragna=orsa$/);
  await see(page.locator('p.notice')).toContainText('Alla länkar som Orsa fått hittills är indragna');
  const fresh = await page.inputValue('#lank-orsa');
  expect(fresh).not.toBe(links.orsa);
  await check(page);
  const old = await page.context().request.get(links.orsa, { headers: { cookie: '' } });
  expect(old.status()).toBe(403);
  expect((await page.context().request.get(fresh)).status()).toBe(200);
  // Mora's links were not touched.
  expect((await page.context().request.get(links.mora)).status()).toBe(200);
  links.orsa = fresh;
});

it('gathers every party’s link on one page, to copy or to send by e-mail, without JavaScript', async () => {
  await page.goto(caseUrl);
  await page.click('a:has-text("Alla parters länkar på en sida")');
  await page.waitForURL(/\/lankar$/);
  expect(await page.inputValue('#lank-mora')).toBe(links.mora);
  const mailto = await page.locator('tr', { has: page.locator('th', { hasText: 'Mora' }) }).locator('a[href^="mailto:"]').getAttribute('href');
  expect(decodeURIComponent(mailto!)).toContain(links.mora);
  expect(decodeURIComponent(mailto!)).toContain('subject=Svarslänk för Mora – Regional överenskommelse om MiniMaria');
  await check(page);
});

it('prints the status report for the council’s meeting, with what waits and on whom, and offers it as PDF', async () => {
  const caseId = caseUrl.split('/').pop()!;
  await page.goto(`${api.url}/oversikt`);
  await page.click('nav[aria-label="Huvudmeny"] >> text=Lägesrapport');
  await page.waitForURL(/\/rapport$/);
  const row = page.locator('tr', { has: page.locator(`a[href="/arenden/${caseId}"]`) });
  await see(row).toContainText('Mora, Orsa');
  await check(page, 'status-report');
  await page.fill('#falt-mote', '2026-12-10');
  await page.selectOption('#falt-forum', 'natverket');
  await page.click('form.filters button[type=submit]');
  await see(page.locator('h1')).toHaveText('Lägesrapport till Länschefsnätverket, möte 10 december 2026');
  const pdf = await page.context().request.get(`${api.url}${await page.locator('a', { hasText: 'Ladda ner som PDF' }).getAttribute('href')}`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await check(page);
});

it("records a party's decision that came by e-mail on the case page, as fully as the party's own form: registry number, posting, note", async () => {
  await page.goto(caseUrl);
  await page.click('section[aria-labelledby=decision-rubrik] button[type=submit]');
  await see(page.locator('section[aria-labelledby=decision-rubrik] .error-summary')).toContainText('Ert beslut');
  await check(page);
  await page.selectOption('#decision-falt-party', 'orsa');
  await page.check('section[aria-labelledby=decision-rubrik] input[name=outcome][value=adopted]');
  await page.fill('#decision-falt-date', '2024-10-03');
  await page.fill('#decision-falt-body', 'Kommunstyrelsen');
  await page.fill('#decision-falt-paragraph', '§ 112');
  await page.fill('#decision-falt-partyReference', 'KS 2024/311');
  await page.fill('#decision-falt-postedOn', '2024-10-07');
  await page.fill('#decision-falt-note', 'Protokollsutdraget kom med e-post.');
  await page.click('section[aria-labelledby=decision-rubrik] button[type=submit]');
  await page.waitForURL(/registrerat=1$/);
  const orsa = page.locator('tr', { has: page.locator('th', { hasText: 'Orsa' }) }).first();
  await see(orsa).toContainText('Dnr KS 2024/311');
  await see(orsa).toContainText('Kommunstyrelsen § 112');
  await check(page);
  const stored = await api.request('GET', `/api/cases/${caseUrl.split('/').pop()}`);
  expect(stored.body.parties.find((answer: { party: string }) => answer.party === 'orsa')).toMatchObject({
    status: 'adopted',
    partyReference: 'KS 2024/311',
    postedOn: '2024-10-07',
    note: 'Protokollsutdraget kom med e-post.',
  });
  // The history names who recorded it: the signed-in coordinator; the party's own answers stay the party's.
  expect(stored.body.history.at(-1)).toMatchObject({ type: 'decision.adopted', party: 'orsa', actor: 'coordinator', by: 'Anna Samordnare' });
  expect(stored.body.history.find((entry: { actor: string }) => entry.actor === 'party:falun').by).toBeUndefined();
  await see(page.locator('ol.timeline li').last()).toContainText('registrerat av Anna Samordnare');
});

it('has an accessibility statement, and every page visited passed axe', async () => {
  await page.goto(`${api.url}/tillganglighet`);
  await see(page.locator('h1')).toHaveText('Tillgänglighetsredogörelse');
  await check(page);
  expect(violations).toEqual([]);
});

// playwright-core has no test runner: waiting assertions over locators, polling until they hold.
function see(locator: Locator) {
  const poll = async (what: string, probe: () => Promise<boolean>, describe: () => Promise<string>) => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (await probe().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Expected ${what}; got ${await describe().catch((error: unknown) => String(error))}`);
  };
  const first = locator.first();
  return {
    toContainText: (text: string) => poll(`text containing "${text}"`, async () => (await first.innerText()).includes(text), () => first.innerText()),
    toHaveText: (text: string) => poll(`text "${text}"`, async () => (await first.innerText()).trim() === text, () => first.innerText()),
    toHaveValue: (value: string) => poll(`value "${value}"`, async () => (await first.inputValue()) === value, () => first.inputValue()),
    toHaveAttribute: (name: string, value: string) =>
      poll(`${name}="${value}"`, async () => (await first.getAttribute(name)) === value, async () => String(await first.getAttribute(name))),
    toBeVisible: () => poll('visible', () => first.isVisible(), async () => 'hidden'),
  };
}

it('renders under its own Content-Security-Policy: the stylesheet applies and nothing is blocked', async () => {
  const context = await browser.newContext({ locale: 'sv-SE' });
  const strict = await context.newPage();
  const blocked: string[] = [];
  strict.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await strict.goto(links.falun);
  const background = await strict.locator('header.site').evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).toBe('rgb(11, 74, 117)');
  expect(blocked).toEqual([]);
  await context.close();
});
