import { hashPassword } from '../../apps/api/web/password';
import { CoordinatorRepository } from '../../libs/persistence';
import { decision, recommendedCase } from '../support/case-requests';
import { signInByForm } from '../support/sign-in';
import { startTestApi, type TestApi } from '../support/test-stack';

/** Who pays what: a MiniMaria-like agreement financed by population, recomputed when Smedjebacken stands outside. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api?.close());

const SOUTH = ['borlange', 'falun', 'hedemora', 'ludvika', 'smedjebacken', 'sater'];

it('splits the cost by population over the parties still in, and again when one stands outside', async () => {
  const financing = { amount: 2_400_000, period: 'year', key: 'population' };
  const recommended = await recommendedCase(api, { title: 'MiniMaria, södra Dalarna', parties: SOUTH, financing });
  expect(recommended.financing).toEqual(financing);

  const before = await api.request('GET', `/api/cases/${recommended.id}/cost-shares`);
  expect(before.status).toBe(200);
  expect(before.body).toEqual(expect.objectContaining({ key: 'population', populationYear: 2024, amount: 2_400_000, period: 'year' }));
  expect(before.body.shares.map((share: { party: string }) => share.party)).toEqual(SOUTH);
  expect(before.body.shares.find((share: { party: string }) => share.party === 'falun')).toEqual(expect.objectContaining({ name: 'Falun' }));
  expect(before.body.shares.reduce((sum: number, share: { amount: number }) => sum + share.amount, 0)).toBe(2_400_000);

  expect((await api.request('POST', `/api/cases/${recommended.id}/decisions`, decision('smedjebacken', 'opted-out'))).status).toBe(200);
  const after = (await api.request('GET', `/api/cases/${recommended.id}/cost-shares`)).body;
  expect(after.shares.map((share: { party: string }) => share.party)).toEqual(SOUTH.filter((party) => party !== 'smedjebacken'));
  expect(after.shares.reduce((sum: number, share: { amount: number }) => sum + share.amount, 0)).toBe(2_400_000);
  const falun = (view: { shares: { party: string; amount: number }[] }) => view.shares.find((share) => share.party === 'falun')!.amount;
  expect(falun(after)).toBeGreaterThan(falun(before.body));

  const email = `kostnader-${Date.now()}@rss-dalarna.example`;
  await new CoordinatorRepository(api.dataSource).upsert(email, 'Karin Samordnare', await hashPassword('ett långt lösenord för test'));
  const cookie = (await signInByForm(api.url, email, 'ett långt lösenord för test')).sessionCookie!;
  const page = await (await fetch(`${api.url}/arenden/${recommended.id}`, { headers: { cookie } })).text();
  expect(page).toContain('<h2 id="kostnader-rubrik">Kostnadsfördelning</h2>');
  expect(page).toContain('2\u00a0400\u00a0000 kr per år, fördelat efter folkmängd (folkmängd 31 december 2024, SCB) på de 5 parter som står kvar.');
  const csv = await (await fetch(`${api.url}/arenden/${recommended.id}/kostnader.csv`, { headers: { cookie } })).text();
  const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(rows[0]).toBe('Part;Andel;Belopp (kr per år)');
  expect(rows.at(-1)).toBe('Summa;1;2400000');
  expect(rows).toHaveLength(1 + 5 + 1);

  // The same from the new-case form, without JavaScript.
  const form = await (await fetch(`${api.url}/arenden/nytt`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1];
  const body = new URLSearchParams([
    ['_csrf', csrf], ['title', 'Hjälpmedelsavtal'], ['networkDecision.date', '2024-05-16'], ['parties', 'mora'], ['parties', 'orsa'],
    ['financing.amount', '500000'], ['financing.period', 'once'], ['financing.key', 'equal'],
  ]);
  const created = await fetch(`${api.url}/arenden/nytt`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
  expect(created.status).toBe(303);
  const caseId = created.headers.get('location')!.split('/').pop()!;
  expect((await api.request('GET', `/api/cases/${caseId}`)).body.financing).toEqual({ amount: 500_000, period: 'once', key: 'equal' });
  expect((await api.request('GET', `/api/cases/${caseId}/cost-shares`)).body.shares.map((share: { amount: number }) => share.amount)).toEqual([250_000, 250_000]);
});

it('refuses weights for parties outside the case, and shares nothing of a case without financing', async () => {
  const refused = await api.request('POST', '/api/cases', {
    title: 'Fel vikter',
    networkDecision: { date: '2024-05-16' },
    parties: ['mora', 'orsa'],
    financing: { amount: 100, period: 'once', key: { mora: 1, falun: 1 } },
  });
  expect(refused.status).toBe(400);
  expect(refused.body.message).toContain('falun');
  const plain = await recommendedCase(api, { parties: ['mora'] });
  expect(await api.request('GET', `/api/cases/${plain.id}/cost-shares`)).toEqual({ status: 200, body: { key: null, populationYear: null, amount: 0, period: null, shares: [] } });
  expect((await api.request('GET', '/api/cases/00000000-0000-4000-8000-000000000000/cost-shares')).status).toBe(404);
  const weighted = await recommendedCase(api, { parties: ['mora', 'orsa'], financing: { amount: 101, period: 'once', key: { mora: 2, orsa: 1 } } });
  expect((await api.request('GET', `/api/cases/${weighted.id}/cost-shares`)).body.shares.map((share: { amount: number }) => share.amount)).toEqual([67, 34]);
});
