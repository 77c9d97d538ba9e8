import { recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';

/** One JSON line per request with its id, echoed to the caller; route patterns and ids only. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
});

const lines = () => api.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

it("logs each request as JSON under its id, keeping a caller's well-formed id and replacing any other", async () => {
  const recommended = await recommendedCase(api, { parties: ['mora'] });
  const kept = await fetch(`${api.url}/api/cases/${recommended.id}`, {
    headers: { authorization: `Bearer ${api.token}`, 'x-request-id': 'trace-0123456789' },
  });
  expect(kept.headers.get('x-request-id')).toBe('trace-0123456789');
  const replaced = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': 'inte ett id <script>' } });
  const newId = replaced.headers.get('x-request-id');
  expect(newId).toMatch(/^[0-9a-f-]{36}$/);

  expect(lines()).toContainEqual(
    expect.objectContaining({ msg: 'request', requestId: 'trace-0123456789', method: 'GET', route: '/api/cases/:id', status: 200, level: 'info' }),
  );
  expect(lines()).toContainEqual(expect.objectContaining({ requestId: newId, route: '/health/live', status: 200 }));
  // Patterns, never a case's id or title.
  const written = api.logLines.join('\n');
  expect(written).not.toContain(recommended.id);
  expect(written).not.toContain(recommended.title);
});
