import type { Client } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApiConfig } from '../../apps/api/api-config';
import type { BodyNameSettings } from '../../libs/config/config';
import { createApi } from '../../apps/api/create-api';
import type { SecurityEvent } from '../../apps/api/security-log';
import { createCaseWorker, type CaseWorker } from '../../apps/worker/case-worker';
import type { CaseMailSettings } from '../../apps/worker/case.activities';
import { Mailer } from '../../libs/mail/mailer';
import { freePort } from '../../libs/embedded/free-port';
import { createDataSource } from '../../libs/persistence';
import { connectClient } from '../../libs/temporal/temporal-connection';
import { testServers } from './test-servers';
import { bodyNamesOf } from '../../libs/config/config';

let runtimeInstalled = false;
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

export function uniqueTaskQueue(name: string): string {
  return `${name}-${randomUUID()}`;
}

export async function connectDataSource(databaseUrl = testServers().databaseUrl): Promise<DataSource> {
  return createDataSource(databaseUrl, { poolSize: 4 }).initialize();
}

export function connectTemporalClient(address = testServers().temporalAddress): Promise<Client> {
  return connectClient(address, 'default');
}

/** A case worker in this process, on the run's Temporal, with the prebuilt workflow bundle. */
/** E-mail from test workers goes to the run's outbox; links point at `publicUrl`. */
export function testMailSettings(options: { linkSecret?: string; publicUrl?: string; organisation?: string; council?: string } = {}): CaseMailSettings & { close(): void } {
  const mailer = new Mailer(testServers().outboxSmtpUrl, 'RSS Dalarna <noreply@example.se>');
  return {
    sender: mailer,
    linkSecret: options.linkSecret ?? 'test-link-secret-of-the-test-workers!',
    publicUrl: options.publicUrl ?? 'http://127.0.0.1:3000',
    organisation: options.organisation ?? 'RSS Dalarna',
    council: options.council ?? 'Välfärdsrådet',
    timeZone: 'Europe/Stockholm',
    close: () => mailer.close(),
  };
}

export async function createTestWorker(
  taskQueue: string,
  dataSource: DataSource,
  address = testServers().temporalAddress,
  mailOptions: { linkSecret?: string; publicUrl?: string; organisation?: string; council?: string } = {},
  log: (line: string) => void = () => undefined,
): Promise<{ worker: CaseWorker; close(): Promise<void> }> {
  quietRuntime();
  const connection = await NativeConnection.connect({ address });
  const mail = testMailSettings(mailOptions);
  const worker = await createCaseWorker({
    connection,
    namespace: 'default',
    taskQueue,
    dataSource,
    mail,
    workflowBundle: { codePath: testServers().workflowBundlePath },
    log,
  });
  return {
    worker,
    close: async () => {
      mail.close();
      await connection.close();
    },
  };
}

export interface TestApi {
  readonly url: string;
  readonly token: string;
  readonly linkSecret: string;
  readonly taskQueue: string;
  readonly dataSource: DataSource;
  readonly temporal: Client;
  /** The security events this API recorded. */
  readonly securityEvents: SecurityEvent[];
  /** The JSON log lines this API (and its worker's notice dispatcher) wrote. */
  readonly logLines: string[];
  /** Calls the API as the coordinator. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  stopWorker(): Promise<void>;
  /** Starts a worker in this process (again) on the API's task queue. */
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

/** The API on a free port with a worker running behind it, both on the run's real servers. */
export async function startTestApi(
  options: {
    withWorker?: boolean;
    updateTimeoutSeconds?: number;
    databaseUrl?: string;
    temporalAddress?: string;
    partyPageLimitPerMinute?: number;
    sessionIdleMinutes?: number;
    accessibilityEmail?: string;
    accessibilityPhone?: string;
    trustProxy?: string;
    /** What this deployment calls its bodies; Dalarna's when left out. */
    bodyNames?: Partial<BodyNameSettings>;
    /** Uploads: the largest file, the scan hook, and object storage instead of PostgreSQL. */
    files?: { maxMegabytes?: number; virusScanCommand?: string; s3?: { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string } };
    /** Sign-in through an identity provider. */
    oidc?: { issuer: string; clientId: string; clientSecret: string; name?: string };
    /** The port to listen on (a free one when left out): for a provider that must know the address first. */
    port?: number;
  } = {},
): Promise<TestApi> {
  const taskQueue = uniqueTaskQueue('api');
  const token = `test-token-${randomUUID()}`;
  const linkSecret = `test-link-secret-${randomUUID()}`;
  const dataSource = await connectDataSource(options.databaseUrl);
  const temporal = await connectTemporalClient(options.temporalAddress);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const config = new ApiConfig({
    TEMPORAL_TASK_QUEUE: taskQueue,
    OVERENS_ADMIN_TOKEN: token,
    OVERENS_LINK_SECRET: linkSecret,
    OVERENS_TIME_ZONE: 'Europe/Stockholm',
    OVERENS_PUBLIC_URL: url,
    PORT: port,
    OVERENS_UPDATE_TIMEOUT_SECONDS: options.updateTimeoutSeconds,
    OVERENS_PARTY_PAGE_LIMIT_PER_MINUTE: options.partyPageLimitPerMinute,
    OVERENS_SESSION_IDLE_MINUTES: options.sessionIdleMinutes,
    OVERENS_ACCESSIBILITY_EMAIL: options.accessibilityEmail,
    OVERENS_ACCESSIBILITY_PHONE: options.accessibilityPhone,
    OVERENS_TRUST_PROXY: options.trustProxy,
    OVERENS_OIDC_ISSUER: options.oidc?.issuer,
    OVERENS_OIDC_CLIENT_ID: options.oidc?.clientId,
    OVERENS_OIDC_CLIENT_SECRET: options.oidc?.clientSecret,
    OVERENS_OIDC_NAME: options.oidc?.name,
    OVERENS_FILE_MAX_MEGABYTES: options.files?.maxMegabytes,
    OVERENS_VIRUS_SCAN_COMMAND: options.files?.virusScanCommand,
    ...(options.files?.s3
      ? {
          OVERENS_S3_ENDPOINT: options.files.s3.endpoint,
          OVERENS_S3_BUCKET: options.files.s3.bucket,
          OVERENS_S3_ACCESS_KEY_ID: options.files.s3.accessKeyId,
          OVERENS_S3_SECRET_ACCESS_KEY: options.files.s3.secretAccessKey,
        }
      : {}),
    ...options.bodyNames,
  });
  const securityEvents: SecurityEvent[] = [];
  const logLines: string[] = [];
  const app = await createApi({
    config,
    dataSource,
    temporal,
    securityEvents: (event) => securityEvents.push(event),
    logSink: (line) => logLines.push(line),
  });
  await app.listen(port, '127.0.0.1');

  let stopWorker = async (): Promise<void> => undefined;
  const startWorker = async (): Promise<void> => {
    await stopWorker();
    // The e-mails sign and name the bodies as the API's pages do.
    const { organisation, council } = bodyNamesOf(options.bodyNames ?? {});
    const { worker, close } = await createTestWorker(taskQueue, dataSource, options.temporalAddress, { linkSecret, publicUrl: url, organisation, council }, (line) =>
      logLines.push(line),
    );
    const running = worker.run();
    stopWorker = async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await close();
      stopWorker = async () => undefined;
    };
  };
  if (options.withWorker !== false) await startWorker();

  return {
    url,
    token,
    linkSecret,
    taskQueue,
    dataSource,
    temporal,
    securityEvents,
    logLines,
    async request(method, path, body, headers = {}) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed };
    },
    stopWorker: () => stopWorker(),
    startWorker,
    async close() {
      await stopWorker();
      await app.close();
      await temporal.connection.close();
      await dataSource.destroy();
    },
  };
}
