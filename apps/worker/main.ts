import { Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { readSettings, workerSettingsSchema } from '../../libs/config/config';
import { Mailer } from '../../libs/mail/mailer';
import { createDataSource } from '../../libs/persistence';
import { ensureSearchAttributes } from '../../libs/temporal/temporal-connection';
import { createCaseWorker } from './case-worker';
import { failStartup } from '../shared/fail-startup';

async function main(): Promise<void> {
  const settings = readSettings(workerSettingsSchema);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const admin = await Connection.connect({ address: settings.TEMPORAL_ADDRESS });
  await ensureSearchAttributes(admin, settings.TEMPORAL_NAMESPACE);
  await admin.close();

  const dataSource = await createDataSource(settings.DATABASE_URL).initialize();
  const connection = await NativeConnection.connect({ address: settings.TEMPORAL_ADDRESS });
  const worker = await createCaseWorker({
    connection,
    namespace: settings.TEMPORAL_NAMESPACE,
    taskQueue: settings.TEMPORAL_TASK_QUEUE,
    dataSource,
    mail: {
      sender: new Mailer(settings.OVERENS_SMTP_URL, settings.OVERENS_MAIL_FROM),
      linkSecret: settings.OVERENS_LINK_SECRET,
      publicUrl: settings.OVERENS_PUBLIC_URL,
    },
  });
  // The worker's own shutdown hooks stop it on SIGINT/SIGTERM; run() resolves after that.
  console.log(`worker: polling task queue ${settings.TEMPORAL_TASK_QUEUE} on ${settings.TEMPORAL_ADDRESS}`);
  await worker.run();
  await connection.close();
  await dataSource.destroy();
  // Nothing else may keep a stopped worker alive.
  process.exit(0);
}

main().catch(failStartup('worker'));
