import { createCase, recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';
import { everyBlockedRow } from '../support/dashboard';

/** A step typed in today that was taken in June 2024 has waited since June 2024. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
});

/** Today in the coordinators' calendar, as the API counts it. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

function daysSince(date: string): number {
  return Math.round((Date.parse(today()) - Date.parse(date)) / 86_400_000);
}

it("counts the waiting from the recommendation's own date and shows since when each party was asked", async () => {
  const recommended = await recommendedCase(api, { parties: ['hedemora', 'sater', 'vansbro'], deadline: '2030-12-31' });
  expect(recommended.waitingSince).toBe('2024-06-13');
  expect(recommended.daysWaiting).toBe(daysSince('2024-06-13'));
  expect(recommended.stageRecordedAt.slice(0, 4)).toBe(String(new Date().getFullYear()));
  expect(recommended.parties.map((answer: { askedSince: string }) => answer.askedSince)).toEqual(['2024-06-13', '2024-06-13', '2024-06-13']);

  const row = (await everyBlockedRow(api)).find((candidate: { id: string }) => candidate.id === recommended.id);
  expect(row).toEqual(expect.objectContaining({ waitingSince: '2024-06-13', daysWaiting: daysSince('2024-06-13') }));
});

it('orders the longest waiting first by the steps’ dates, whatever the order they were typed in', async () => {
  const later = await createCase(api, { parties: ['mora'], deadline: '2030-12-31' });
  await api.request('POST', `/api/cases/${later.id}/council`, { outcome: 'recommend', date: '2024-09-01' });
  const earlier = await createCase(api, { parties: ['mora'], deadline: '2030-12-31' });
  await api.request('POST', `/api/cases/${earlier.id}/council`, { outcome: 'recommend', date: '2024-06-01' });

  const blocked: { id: string }[] = await everyBlockedRow(api);
  const position = (id: string) => blocked.findIndex((row) => row.id === id);
  expect(position(earlier.id)).toBeGreaterThanOrEqual(0);
  expect(position(earlier.id)).toBeLessThan(position(later.id));
});
