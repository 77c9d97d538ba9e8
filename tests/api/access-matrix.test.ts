import { PartyLinkSigner, partyLinkPath } from '../../libs/links/party-link';
import { SEED_PARTY_IDS as PARTY_IDS } from '../support/seed-register';
import { decision, recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';

/** Every party's link, against every other party and another case, on the page and in the API. */
let api: TestApi;

beforeAll(async () => {
  // Hundreds of page requests from one address: above the throttle, which has its own test.
  api = await startTestApi({ partyPageLimitPerMinute: 10_000 });
});

afterAll(() => api.close());

const DAY = 24 * 60 * 60;

it('lets each of the 16 links act only for its own party and case', async () => {
  const first = await recommendedCase(api);
  const second = await recommendedCase(api);
  const signer = new PartyLinkSigner(api.linkSecret);
  const refused: string[] = [];
  const allowed: string[] = [];

  for (const party of PARTY_IDS) {
    const token = signer.sign(first.id, party);
    const signature = token.split('.').slice(3).join('.');
    const own = await fetch(`${api.url}${partyLinkPath(token)}`);
    (own.status === 200 ? allowed : refused).push(`${party} own page: ${own.status}`);
    for (const other of PARTY_IDS.filter((candidate) => candidate !== party)) {
      const page = await fetch(`${api.url}/svar/${first.id}/${other}/${signature}`);
      if (page.status !== 403) allowed.push(`${party}'s link as ${other}: ${page.status}`);
      const call = await fetch(`${api.url}/api/cases/${first.id}/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(decision(other)),
      });
      if (call.status !== 403) allowed.push(`${party}'s token answering for ${other}: ${call.status}`);
    }
    const otherCase = await fetch(`${api.url}/svar/${second.id}/${party}/${signature}`);
    if (otherCase.status !== 403) allowed.push(`${party}'s link on another case: ${otherCase.status}`);
  }
  expect(refused).toEqual([]);
  expect(allowed.filter((line) => !line.includes('own page'))).toEqual([]);
  const untouched = (await api.request('GET', `/api/cases/${first.id}`)).body;
  expect(untouched.waitingOn).toEqual(PARTY_IDS);
});

it('refuses tampered, truncated, expired and foreign-secret tokens', async () => {
  const recommended = await recommendedCase(api, { parties: ['mora'] });
  const signer = new PartyLinkSigner(api.linkSecret);
  const now = Math.floor(Date.now() / 1000);
  const good = signer.sign(recommended.id, 'mora');
  const [, , , expiry, mac] = good.split('.');
  const variants: Record<string, string> = {
    tampered: `/svar/${recommended.id}/mora/${expiry}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
    truncated: `/svar/${recommended.id}/mora/${expiry}.${mac.slice(0, 10)}`,
    'later expiry': `/svar/${recommended.id}/mora/${Number(expiry) + 1}.${mac}`,
    expired: partyLinkPath(signer.sign(recommended.id, 'mora', 0, now - 401 * DAY)),
    'another secret': partyLinkPath(new PartyLinkSigner('some-other-secret-of-at-least-32-chars').sign(recommended.id, 'mora')),
    'no signature': `/svar/${recommended.id}/mora/`,
  };
  for (const [what, path] of Object.entries(variants)) {
    const response = await fetch(`${api.url}${path}`);
    expect({ what, status: response.status }).toEqual({ what, status: what === 'no signature' ? 404 : 403 });
  }
  expect((await fetch(`${api.url}${partyLinkPath(good)}`)).status).toBe(200);
});

it('hands out the same link for a party and case within 30 days, each valid at least 370 days', () => {
  const signer = new PartyLinkSigner('a-secret-of-at-least-thirty-two-characters');
  const start = 1_800_000_000 - (1_800_000_000 % (30 * DAY));
  const at = (seconds: number) => signer.sign('00000000-0000-4000-8000-000000000000', 'mora', 0, seconds);
  expect(at(start + 3600)).toBe(at(start + 29 * DAY));
  expect(at(start + 31 * DAY)).not.toBe(at(start));
  const expiry = Number(at(start + 29 * DAY).split('.')[3]);
  expect(expiry - (start + 29 * DAY)).toBeGreaterThanOrEqual(370 * DAY);
});
