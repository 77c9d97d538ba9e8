import { calendarDate } from '../../libs/domain';
import { CoordinatorRepository } from '../../libs/persistence';
import { hashPassword } from '../../apps/api/web/password';
import { decision, recommendedCase } from '../support/case-requests';
import { signInByForm } from '../support/sign-in';
import { createFreshDatabase } from '../support/fresh-database';
import { startTestApi, type TestApi } from '../support/test-stack';

/** The forecast on GET /api/cases/{id}, from a party's own decided cases. A database of its own: history is global. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('forecast') });
});

afterAll(() => api?.close());

it("expects Mora by its usual time, Falun by its meeting and Orsa by the deadline, and the case by the last of them", async () => {
  // Mora's history: it decided 30 and 50 days after the recommendation (recommended 2024-06-13).
  for (const date of ['2024-07-13', '2024-08-02']) {
    const earlier = await recommendedCase(api, { parties: ['mora'] });
    expect((await api.request('POST', `/api/cases/${earlier.id}/decisions`, decision('mora', 'adopted', { date }))).body.stage).toBe('in-force');
  }
  const open = await recommendedCase(api, { parties: ['falun', 'mora', 'orsa'], deadline: '2099-12-31' });
  await api.request('POST', `/api/cases/${open.id}/decisions`, decision('falun', 'scheduled', { date: '2099-03-20' }));

  const { body } = await api.request('GET', `/api/cases/${open.id}`);
  // The API's today is Stockholm's, a day ahead of UTC's just after midnight.
  const today = calendarDate(new Date(), 'Europe/Stockholm');
  expect(body.forecast.parties).toEqual([
    { party: 'falun', expected: '2099-03-20', basis: 'scheduled' },
    // Asked on 2024-06-13, usually 40 days: long past, so expected today at the earliest.
    { party: 'mora', expected: expect.stringMatching(new RegExp(`^${today.slice(0, 7)}`)), basis: 'history' },
    { party: 'orsa', expected: '2099-12-31', basis: 'deadline' },
  ]);
  expect(body.forecast.inForceBy).toBe('2099-12-31');
  const pastDeadline = (await api.request('GET', `/api/cases/${(await recommendedCase(api, { parties: ['orsa'] })).id}`)).body;
  expect(pastDeadline.forecast.parties).toEqual([{ party: 'orsa', expected: '2024-12-31' < today ? today : '2024-12-31', basis: 'deadline' }]);
  expect((await api.request('GET', '/api/cases?limit=1')).body.items[0].forecast).toBeUndefined();

  // The overview and the status report say the same of the case, in Swedish.
  const email = 'prognos@rss-dalarna.example';
  await new CoordinatorRepository(api.dataSource).upsert(email, 'Karin Samordnare', await hashPassword('ett långt lösenord för test'));
  const cookie = (await signInByForm(api.url, email, 'ett långt lösenord för test')).sessionCookie!;
  for (const page of ['/oversikt', '/rapport']) {
    const text = await (await fetch(`${api.url}${page}`, { headers: { cookie } })).text();
    expect([page, text]).toEqual([page, expect.stringMatching(new RegExp(`href="/arenden/${open.id}"[\\s\\S]*?<td>31 december 2099</td>\\s*</tr>`))]);
  }
});
