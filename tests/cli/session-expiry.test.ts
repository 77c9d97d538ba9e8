import { setTimeout as sleep } from 'node:timers/promises';
import { hashPassword } from '../../apps/api/web/password';
import { CoordinatorRepository } from '../../libs/persistence';
import { signInByForm } from '../support/sign-in';
import { startTestApi, type TestApi } from '../support/test-stack';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ withWorker: false, sessionIdleMinutes: 0.05 });
});

afterAll(() => api.close());

it('ends a session that lies idle longer than the limit, and keeps one in use', async () => {
  const email = `idle-${Date.now()}@rss-dalarna.example`;
  await new CoordinatorRepository(api.dataSource).upsert(email, 'Idle', await hashPassword('ett långt lösenord'));
  const { sessionCookie: session } = await signInByForm(api.url, email, 'ett långt lösenord');
  const overview = () => fetch(`${api.url}/oversikt`, { redirect: 'manual', headers: { cookie: session! } });

  // Used every second, the 3-second session stays alive past its first 3 seconds.
  for (let second = 0; second < 5; second++) {
    expect((await overview()).status).toBe(200);
    await sleep(1000);
  }
  await sleep(4000);
  const expired = await overview();
  expect(expired.status).toBe(303);
  expect(expired.headers.get('location')).toBe('/logga-in?tillbaka=%2Foversikt');
});
