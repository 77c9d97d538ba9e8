import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSettings, stackSettingsSchema } from '../../libs/config/config';
import { writeStackAddresses } from '../../libs/config/stack-file';
import { startEmbeddedPostgres, type RunningPostgres } from '../../libs/embedded/embedded-postgres';
import { startTemporalDevServer, type RunningTemporalDevServer } from '../../libs/embedded/temporal-dev-server';
import { waitFor } from '../../libs/embedded/wait-for';
import { startOutbox } from '../../libs/mail/outbox-server';
import { CoordinatorRepository, createDataSource, migrate } from '../../libs/persistence';
import { hashPassword } from '../api/web/password';
import { failStartup } from '../shared/fail-startup';
import { developerSecret } from './developer-secret';
import { SupervisedProcess } from './child-process-supervisor';
import { registerSeedOf } from '../../libs/register';

const DEVELOPER_COORDINATOR = 'samordnare@example.se';

/**
 * The whole product in one terminal: PostgreSQL, Temporal and an e-mail outbox (unless
 * configured), migrations, the worker and the API. State lives in the data folder, so a restart
 * finds every case again. Ctrl-C stops it all.
 */
async function main(): Promise<void> {
  const settings = readSettings(stackSettingsSchema);
  const dataDir = resolve(settings.OVERENS_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  let serverCount = 0;
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log('\nstack: stopping…');
    // Our processes first (together), then the servers they use.
    const [servers, processes] = [stops.slice(0, serverCount), stops.slice(serverCount)];
    await Promise.all(processes.map((stop) => stop().catch((error: unknown) => console.error('stack:', error))));
    for (const stop of servers.reverse()) await stop().catch((error: unknown) => console.error('stack:', error));
    process.exit(code);
  };
  // embedded-postgres's exit hook stops PostgreSQL and exits at once on a signal, before
  // our processes and Temporal are stopped: this stack owns shutdown and its order.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    let databaseUrl = settings.DATABASE_URL;
    if (!databaseUrl) {
      console.log(`stack: starting PostgreSQL on port ${settings.OVERENS_POSTGRES_PORT} (data in ${join(dataDir, 'postgres')})`);
      const postgres: RunningPostgres = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres'),
        port: settings.OVERENS_POSTGRES_PORT,
        database: 'overens',
      });
      stops.push(() => postgres.stop());
      databaseUrl = postgres.url;
    }

    let temporalAddress = settings.TEMPORAL_ADDRESS;
    if (!temporalAddress) {
      console.log(`stack: starting the Temporal dev server on port ${settings.TEMPORAL_PORT}`);
      const temporal: RunningTemporalDevServer = await startTemporalDevServer({
        port: settings.TEMPORAL_PORT,
        uiPort: settings.TEMPORAL_UI_PORT,
        databaseFile: join(dataDir, 'temporal.db'),
        namespace: settings.TEMPORAL_NAMESPACE,
        cliPath: settings.TEMPORAL_CLI_PATH,
      });
      stops.push(() => temporal.stop());
      temporalAddress = temporal.address;
    }

    const dataSource = await createDataSource(databaseUrl, { poolSize: 1 }).initialize();
    await migrate(dataSource, registerSeedOf(settings.OVERENS_REGISTER_SEED));
    // A developer's first coordinator account, so that the pages can be tried at once.
    const coordinatorPassword = developerSecret(dataDir, 'coordinator-password');
    const coordinators = new CoordinatorRepository(dataSource);
    if (!(await coordinators.findByEmail(DEVELOPER_COORDINATOR))) {
      await coordinators.upsert(DEVELOPER_COORDINATOR, 'Samordnare', await hashPassword(coordinatorPassword));
    }
    await dataSource.destroy();

    // Without an SMTP server, e-mail is caught on this machine and shown on a page.
    let smtpUrl = settings.OVERENS_SMTP_URL;
    let outboxUrl: string | undefined;
    if (!smtpUrl) {
      const outbox = await startOutbox({ smtpPort: settings.OVERENS_OUTBOX_SMTP_PORT, httpPort: settings.OVERENS_OUTBOX_PORT, host: '127.0.0.1' });
      stops.push(() => outbox.stop());
      smtpUrl = outbox.smtpUrl;
      outboxUrl = outbox.httpUrl;
    }

    serverCount = stops.length;
    const adminToken = settings.OVERENS_ADMIN_TOKEN ?? developerSecret(dataDir, 'admin-token');
    const linkSecret = settings.OVERENS_LINK_SECRET ?? developerSecret(dataDir, 'link-secret');
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: settings.TEMPORAL_NAMESPACE,
      OVERENS_ADMIN_TOKEN: adminToken,
      OVERENS_LINK_SECRET: linkSecret,
      OVERENS_PUBLIC_URL: settings.OVERENS_PUBLIC_URL ?? `http://localhost:${settings.PORT}`,
      OVERENS_SMTP_URL: smtpUrl,
      PORT: String(settings.PORT),
    };
    writeStackAddresses(dataDir, { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_NAMESPACE: settings.TEMPORAL_NAMESPACE });
    const worker = new SupervisedProcess('worker', join(__dirname, '..', 'worker', 'main.js'), env);
    const api = new SupervisedProcess('api', join(__dirname, '..', 'api', 'main.js'), env);
    worker.start();
    stops.push(() => worker.stop());
    api.start();
    stops.push(() => api.stop());

    const apiUrl = `http://localhost:${settings.PORT}`;
    await waitFor('the API', async () => (await fetch(`${apiUrl}/api/parties`)).ok, 120_000);
    console.log(
      [
        '',
        'Överens is running.',
        `  Web and API:      ${apiUrl}/`,
        `  API docs:         ${apiUrl}/api/docs`,
        ...(settings.TEMPORAL_ADDRESS ? [] : [`  Temporal UI:      http://localhost:${settings.TEMPORAL_UI_PORT}`]),
        ...(outboxUrl ? [`  Outbox (e-mail):  ${outboxUrl}/`] : []),
        `  Sign in:          ${DEVELOPER_COORDINATOR} / ${coordinatorPassword}`,
        `  Coordinator token (Authorization: Bearer …): ${settings.OVERENS_ADMIN_TOKEN ? '(from OVERENS_ADMIN_TOKEN)' : adminToken}`,
        `  Data folder:      ${dataDir}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    console.error('stack: could not start:', error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

main().catch(failStartup('stack'));
