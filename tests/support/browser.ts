import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.OVERENS_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless. Missing, the tests fail with how to get it: never skipped. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium was not found at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set OVERENS_CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe with the WCAG 2.1 A and AA rules on the page as it is now. axe is injected as a
 * script, which our pages' CSP forbids: the page's context must be made with bypassCSP.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations.map(
    (violation) => `${page.url()}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** With OVERENS_SCREENSHOTS=1, the page as it is now, for the README (docs/screenshots/<name>.png). */
export async function screenshotIfAsked(page: Page, name: string): Promise<void> {
  if (process.env.OVERENS_SCREENSHOTS !== '1') return;
  const folder = resolve(__dirname, '..', '..', 'docs', 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}

/** A coordinator account, signed in through the sign-in page in a new context of its own (no script on our pages; axe needs bypassCSP). */
export async function signedInCoordinator(browser: Browser, baseUrl: string, account: { email: string; password: string }, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, locale: 'sv-SE', ...options });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/logga-in`);
  await page.fill('#falt-email', account.email);
  await page.fill('#falt-password', account.password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/oversikt$/);
  return page;
}
