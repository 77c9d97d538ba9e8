import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../apps/api/web/password';
import { CoordinatorRepository } from '../../libs/persistence';
import { decision } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { messagesTo, remindersTo } from '../support/outbox';
import { SEED_PARTY_IDS } from '../support/seed-register';
import { signInByForm } from '../support/sign-in';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * Another county end to end: its own register put in through the API in place of the seed,
 * its own names for the bodies, and a case through council and decisions. Nothing of
 * Dalarna may show.
 */
const MUNICIPALITIES = [
  ['aby', 'Åby', 4_100],
  ['bergsjo', 'Bergsjö', 12_300],
  ['dalsby', 'Dalsby', 8_050],
  ['ekeby', 'Ekeby', 31_200],
  ['fjallvik', 'Fjällvik', 2_900],
  ['granby', 'Granby', 15_700],
  ['hamnstad', 'Hamnstad', 54_000],
  ['lidhult', 'Lidhult', 6_400],
  ['norrbyn', 'Norrbyn', 9_900],
  ['oxelby', 'Öxelby', 7_300],
] as const;
const REGION = { id: 'region-nord', name: 'Region Nord', population: MUNICIPALITIES.reduce((sum, [, , count]) => sum + count, 0) };
const COAST = ['hamnstad', 'bergsjo', 'norrbyn', 'oxelby'];
const run = randomUUID().slice(0, 8);
const address = (party: string) => `registrator.${party}.${run}@example.se`;
const COORDINATOR = `samordnare.${run}@example.se`;
const PASSWORD = 'ett långt lösenord för test i Nord';

let api: TestApi;
let cookie: string;

beforeAll(async () => {
  api = await startTestApi({
    databaseUrl: await createFreshDatabase('nord'),
    bodyNames: {
      OVERENS_ORGANISATION_NAME: 'Samverkan Nord',
      OVERENS_NETWORK_NAME: 'Socialchefsnätverket',
      OVERENS_NETWORK_SHORT_NAME: 'none',
      OVERENS_COUNCIL_NAME: 'Politiska samrådet',
    },
  });
  await new CoordinatorRepository(api.dataSource).upsert(COORDINATOR, 'Nils Samordnare', await hashPassword(PASSWORD));
  cookie = (await signInByForm(api.url, COORDINATOR, PASSWORD)).sessionCookie!;
});

afterAll(() => api?.close());

async function page(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${api.url}${path}`, { headers: { cookie } });
  return { status: response.status, text: await response.text() };
}

function expectNothingOfDalarna(text: string): void {
  for (const word of ['Dalarna', 'Välfärdsråd', 'Länschefsnätverk', 'LCHNV', 'Avesta', 'Falun', 'Mora']) expect(text).not.toContain(word);
}

let recommendedId: string;
let waitingId: string;

it('replaces the seed register with its own through the API', async () => {
  for (const id of SEED_PARTY_IDS) expect((await api.request('DELETE', `/api/parties/${id}`)).status).toBe(204);
  for (const [id, name, count] of MUNICIPALITIES) {
    expect((await api.request('PUT', `/api/parties/${id}`, { name, kind: 'municipality', usualBody: 'Socialnämnden', population: { count, year: 2024 } })).status).toBe(201);
  }
  expect((await api.request('PUT', `/api/parties/${REGION.id}`, { name: REGION.name, kind: 'region', population: { count: REGION.population, year: 2024 } })).status).toBe(201);
  expect((await api.request('PUT', '/api/groups/kusten', { name: 'Kustgruppen (värdkommun Hamnstad)', parties: COAST })).status).toBe(201);
  for (const id of COAST) expect((await api.request('PUT', `/api/contacts/${id}`, { emails: [address(id)] })).status).toBe(200);

  const parties = (await api.request('GET', '/api/parties')).body;
  // Swedish order: Å, Ä, Ö after Z; the region after the municipalities.
  expect(parties.map((party: { id: string }) => party.id)).toEqual([
    'bergsjo', 'dalsby', 'ekeby', 'fjallvik', 'granby', 'hamnstad', 'lidhult', 'norrbyn', 'aby', 'oxelby', 'region-nord',
  ]);
  // The seed's group lost its members with them; the county's own group is there.
  const groups = (await api.request('GET', '/api/groups')).body;
  expect(groups.find((group: { id: string }) => group.id === 'kusten').parties).toEqual(['bergsjo', 'hamnstad', 'norrbyn', 'oxelby']);
});

it('runs a case of its group through the council and the decisions into force, reminding its parties in its own name', async () => {
  const created = await api.request('POST', '/api/cases', { title: 'Överenskommelse om ungdomsmottagning', group: 'kusten', deadline: '2025-03-31', networkDecision: { date: '2024-10-01' } });
  expect(created.status).toBe(201);
  expect(created.body.waitingOn).toEqual(['valfardsradet']);
  expect(created.body.parties.map((answer: { name: string }) => answer.name)).toEqual(['Bergsjö', 'Hamnstad', 'Norrbyn', 'Öxelby']);
  recommendedId = created.body.id;
  const recommended = await api.request('POST', `/api/cases/${recommendedId}/council`, { outcome: 'recommend', date: '2024-10-15' });
  expect(recommended.body.waitingOn).toEqual(['bergsjo', 'hamnstad', 'norrbyn', 'oxelby']);

  expect((await api.request('POST', `/api/cases/${recommendedId}/reminders`, {})).status).toBe(200);
  let mail: Awaited<ReturnType<typeof messagesTo>> = [];
  for (let attempt = 0; attempt < 50 && mail.length < COAST.length; attempt++) {
    mail = await remindersTo(COAST.map(address));
    if (mail.length < COAST.length) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(mail).toHaveLength(COAST.length);
  const toOxelby = mail.find((message) => message.to.includes(address('oxelby')))!;
  expect(toOxelby.subject).toBe('Påminnelse från Samverkan Nord – Överenskommelse om ungdomsmottagning');
  expect(toOxelby.text).toContain('Samverkan Nord påminner om att vi väntar på beslutet från Öxelby');
  expectNothingOfDalarna(`${toOxelby.subject}\n${toOxelby.text}\n${toOxelby.from}`);
  // The recommendation went out before, in this county's names too.
  const recommendation = (await messagesTo([address('oxelby')])).find((message) => message.subject.startsWith('Rekommendation att besluta'))!;
  expect(recommendation.text).toContain('Politiska samrådet rekommenderade den 15 oktober 2024 länets parter att anta ärendet nedan. Samverkan Nord ber Öxelby att fatta beslut i det.');
  expectNothingOfDalarna(`${recommendation.subject}\n${recommendation.text}\n${recommendation.from}`);

  for (const party of COAST.slice(0, 3)) expect((await api.request('POST', `/api/cases/${recommendedId}/decisions`, decision(party))).status).toBe(200);
  // Renaming a party now changes nothing in the case it is part of.
  await api.request('PUT', '/api/parties/oxelby', { name: 'Öxelby kommun', kind: 'municipality' });
  const last = await api.request('POST', `/api/cases/${recommendedId}/decisions`, decision('oxelby'));
  expect(last.body.stage).toBe('in-force');
  expect(last.body.parties.map((answer: { name: string }) => answer.name)).toEqual(['Bergsjö', 'Hamnstad', 'Norrbyn', 'Öxelby']);
});

it('shows its own parties and bodies on the dashboard, the matrix, the CSV and the case page', async () => {
  const waiting = await api.request('POST', '/api/cases', { title: 'Regional handlingsplan för psykisk hälsa', deadline: '2099-06-30', networkDecision: { date: '2024-11-01' } });
  waitingId = waiting.body.id;
  expect(waiting.body.parties).toHaveLength(11);
  await api.request('POST', `/api/cases/${waitingId}/council`, { outcome: 'recommend', date: '2024-11-20' });

  const dashboard = (await api.request('GET', '/api/dashboard')).body;
  expect(dashboard.byParty.map((row: { party: string }) => row.party)).toHaveLength(11);
  expect(dashboard.byParty.find((row: { party: string }) => row.party === 'aby')).toEqual({ party: 'aby', name: 'Åby', waiting: 1, overdue: 0 });
  expect(dashboard.byParty.find((row: { party: string }) => row.party === 'oxelby').name).toBe('Öxelby kommun');
  expect(dashboard.blocked.map((row: { id: string }) => row.id)).toEqual([waitingId]);

  const matrix = await page('/matris');
  expect(matrix.status).toBe(200);
  for (const name of ['Åby', 'Bergsjö', 'Region Nord', 'Öxelby kommun']) expect(matrix.text).toContain(`<th scope="col">${name}</th>`);
  expectNothingOfDalarna(matrix.text);

  const csv = await page('/matris.csv');
  const [header, ...rows] = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(header.split(';').slice(5)).toEqual(['Bergsjö', 'Dalsby', 'Ekeby', 'Fjällvik', 'Granby', 'Hamnstad', 'Lidhult', 'Norrbyn', 'Åby', 'Öxelby kommun', 'Region Nord']);
  expect(rows).toHaveLength(2);

  const casePage = await page(`/arenden/${recommendedId}`);
  expect(casePage.text).toContain('Politiska samrådet rekommenderade parterna att anta');
  expect(casePage.text).toContain('Socialchefsnätverket godkände förslaget och skickade det till Politiska samrådet');
  expect(casePage.text).toContain('<th scope="row">Öxelby</th>');
  expectNothingOfDalarna(casePage.text);

  const overview = await page('/oversikt');
  expect(overview.text).toContain('Väntar på politiska beslut');
  expectNothingOfDalarna(overview.text);
  const home = await fetch(`${api.url}/`).then((response) => response.text());
  expect(home).toContain('Samverkan Nord');
  expectNothingOfDalarna(home);
});

it('retires a party no open case waits on (204), not one an open case waits on (409)', async () => {
  expect((await api.request('POST', '/api/cases', { title: 'Litet ärende', parties: ['fjallvik'], networkDecision: { date: '2024-11-01' } })).status).toBe(201);
  expect((await api.request('DELETE', '/api/parties/fjallvik')).status).toBe(409);
  await api.request('PUT', '/api/parties/nyort', { name: 'Nyort', kind: 'other' });
  expect((await api.request('DELETE', '/api/parties/nyort')).status).toBe(204);
});
