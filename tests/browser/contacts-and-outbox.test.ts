import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../apps/api/web/password';
import { Mailer } from '../../libs/mail/mailer';
import { reminderEmail } from '../../libs/mail/reminder-email';
import { startOutbox, type RunningOutbox } from '../../libs/mail/outbox-server';
import { CoordinatorRepository } from '../../libs/persistence';
import { axeViolations, launchChromium } from '../support/browser';
import { createFreshDatabase } from '../support/fresh-database';
import { startTestApi, type TestApi } from '../support/test-stack';

/** The contacts page and the outbox in Chromium, with axe on every state of them. */
const EMAIL = `kontakter-${Date.now()}@rss-dalarna.example`;
const PASSWORD = 'ett långt lösenord för test';

let api: TestApi;
let outbox: RunningOutbox;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('contacts_browser'), withWorker: false });
  await new CoordinatorRepository(api.dataSource).upsert(EMAIL, 'Karin Samordnare', await hashPassword(PASSWORD));
  outbox = await startOutbox({ smtpPort: 0, httpPort: 0 });
  browser = await launchChromium();
  context = await browser.newContext({ bypassCSP: true, locale: 'sv-SE' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await outbox?.stop();
  await api?.close();
});

it("lets the coordinator keep a party's addresses, errors by the field, without JavaScript", async () => {
  await page.goto(`${api.url}/kontakter`);
  await page.fill('#falt-email', EMAIL);
  await page.fill('#falt-password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/kontakter$/);
  expect(await page.locator('h1').innerText()).toBe('Kontakter');
  violations.push(...(await axeViolations(page)));

  // Two parties on the one form; one address wrong: the error by its field, what was written kept for both.
  await page.fill('#falt-hedemora-emails', 'registrator@hedemora.example.se\nfel@');
  await page.fill('#falt-sater-emails', 'registrator@sater.example.se');
  await page.click('button:has-text("Spara kontakterna")');
  await page.waitForSelector('#falt-hedemora-emails-fel');
  expect(await page.locator('#falt-hedemora-emails-fel').innerText()).toContain('fel@');
  expect(await page.locator('#falt-hedemora-emails').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('#falt-sater-emails').inputValue()).toBe('registrator@sater.example.se');
  violations.push(...(await axeViolations(page)));

  await page.fill('#falt-hedemora-emails', 'registrator@hedemora.example.se\nsocialchef@hedemora.example.se');
  await page.fill('#falt-hedemora-escalationEmail', 'kommundirektor@hedemora.example.se');
  await page.selectOption('#falt-hedemora-escalationRole', 'kommundirektor');
  await page.click('button:has-text("Spara kontakterna")');
  await page.waitForSelector('.notice[role=status]');
  expect(await page.locator('.notice').innerText()).toContain('Kontakterna är sparade. Ändrade: Hedemora och Säter.');
  expect(await page.locator('#falt-hedemora-emails').inputValue()).toBe('registrator@hedemora.example.se\nsocialchef@hedemora.example.se');
  expect(await page.locator('#falt-hedemora-escalationEmail').inputValue()).toBe('kommundirektor@hedemora.example.se');
  expect(await page.locator('#falt-hedemora-escalationRole').inputValue()).toBe('kommundirektor');
  expect(await page.locator('#falt-sater-emails').inputValue()).toBe('registrator@sater.example.se');
  violations.push(...(await axeViolations(page)));
});

it('shows caught e-mail in the outbox, accessible and under its own strict policy', async () => {
  const mailer = new Mailer(outbox.smtpUrl, 'RSS Dalarna <noreply@example.se>');
  const link = `${api.url}/svar/00000000-0000-4000-8000-000000000000/hedemora/1.abc`;
  const reminder = reminderEmail({
    request: { kind: 'before', title: 'Regional överenskommelse om Kvinnofrid', reference: 'HSN 2024/1905' },
    party: 'hedemora',
    partyName: 'Hedemora',
    organisation: 'RSS Dalarna',
    deadline: '2024-12-10',
    link,
  });
  await mailer.send({ to: 'registrator@hedemora.example.se', ...reminder });
  mailer.close();

  await page.goto(`${outbox.httpUrl}/`);
  expect(await page.locator('h1').innerText()).toBe('Utkorg');
  expect(await page.locator(`a[href="${link}"]`).count()).toBe(1);
  violations.push(...(await axeViolations(page)));

  const strict = await browser.newContext({ locale: 'sv-SE' });
  const strictPage = await strict.newPage();
  const blocked: string[] = [];
  strictPage.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await strictPage.goto(`${outbox.httpUrl}/`);
  expect(await strictPage.locator('ol.messages > li').evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe('solid');
  expect(blocked).toEqual([]);
  await strict.close();
});

it('passed axe on every page visited', () => {
  expect(violations).toEqual([]);
});
