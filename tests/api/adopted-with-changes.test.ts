import { hashPassword } from '../../apps/api/web/password';
import { CoordinatorRepository } from '../../libs/persistence';
import { decision, recommendedCase } from '../support/case-requests';
import { signInByForm } from '../support/sign-in';
import { startTestApi, type TestApi } from '../support/test-stack';

/** A party adopts with a reservation; the rule of identical decisions sends it to the coordinator, who judges it. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api?.close());

it('holds the case until the coordinator judges a decision adopted with changes: identical counts as adopted, a rejection as a rejection', async () => {
  const recommended = await recommendedCase(api, { parties: ['falun', 'mora'] });
  expect(recommended.process).toEqual({ id: 'regional-agreement', version: 4 });
  const path = `/api/cases/${recommended.id}`;

  const undescribed = await api.request('POST', `${path}/decisions`, decision('mora', 'adopted-with-changes'));
  expect(undescribed.status).toBe(400);
  expect(undescribed.body.message).toContain('Beskriv i meddelandet vad som skiljer');
  const withChanges = await api.request('POST', `${path}/decisions`, decision('mora', 'adopted-with-changes', { note: 'Med reservation om kostnadsfördelningen.' }));
  expect(withChanges.status).toBe(200);
  const adopted = await api.request('POST', `${path}/decisions`, decision('falun'));
  expect(adopted.body).toMatchObject({ stage: 'decisions', waitingOn: ['mora'], overdue: false });
  expect(adopted.body.availableSteps).toEqual(expect.arrayContaining([{ step: 'judgement.identical', parties: ['mora'] }, { step: 'judgement.rejection', parties: ['mora'] }]));

  // Only a decision adopted with changes is judged.
  expect((await api.request('POST', `${path}/parties/falun/judgement`, { outcome: 'identical', date: '2024-09-20' })).status).toBe(409);

  // The case page says what is to be judged and offers the form.
  const email = `bedomning-${Date.now()}@rss-dalarna.example`;
  await new CoordinatorRepository(api.dataSource).upsert(email, 'Karin Samordnare', await hashPassword('ett långt lösenord för test'));
  const cookie = (await signInByForm(api.url, email, 'ett långt lösenord för test')).sessionCookie!;
  const page = await (await fetch(`${api.url}/arenden/${recommended.id}`, { headers: { cookie } })).text();
  expect(page).toContain('<dt>Att bedöma</dt><dd>Mora antog med ändringar');
  expect(page).toContain('id="judgement-rubrik">Bedöm ett beslut med ändringar</h3>');
  expect(page).toContain('Antaget med ändringar');

  const judged = await api.request('POST', `${path}/parties/mora/judgement`, { outcome: 'identical', date: '2024-09-20', note: 'Reservationen ändrar inte beslutet.' });
  expect(judged.status).toBe(200);
  expect(judged.body.stage).toBe('in-force');
  expect(judged.body.parties.find((answer: { party: string }) => answer.party === 'mora')).toMatchObject({
    status: 'adopted',
    note: 'Med reservation om kostnadsfördelningen.',
  });
  expect(judged.body.history.at(-1)).toMatchObject({ type: 'judgement.identical', party: 'mora', date: '2024-09-20', actor: 'coordinator' });

  const other = await recommendedCase(api, { parties: ['falun', 'mora'] });
  await api.request('POST', `/api/cases/${other.id}/decisions`, decision('mora', 'adopted-with-changes', { note: 'Annan lydelse i punkt 3.' }));
  const rejection = await api.request('POST', `/api/cases/${other.id}/parties/mora/judgement`, { outcome: 'rejection', date: '2024-09-20' });
  expect(rejection.body.stage).toBe('network');
  expect(rejection.body.parties.find((answer: { party: string }) => answer.party === 'mora').status).toBe('rejected');
});

it("refuses a judgement from a party's own link: it is the coordinator's", async () => {
  const recommended = await recommendedCase(api, { parties: ['mora'] });
  await api.request('POST', `/api/cases/${recommended.id}/decisions`, decision('mora', 'adopted-with-changes', { note: 'Med reservation.' }));
  const link = (await api.request('GET', `/api/cases/${recommended.id}/parties/mora/link`)).body.url as string;
  const [, , , , signature] = new URL(link).pathname.split('/');
  const response = await fetch(`${api.url}/api/cases/${recommended.id}/parties/mora/judgement`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer v1.${recommended.id}.mora.${signature}` },
    body: JSON.stringify({ outcome: 'identical', date: '2024-09-20' }),
  });
  expect(response.status).toBe(403);
});
