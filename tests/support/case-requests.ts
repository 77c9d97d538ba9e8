import type { TestApi } from './test-stack';

/** Request bodies in the contract's shape, for the API tests. */
export function newCase(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Regional överenskommelse om samverkan för Kvinnofrid',
    reference: 'HSN 2024/1905',
    deadline: '2024-12-31',
    networkDecision: { date: '2024-05-16', note: 'LCHNV godkände förslaget.' },
    ...overrides,
  };
}

export async function createCase(api: TestApi, overrides: Record<string, unknown> = {}): Promise<any> {
  const response = await api.request('POST', '/api/cases', newCase(overrides));
  expect(response.status).toBe(201);
  return response.body;
}

export async function recommendedCase(api: TestApi, overrides: Record<string, unknown> = {}): Promise<any> {
  const created = await createCase(api, overrides);
  const response = await api.request('POST', `/api/cases/${created.id}/council`, { outcome: 'recommend', date: '2024-06-13' });
  expect(response.status).toBe(200);
  return response.body;
}

export function decision(party: string, outcome = 'adopted', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { party, outcome, date: '2024-09-12', body: 'Socialnämnden', paragraph: '§ 45', ...extra };
}
