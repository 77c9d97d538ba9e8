import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../apps/api/web/password';
import { CoordinatorRepository } from '../../libs/persistence';
import { axeViolations, launchChromium, screenshotIfAsked } from '../support/browser';
import { createFreshDatabase } from '../support/fresh-database';
import { startTestApi, type TestApi } from '../support/test-stack';

/** The Parter page and a matrix of 66 parties in Chromium, forms posted as without JavaScript, with axe on every state. */
const EMAIL = `parter-${Date.now()}@rss-dalarna.example`;
const PASSWORD = 'ett långt lösenord för test';

let api: TestApi;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('register_browser') });
  await new CoordinatorRepository(api.dataSource).upsert(EMAIL, 'Karin Samordnare', await hashPassword(PASSWORD));
  browser = await launchChromium();
  // The pages carry no script at all (their CSP forbids it); JavaScript stays on only for axe.
  context = await browser.newContext({ bypassCSP: true, locale: 'sv-SE' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

it('lets the coordinator add, change and retire a party and keep a group, errors by the field', async () => {
  await page.goto(`${api.url}/parter`);
  await page.fill('#falt-email', EMAIL);
  await page.fill('#falt-password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/parter$/);
  expect(await page.locator('caption').first().innerText()).toBe('16 aktiva parter');
  violations.push(...(await axeViolations(page)));

  await page.fill('#part-falt-id', 'Ny Part');
  await page.fill('#part-falt-name', '');
  await page.click('button:has-text("Lägg till parten")');
  await page.waitForSelector('.error-summary');
  expect(await page.locator('#part-falt-id-fel').innerText()).toContain('Små bokstäver');
  expect(await page.locator('#part-falt-name').getAttribute('aria-invalid')).toBe('true');
  violations.push(...(await axeViolations(page)));

  await page.fill('#part-falt-id', 'grangesberg');
  await page.fill('#part-falt-name', 'Grängesberg');
  await page.check('#part-falt-kind-other');
  await page.fill('#part-falt-population-count', '3500');
  await page.fill('#part-falt-population-year', '2024');
  await page.click('button:has-text("Lägg till parten")');
  await page.waitForURL(/\/parter\?klart=tillagd-grangesberg$/);
  expect(await page.locator('.notice').innerText()).toBe('Parten Grängesberg är tillagd.');
  // Thousands are grouped with a no-break space, as Swedish writes them.
  expect(await page.locator('tr:has-text("Grängesberg")').innerText()).toContain('3\u00a0500 (2024)');

  await page.click('a:has-text("Ändra Grängesberg")');
  await page.fill('#part-falt-name', 'Grängesbergs samverkan');
  await page.click('button:has-text("Spara ändringen")');
  await page.waitForURL(/klart=sparad-grangesberg$/);
  violations.push(...(await axeViolations(page)));

  await page.fill('#grupp-falt-id', 'norra');
  await page.fill('#grupp-falt-name', 'Norra gruppen (värdkommun Mora)');
  for (const party of ['mora', 'orsa', 'alvdalen']) await page.check(`#grupp-part-${party}`);
  await page.click('button:has-text("Lägg till gruppen")');
  await page.waitForURL(/klart=grupp-norra$/);
  expect(await page.locator('.groups').innerText()).toContain('Norra gruppen (värdkommun Mora) (norra, 3 parter): Mora, Orsa, Älvdalen');
  await screenshotIfAsked(page, 'register');

  await page.click('button:has-text("Avsluta Grängesbergs samverkan")');
  await page.waitForURL(/klart=avslutad-grangesberg$/);
  expect(await page.locator('h2:has-text("Avslutade parter") + ul').innerText()).toContain('Grängesbergs samverkan');
  violations.push(...(await axeViolations(page)));

  await page.click('button:has-text("Dra in länkar till Mora")');
  await page.waitForURL(/klart=indragna-mora$/);
  expect(await page.locator('.notice').innerText()).toBe('Alla länkar till Mora är indragna. Nya länkar skickas med nästa påminnelse.');

  const created = await api.request('POST', '/api/cases', { title: 'Väntar på Säter', parties: ['sater'], networkDecision: { date: '2024-05-16' } });
  expect(created.status).toBe(201);
  await page.click('button:has-text("Avsluta Säter")');
  await page.waitForSelector('.notice');
  expect(await page.locator('.notice').innerText()).toContain('Väntar på Säter');
  expect(await page.locator('tbody').innerText()).toContain('Säter');
  violations.push(...(await axeViolations(page)));
});

it('pages a matrix of 66 parties by 20 columns, keeps the case column in view, and filters by group', async () => {
  for (let index = 1; index <= 50; index++) {
    const id = `kommun-${String(index).padStart(2, '0')}`;
    expect((await api.request('PUT', `/api/parties/${id}`, { name: `Kommun ${String(index).padStart(2, '0')}`, kind: 'municipality' })).status).toBe(201);
  }
  const started = await api.request('POST', '/api/cases', { title: 'Ett ärende för hela registret', networkDecision: { date: '2024-05-16' } });
  expect(started.body.parties).toHaveLength(66);

  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto(`${api.url}/matris`);
  expect(await page.locator('.column-pages p').innerText()).toBe('Visar parterna 1–20 av 66.');
  expect(await page.locator('table.matrix thead th').count()).toBe(23);
  violations.push(...(await axeViolations(page)));

  await page.click('.column-pages a:has-text("61–66")');
  await page.waitForURL(/kolumner=4/);
  // Swedish order puts "Kommun 01–50" between Hedemora and Leksand: the last page holds the end of the alphabet and the region.
  expect(await page.locator('table.matrix thead th').allInnerTexts()).toEqual(['Ärende', 'Skede', 'Sista svarsdag', 'Rättvik', 'Smedjebacken', 'Säter', 'Vansbro', 'Älvdalen', 'Region Dalarna']);

  await page.goto(`${api.url}/matris`);
  const region = page.locator('.table-scroll[role=region]');
  await region.evaluate((element) => element.scrollBy({ left: 2000 }));
  const caseCell = page.locator('table.matrix tbody th[scope=row]').first();
  const regionBox = (await region.boundingBox())!;
  const cellBox = (await caseCell.boundingBox())!;
  // Scrolled far right, the case's title is still at the left edge of the table's region.
  expect(Math.abs(cellBox.x - regionBox.x)).toBeLessThan(2);

  await page.selectOption('#falt-grupp', 'norra');
  await page.click('button:has-text("Filtrera")');
  await page.waitForURL(/grupp=norra/);
  expect(await page.locator('table.matrix thead th').allInnerTexts()).toEqual(['Ärende', 'Skede', 'Sista svarsdag', 'Mora', 'Orsa', 'Älvdalen']);
  expect(await page.locator('.column-pages').count()).toBe(0);
  violations.push(...(await axeViolations(page)));
});

it("shows a financed case's cost shares on its page, accessible", async () => {
  const created = await api.request('POST', '/api/cases', {
    title: 'MiniMaria, södra Dalarna',
    parties: ['falun', 'borlange', 'smedjebacken'],
    networkDecision: { date: '2024-05-16' },
    financing: { amount: 1_200_000, period: 'year', key: 'population' },
  });
  await page.goto(`${api.url}/arenden/${created.body.id}`);
  expect(await page.locator('table[aria-labelledby="kostnader-rubrik"] tbody th').allInnerTexts()).toEqual(['Borlänge', 'Falun', 'Smedjebacken']);
  violations.push(...(await axeViolations(page)));
  await screenshotIfAsked(page, 'cost-shares');
});

afterAll(() => {
  expect(violations).toEqual([]);
});
