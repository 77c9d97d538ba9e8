import { startTestApi, type TestApi } from '../support/test-stack';

/** DIGG's template asks for a way to reach whoever runs the service: the statement shows the configured one. */
const started: TestApi[] = [];

afterAll(async () => {
  for (const api of started) await api.close();
});

async function statementOf(options: { accessibilityEmail?: string; accessibilityPhone?: string }): Promise<string> {
  const api = await startTestApi({ withWorker: false, ...options });
  started.push(api);
  const response = await fetch(`${api.url}/tillganglighet`);
  expect(response.status).toBe(200);
  return response.text();
}

it('shows the configured e-mail address and phone number for accessibility questions', async () => {
  const statement = await statementOf({ accessibilityEmail: 'tillganglighet@rss.example.se', accessibilityPhone: '+46 23-123 45' });
  expect(statement).toContain('<a href="mailto:tillganglighet@rss.example.se">tillganglighet@rss.example.se</a>');
  expect(statement).toContain('<a href="tel:+462312345">+46 23-123 45</a>');
});

it('says plainly that the channel is missing when none is configured', async () => {
  expect(await statementOf({})).toContain('Kontaktvägen är inte inlagd ännu.');
});
