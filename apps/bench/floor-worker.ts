import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { bodyNamesOf, mailFromOf, readSettings, workerSettingsSchema } from '../../libs/config/config';
import { Mailer } from '../../libs/mail/mailer';
import { createDataSource } from '../../libs/persistence';
import { failStartup } from '../shared/fail-startup';
import { createCaseActivities } from '../worker/case.activities';

/**
 * The bench's own worker: the floor workflows, with the product's activities beside them. A process of its own so that the bench's load
 * generator does not share its event loop.
 */
async function main(): Promise<void> {
  const settings = readSettings(workerSettingsSchema);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataSource = await createDataSource(settings.DATABASE_URL).initialize();
  const connection = await NativeConnection.connect({ address: settings.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: settings.TEMPORAL_NAMESPACE,
    taskQueue: settings.TEMPORAL_TASK_QUEUE,
    workflowsPath: require.resolve('./bench.workflows'),
    activities: {
      ...createCaseActivities(dataSource, {
        sender: new Mailer(settings.OVERENS_SMTP_URL, mailFromOf(settings)),
        linkSecret: settings.OVERENS_LINK_SECRET,
        publicUrl: settings.OVERENS_PUBLIC_URL,
        organisation: bodyNamesOf(settings).organisation,
        council: bodyNamesOf(settings).council,
        timeZone: settings.OVERENS_TIME_ZONE,
      }),
      nothing: async () => undefined,
    },
  });
  console.log(`floor-worker: polling task queue ${settings.TEMPORAL_TASK_QUEUE}`);
  await worker.run();
  await connection.close();
  await dataSource.destroy();
  process.exit(0);
}

main().catch(failStartup('floor-worker'));
