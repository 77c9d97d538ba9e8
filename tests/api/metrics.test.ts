import { recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';

/** What an operator's Prometheus reads: requests by route pattern and status, cases by stage, answers awaited per party. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
});

it('counts requests by their route, never by a case id, and reads stages and awaited answers from the read model', async () => {
  const recommended = await recommendedCase(api, { parties: ['vansbro', 'sater'] });
  expect((await api.request('GET', '/api/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);

  const response = await fetch(`${api.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const text = await response.text();
  expect(text).toContain('overens_http_requests_total{method="GET",route="/api/cases/:id",status="404"}');
  expect(text).toMatch(/overens_http_request_duration_seconds_bucket\{le="[\d.]+",method="POST",route="\/api\/cases\/:id\/:step",status="200"\}/);
  expect(text).not.toContain(recommended.id);
  expect(text).toMatch(/overens_cases\{stage="decisions"\} [1-9]/);
  expect(text).toMatch(/overens_answers_awaited\{party="vansbro"\} [1-9]/);
  expect(text).toContain('process_cpu_seconds_total');
});
