import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../apps/api/web/password';
import { CoordinatorRepository } from '../../libs/persistence';
import { axeViolations, launchChromium, screenshotIfAsked, signedInCoordinator } from '../support/browser';
import { recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';
import { pdf, sha256 } from '../support/uploads';

/**
 * Files through the pages, in Chromium without script: the coordinator adds an attachment
 * and a new version of it; a party downloads it with its own link, uploads its minutes
 * excerpt as a PDF (kept when the form comes back with an error), and the coordinator
 * downloads that excerpt. axe on every page.
 */
const EMAIL = `filer-${Date.now()}@rss-dalarna.example`;
const PASSWORD = 'ett långt lösenord för test';

let api: TestApi;
let browser: Browser;
let party: BrowserContext;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  await new CoordinatorRepository(api.dataSource).upsert(EMAIL, 'Karin Samordnare', await hashPassword(PASSWORD));
  browser = await launchChromium();
  page = await signedInCoordinator(browser, api.url, { email: EMAIL, password: PASSWORD }, { acceptDownloads: true });
  // The party on a phone's screen.
  party = await browser.newContext({ bypassCSP: true, locale: 'sv-SE', acceptDownloads: true, viewport: { width: 390, height: 844 } });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** What a click on a download link saves, as bytes, with the name the browser gives it. */
async function downloadFrom(on: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([on.waitForEvent('download'), on.click(selector)]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path()) as string) };
}

it('the coordinator adds an attachment and its new version; the party downloads it and answers with its excerpt as a PDF, which the coordinator downloads', async () => {
  const created = await recommendedCase(api, { title: `Överenskommelse om hjälpmedel ${randomUUID().slice(0, 4)}`, parties: ['falun', 'sater'], deadline: '2099-06-30' });

  await page.goto(`${api.url}/arenden/${created.id}`);
  const first = pdf('Bilaga 10, första');
  await page.setInputFiles('#attachment-falt-file', { name: 'Bilaga 10 Underlag.pdf', mimeType: 'application/pdf', buffer: first });
  await page.fill('#attachment-falt-title', 'Bilaga 10 Underlag');
  await page.fill('#attachment-falt-date', '2024-06-10');
  await page.click('button:has-text("Spara bilagan")');
  await page.waitForSelector('.notice[role=status]');
  expect(await page.locator('ol.attachments li').first().innerText()).toContain('Bilaga 10 Underlag');

  // A new version, with what is new; the earlier stays under its versions.
  const second = pdf('Bilaga 10, nytt underlag');
  await page.setInputFiles('#attachment-falt-file', { name: 'Bilaga 10 Underlag v2.pdf', mimeType: 'application/pdf', buffer: second });
  await page.fill('#attachment-falt-title', 'Bilaga 10 Underlag');
  await page.selectOption('#attachment-falt-replaces', '1');
  await page.fill('#attachment-falt-date', '2024-06-20');
  await page.fill('#attachment-falt-note', 'nytt underlag');
  await page.click('button:has-text("Spara bilagan")');
  await page.waitForSelector('.notice[role=status]');
  const listed = await page.locator('ol.attachments li').first().innerText();
  expect(listed).toContain('Version 2, 20 juni 2024: nytt underlag');
  expect(await page.locator('.timeline li').last().innerText()).toContain('Bilaga 1 ersattes med en ny version');
  violations.push(...(await axeViolations(page)));
  await screenshotIfAsked(page, 'case-attachments');

  // The party, with its own link: the latest version downloads as uploaded.
  const { url } = (await api.request('GET', `/api/cases/${created.id}/parties/sater/link`)).body;
  const partyPage = await party.newPage();
  await partyPage.goto(url);
  const fetched = await downloadFrom(partyPage, 'ol.attachments a:has-text("Bilaga 10 Underlag")');
  expect(fetched.name).toBe('Bilaga 10 Underlag v2.pdf');
  expect(sha256(fetched.bytes)).toBe(sha256(second));

  // A program renamed to .pdf is refused beside the file field; nothing is recorded.
  await partyPage.check('#falt-outcome-adopted');
  await partyPage.fill('#falt-date', '2024-11-20');
  await partyPage.setInputFiles('#falt-minutesFile', { name: 'protokoll.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]) });
  await partyPage.click('button:has-text("Skicka svaret")');
  await partyPage.waitForSelector('#falt-minutesFile-fel');
  expect(await partyPage.locator('#falt-minutesFile-fel').innerText()).toContain('Filtypen tas inte emot');
  violations.push(...(await axeViolations(partyPage)));

  // The real excerpt, with the date left out: the file is kept while the date is put right.
  const excerpt = pdf('Protokollsutdrag Säter SN § 45');
  await partyPage.check('#falt-outcome-adopted');
  await partyPage.fill('#falt-date', '');
  await partyPage.setInputFiles('#falt-minutesFile', { name: 'Protokollsutdrag SN § 45 – Säter.pdf', mimeType: 'application/pdf', buffer: excerpt });
  await partyPage.click('button:has-text("Skicka svaret")');
  await partyPage.waitForSelector('#falt-date-fel');
  expect(await partyPage.locator('#falt-minutesFile-tips').innerText()).toContain('Redan uppladdad: Protokollsutdrag SN § 45 – Säter.pdf');
  violations.push(...(await axeViolations(partyPage)));
  await partyPage.fill('#falt-date', '2024-11-20');
  await partyPage.fill('#falt-paragraph', '§ 45');
  await partyPage.click('button:has-text("Skicka svaret")');
  await partyPage.waitForURL(/\/kvitto$/);
  expect(await partyPage.locator('dl.facts').innerText()).toContain('Protokollsutdrag SN § 45 – Säter.pdf');
  violations.push(...(await axeViolations(partyPage)));
  await screenshotIfAsked(partyPage, 'party-receipt-with-excerpt');

  // The coordinator downloads the excerpt from the parties' table.
  await page.goto(`${api.url}/arenden/${created.id}`);
  const downloaded = await downloadFrom(page, 'tr:has-text("Säter") a:has-text("Protokollsutdrag")');
  expect(downloaded.name).toBe('Protokollsutdrag SN § 45 – Säter.pdf');
  expect(downloaded.bytes.equals(excerpt)).toBe(true);
  violations.push(...(await axeViolations(page)));
});

it('opens a case on the pages with an uploaded attachment beside a link, keeping the file while the form is put right', async () => {
  const agreement = pdf('Överenskommelsen om hemsjukvård');
  await page.goto(`${api.url}/arenden/nytt`);
  await page.fill('#falt-title', 'Överenskommelse om hemsjukvård');
  await page.fill('#falt-attachments-0-title', 'Överenskommelsen');
  await page.setInputFiles('#falt-attachments-0-file', { name: 'Överenskommelse hemsjukvård.pdf', mimeType: 'application/pdf', buffer: agreement });
  await page.fill('#falt-attachments-1-title', 'Bakgrund');
  await page.fill('#falt-attachments-1-url', 'https://rss-dalarna.example/bakgrund.html');
  // The network's date left out: the form comes back, the file stays with it.
  await page.click('button:has-text("Starta ärendet")');
  await page.waitForSelector('#falt-networkDecision-date-fel');
  expect(await page.locator('#falt-attachments-0-file-tips').innerText()).toContain('Redan uppladdad: Överenskommelse hemsjukvård.pdf');
  violations.push(...(await axeViolations(page)));
  await page.fill('#falt-networkDecision-date', '2024-05-16');
  await page.click('button:has-text("Starta ärendet")');
  await page.waitForURL(/\/arenden\/[0-9a-f-]{36}$/);
  const listed = await page.locator('ol.attachments li').allInnerTexts();
  expect(listed[0]).toContain('Överenskommelsen');
  expect(listed[1]).toContain('Bakgrund');
  const fetched = await downloadFrom(page, 'ol.attachments a:has-text("Överenskommelsen")');
  expect(fetched.bytes.equals(agreement)).toBe(true);
  violations.push(...(await axeViolations(page)));
});

afterAll(() => {
  expect(violations).toEqual([]);
});
