import { axeViolations, launchChromium } from '../support/browser';

/** The accessibility check itself must be able to fail, or its silence proves nothing. */
it('reports violations on a page that has them', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<html><body><img src="data:,"><input type="text"><a href="#"></a></body></html>');
    const found = await axeViolations(page);
    expect(found.join('\n')).toMatch(/html-has-lang/);
    expect(found.join('\n')).toMatch(/image-alt/);
    expect(found.join('\n')).toMatch(/label/);
  } finally {
    await browser.close();
  }
});
