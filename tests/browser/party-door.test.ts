import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium, screenshotIfAsked } from '../support/browser';
import { recommendedCase } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { startTestApi, type TestApi } from '../support/test-stack';

/** A party's own door in Chromium, on a phone's screen: overview → answer → receipt → overview, and a revoked link. */
let api: TestApi;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('party_door_browser') });
  browser = await launchChromium();
  // A phone's viewport; JavaScript stays on only for axe (the pages carry none).
  context = await browser.newContext({ bypassCSP: true, locale: 'sv-SE', viewport: { width: 390, height: 844 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

it('walks a party from its overview to an answer and back, then refuses the revoked link with whom to ask', async () => {
  const first = await recommendedCase(api, { title: 'Överenskommelse om Kvinnofrid', parties: ['leksand', 'rattvik'], deadline: '2024-12-31' });
  await recommendedCase(api, { title: 'Avtal om hjälpmedel', parties: ['leksand'], deadline: '2099-06-30' });
  const { url } = (await api.request('GET', '/api/parties/leksand/link')).body;

  await page.goto(url);
  expect(await page.locator('h1').innerText()).toBe('Det här väntar på svar från Leksand');
  expect(await page.locator('li.party-case h2').allInnerTexts()).toEqual(['Överenskommelse om Kvinnofrid', 'Avtal om hjälpmedel']);
  // Nothing runs off the side of a phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  violations.push(...(await axeViolations(page)));
  await screenshotIfAsked(page, 'party-overview');

  // The party names its substitute for the summer: a period backwards is shown by its field first.
  await page.fill('#ersattare-falt-email', 'vikarie@leksand.example.se');
  await page.fill('#ersattare-falt-from', '2099-07-31');
  await page.fill('#ersattare-falt-to', '2099-07-01');
  await page.click('button:has-text("Spara ersättaren")');
  await page.waitForSelector('#ersattare-falt-to-fel');
  violations.push(...(await axeViolations(page)));
  await page.fill('#ersattare-falt-from', '2099-07-01');
  await page.fill('#ersattare-falt-to', '2099-07-31');
  await page.click('button:has-text("Spara ersättaren")');
  await page.waitForSelector('#ersattare .notice[role=status]');
  expect(await page.locator('#ersattare').innerText()).toContain('Nu: vikarie@leksand.example.se, 1 juli 2099 – 31 juli 2099.');
  violations.push(...(await axeViolations(page)));

  await page.click('a.button:has-text("Svara på Överenskommelse om Kvinnofrid")');
  await page.waitForURL(new RegExp(`/svar/${first.id}/leksand/`));
  await page.check('#falt-outcome-adopted');
  await page.fill('#falt-date', '2024-11-20');
  await page.fill('#falt-paragraph', '§ 12');
  await page.fill('#falt-answeredBy', 'Anna Vikarie');
  await page.click('button:has-text("Skicka svaret")');
  await page.waitForURL(/\/kvitto$/);
  expect(await page.locator('h1').innerText()).toBe('Tack, ert svar är registrerat');
  expect((await api.request('GET', `/api/cases/${first.id}`)).body.history.at(-1)).toMatchObject({ actor: 'party:leksand', by: 'Anna Vikarie' });
  violations.push(...(await axeViolations(page)));

  await page.click('a:has-text("Allt som väntar på svar från Leksand")');
  await page.waitForURL(/\/part\/leksand\//);
  expect(await page.locator('li.party-case h2').allInnerTexts()).toEqual(['Avtal om hjälpmedel']);

  expect((await api.request('POST', '/api/parties/leksand/links/revoke')).status).toBe(204);
  const refused = await page.goto(url);
  expect(refused?.status()).toBe(403);
  expect(await page.locator('main').innerText()).toContain('Länken har dragits in och gäller inte längre. Be RSS Dalarna om en ny länk');
  violations.push(...(await axeViolations(page)));
});

afterAll(() => {
  expect(violations).toEqual([]);
});
