import { recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';

/** The pages take a form's key by the JSON API's rule: malformed is a 400 that changes nothing; none gets a fresh one. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
});

async function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

it("refuses a party's form with a malformed key as the API does, and records one without a key", async () => {
  const recommended = await recommendedCase(api, { parties: ['mora', 'orsa'] });
  const link = (await api.request('GET', `/api/cases/${recommended.id}/parties/mora/link`)).body.url as string;
  const answer = { outcome: 'adopted', date: '2024-09-12', body: 'Kommunfullmäktige' };

  const malformed = await postForm(link, { ...answer, requestId: 'två ord' });
  expect(malformed.status).toBe(400);
  expect(await malformed.text()).toContain('Idempotency-Key');
  const api400 = await api.request('POST', `/api/cases/${recommended.id}/decisions`, { party: 'mora', ...answer }, { 'idempotency-key': 'två ord' });
  expect(api400.status).toBe(400);
  expect((await api.request('GET', `/api/cases/${recommended.id}`)).body.parties.find((p: { party: string }) => p.party === 'mora').status).toBe('pending');

  const keyless = await postForm(link, answer);
  expect(keyless.status).toBe(303);
  expect((await api.request('GET', `/api/cases/${recommended.id}`)).body.parties.find((p: { party: string }) => p.party === 'mora').status).toBe('adopted');
});
