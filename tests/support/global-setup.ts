import { bundleWorkflowCode } from '@temporalio/worker';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../libs/embedded/free-port';
import { startEmbeddedPostgres } from '../../libs/embedded/embedded-postgres';
import { startTemporalDevServer } from '../../libs/embedded/temporal-dev-server';
import { startOutbox } from '../../libs/mail/outbox-server';
import { createDataSource, migrate } from '../../libs/persistence';
import { publishTestServers } from './test-servers';

/** Starts one real PostgreSQL, one real Temporal server and one catching SMTP outbox for the whole run. */
export default async function globalSetup(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  mkdirSync(join(root, '.test-data'), { recursive: true });
  const runDir = mkdtempSync(join(root, '.test-data', 'run-'));
  // PostgreSQL runs as its own system user when we are root: it must reach its folder.
  chmodSync(runDir, 0o755);
  const [postgresPort, temporalPort] = [await freePort(), await freePort()];

  const starting = [
    startEmbeddedPostgres({ dataDir: join(runDir, 'postgres'), port: postgresPort, database: 'overens_test' }),
    startTemporalDevServer({
      port: temporalPort,
      uiPort: 0,
      namespace: 'default',
      log: () => undefined,
      // A closed workflow deleted (as retention would) goes at once, not half a minute later:
      // the rebuild test deletes one. Timing only; nothing the tests check depends on it.
      dynamicConfig: { 'history.transferProcessorEnsureCloseBeforeDelete': 'false' },
    }),
    bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger }),
    startOutbox({ smtpPort: 0, httpPort: 0 }),
  ] as const;
  const settled = await Promise.allSettled(starting);
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) {
    // Leave no server behind when another failed to start.
    for (const result of settled) {
      if (result.status === 'fulfilled' && 'stop' in result.value) await result.value.stop();
    }
    throw failure.reason;
  }
  const [postgres, temporal, bundle, outbox] = await Promise.all(starting);
  globalThis.__overensTestServers = { postgres, temporal, outbox, runDir };

  const dataSource = await createDataSource(postgres.url, { poolSize: 1 }).initialize();
  await migrate(dataSource);
  await dataSource.destroy();

  const workflowBundlePath = join(runDir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);
  publishTestServers({
    databaseUrl: postgres.url,
    temporalAddress: temporal.address,
    workflowBundlePath,
    runDir,
    outboxSmtpUrl: outbox.smtpUrl,
    outboxHttpUrl: outbox.httpUrl,
  });
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
