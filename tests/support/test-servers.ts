/** Where the run's shared servers are: set by the global setup, read by every test file. */
export interface TestServers {
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly workflowBundlePath: string;
  readonly runDir: string;
  /** The catching SMTP server every test's e-mail goes to, and its web page and JSON. */
  readonly outboxSmtpUrl: string;
  readonly outboxHttpUrl: string;
}

const VARIABLE = 'OVERENS_TEST_SERVERS';

export function publishTestServers(servers: TestServers): void {
  process.env[VARIABLE] = JSON.stringify(servers);
}

export function testServers(): TestServers {
  const value = process.env[VARIABLE];
  if (!value) throw new Error('The test servers are not running: run the tests through jest (npm test).');
  return JSON.parse(value) as TestServers;
}
