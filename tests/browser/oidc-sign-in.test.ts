import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../libs/embedded/free-port';
import { axeViolations, launchChromium } from '../support/browser';
import { recommendedCase } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { startOidcProvider, type RunningProvider } from '../support/oidc-test-provider';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * Sign-in through the organisation's identity provider, in Chromium, against a real
 * OpenID Connect provider started for the test (oidc-provider on a free port): a
 * coordinator by the role claim and one by the coordinators' list; a party's user to its
 * own overview and not another party's; an ID token for another audience and an expired
 * one refused; a user with no role refused. axe on our pages.
 */
const CLIENT = { id: 'overens', secret: 'test-client-secret-of-the-overens-tests' };

let api: TestApi;
let provider: RunningProvider;
let browser: Browser;
const violations: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  provider = await startOidcProvider(
    { ...CLIENT, redirectUri: `http://127.0.0.1:${port}/logga-in/oidc/svar` },
    {
      'karin.samordnare': { email: 'karin.samordnare@rss.example.se', name: 'Karin Samordnare', overens_role: 'coordinator' },
      'lista.samordnare': { email: 'lista.samordnare@rss.example.se', name: 'Lisa Lista' },
      'mora.registrator': { email: 'registrator@mora.example.se', name: 'Maja Registrator', overens_role: 'party:mora' },
      'fel.publik': { email: 'fel.publik@rss.example.se', name: 'Fel Publik', overens_role: 'coordinator', tamper: 'audience' },
      'utgangen': { email: 'utgangen@rss.example.se', name: 'Ut Gången', overens_role: 'coordinator', tamper: 'expired' },
      'okand': { email: 'okand@example.se', name: 'Okänd Person' },
    },
  );
  api = await startTestApi({
    port,
    databaseUrl: await createFreshDatabase('oidc_browser'),
    oidc: { issuer: provider.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, name: 'Region Dalarnas konto' },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await provider?.stop();
});

/** A fresh browser that signs in at the provider as `login`, from our sign-in page; where it lands. */
async function signInAs(login: string): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, locale: 'sv-SE' });
  // The provider's development pages ask for a web font; these machines reach no such site.
  await context.route(/fonts\.googleapis\.com/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${api.url}/logga-in`);
  violations.push(...(await axeViolations(page)));
  await page.click('a.button:has-text("Logga in med Region Dalarnas konto")');
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'vilket lösenord som helst');
  await page.click('button[type=submit]');
  // The provider asks once for consent to share the claims, then sends the browser back.
  for (let waited = 0; waited < 200 && !page.url().startsWith(api.url); waited++) {
    if (await page.locator('input[name=prompt][value=consent]').count()) await page.click('button[type=submit]');
    else await page.waitForTimeout(50);
  }
  await page.waitForURL((url) => url.href.startsWith(api.url));
  return page;
}

it('signs a coordinator in by the role claim, with the name the provider gives', async () => {
  const page = await signInAs('karin.samordnare');
  expect(new URL(page.url()).pathname).toBe('/oversikt');
  expect(await page.locator('header').innerText()).toContain('Logga ut Karin Samordnare');
  violations.push(...(await axeViolations(page)));
  expect(api.securityEvents.some((event) => event.security === 'signed-in' && event.via === 'oidc' && event.subject === 'karin.samordnare')).toBe(true);
});

it("signs a coordinator in by the coordinators' list when the provider names no role", async () => {
  await api.dataSource.query(`INSERT INTO coordinators (email, name, password_hash) VALUES ($1, $2, '!') ON CONFLICT DO NOTHING`, ['lista.samordnare@rss.example.se', 'Lisa Lista']);
  const page = await signInAs('lista.samordnare');
  expect(new URL(page.url()).pathname).toBe('/oversikt');
});

it("sends a party's user to its own overview, which lists its cases, and refuses another party's", async () => {
  await recommendedCase(api, { title: 'Överenskommelse om hjälpmedel', parties: ['mora', 'orsa'], deadline: '2099-06-30' });
  const page = await signInAs('mora.registrator');
  expect(new URL(page.url()).pathname).toMatch(/^\/part\/mora\//);
  expect(await page.locator('h1').innerText()).toBe('Det här väntar på svar från Mora');
  expect(await page.locator('li.party-case h2').allInnerTexts()).toContain('Överenskommelse om hjälpmedel');
  violations.push(...(await axeViolations(page)));
  // Mora's signature does not open Orsa's overview.
  const signature = new URL(page.url()).pathname.split('/')[3];
  const refused = await page.goto(`${api.url}/part/orsa/${signature}`);
  expect(refused?.status()).toBe(403);
  // Nor is the user a coordinator.
  await page.goto(`${api.url}/oversikt`);
  expect(new URL(page.url()).pathname).toBe('/logga-in');
});

it('refuses an ID token for another audience and an expired one, saying so in Swedish, and logs why', async () => {
  for (const login of ['fel.publik', 'utgangen']) {
    const page = await signInAs(login);
    expect(page.url()).toContain('/logga-in/oidc/svar');
    expect(await page.locator('main').innerText()).toContain('Inloggningen godtogs inte');
    violations.push(...(await axeViolations(page)));
    await page.goto(`${api.url}/oversikt`);
    expect(new URL(page.url()).pathname).toBe('/logga-in');
  }
  const refusals = api.securityEvents.filter((event) => event.security === 'sign-in-refused' && event.reason === 'oidc-token-refused').map((event) => String(event.detail));
  expect(refusals).toHaveLength(2);
  expect(refusals[0]).toMatch(/aud/);
  expect(refusals[1]).toMatch(/exp/);
});

it('refuses a user the provider knows but Överens does not, and a return without a started sign-in', async () => {
  const page = await signInAs('okand');
  expect(await page.locator('main').innerText()).toContain('Ditt konto är inte kopplat till Överens. Be RSS Dalarna om behörighet.');
  violations.push(...(await axeViolations(page)));
  const forged = await fetch(`${api.url}/logga-in/oidc/svar?code=abc&state=xyz`, { redirect: 'manual' });
  expect(forged.status).toBe(403);
});

afterAll(() => {
  expect(violations).toEqual([]);
});
