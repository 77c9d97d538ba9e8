import { startTestApi, type TestApi } from '../support/test-stack';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ withWorker: false });
});

afterAll(() => api.close());

it('sends the security headers on pages and JSON alike, and no referrer', async () => {
  for (const path of ['/', '/api/parties', '/logga-in', '/no-such-page']) {
    const response = await fetch(`${api.url}${path}`);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  }
  expect((await fetch(`${api.url}/logga-in`)).headers.get('cache-control')).toBe('no-store');
});

it('answers a storm of sign-in attempts from one address with 429', async () => {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 22; attempt++) {
    const response = await fetch(`${api.url}/logga-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=nobody%40example.se&password=x',
    });
    statuses.push(response.status);
  }
  expect(statuses.slice(0, 20).every((status) => status === 403)).toBe(true);
  expect(statuses.slice(20)).toEqual([429, 429]);
});

it('answers a form that is too large with 413, not 500', async () => {
  // Not the sign-in form, whose limit the test above used up.
  const response = await fetch(`${api.url}/arenden/nytt`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `title=${'x'.repeat(200_000)}`,
  });
  expect(response.status).toBe(413);
});

it("throttles one address's requests to the parties' pages", async () => {
  const throttled = await startTestApi({ withWorker: false, partyPageLimitPerMinute: 3 });
  try {
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await fetch(`${throttled.url}/svar/00000000-0000-4000-8000-000000000000/mora/1.x`)).status);
    }
    expect(statuses).toEqual([403, 403, 403, 429]);
  } finally {
    await throttled.close();
  }
});

it("behind a trusted proxy, throttles each client by its forwarded address, and believes no forwarding otherwise", async () => {
  const page = '/svar/00000000-0000-4000-8000-000000000000/mora/1.x';
  const statuses = async (url: string, clients: string[]) => {
    const seen = [];
    for (const client of clients) seen.push((await fetch(`${url}${page}`, { headers: { 'x-forwarded-for': client } })).status);
    return seen;
  };
  const behindProxy = await startTestApi({ withWorker: false, partyPageLimitPerMinute: 2, trustProxy: 'loopback' });
  const direct = await startTestApi({ withWorker: false, partyPageLimitPerMinute: 2 });
  try {
    // Two clients through the proxy: each has its own two requests.
    expect(await statuses(behindProxy.url, ['198.51.100.7', '198.51.100.7', '203.0.113.9', '203.0.113.9', '198.51.100.7'])).toEqual([403, 403, 403, 403, 429]);
    // Without a trusted proxy the header is anybody's to write: one address, one budget.
    expect(await statuses(direct.url, ['198.51.100.7', '203.0.113.9', '192.0.2.1'])).toEqual([403, 403, 429]);
  } finally {
    await behindProxy.close();
    await direct.close();
  }
});

it('answers an unknown page with a Swedish page and an unknown API path with the JSON error', async () => {
  const page = await fetch(`${api.url}/no-such-page`);
  expect(page.status).toBe(404);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toContain('<h1>Sidan finns inte</h1>');
  const json = await fetch(`${api.url}/api/no-such-thing`);
  expect(json.status).toBe(404);
  expect(await json.json()).toEqual({ error: 'not-found', message: 'Sidan eller resursen finns inte.' });
  const signedOut = await fetch(`${api.url}/matris`, { redirect: 'manual' });
  expect(signedOut.status).toBe(303);
  expect(signedOut.headers.get('location')).toBe('/logga-in?tillbaka=%2Fmatris');
});
