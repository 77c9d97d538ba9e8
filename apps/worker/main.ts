import { Connection } from '@temporalio/client';
import { status as grpcStatus } from '@grpc/grpc-js';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { bodyNamesOf, mailFromOf, ConfigurationError, readSettings, workerSettingsSchema } from '../../libs/config/config';
import { Mailer } from '../../libs/mail/mailer';
import { createDataSource } from '../../libs/persistence';
import { ensureNamespaceRetention, namespaceRetentionDays } from '../../libs/temporal/namespace-retention';
import { ensureSearchAttributes } from '../../libs/temporal/temporal-connection';
import { existsSync } from 'node:fs';
import { createCaseWorker } from './case-worker';
import { serveWorkerHealth } from './worker-health';
import { failStartup } from '../shared/fail-startup';
import { jsonLogger, workerLogLine } from './worker-log';

async function main(): Promise<void> {
  const settings = readSettings(workerSettingsSchema);
  Runtime.install({
    // JSON lines like the API's; the native core's warnings are forwarded into the same log.
    logger: jsonLogger('INFO'),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} },
      // Temporal's own worker metrics (task slots, latencies, polls), from the SDK's exporter.
      ...(settings.OVERENS_METRICS_PORT ? { metrics: { prometheus: { bindAddress: `0.0.0.0:${settings.OVERENS_METRICS_PORT}` } } } : {}),
    },
  });
  const admin = await Connection.connect({ address: settings.TEMPORAL_ADDRESS });
  await ensureSearchAttributes(admin, settings.TEMPORAL_NAMESPACE);
  await setRetention(admin, settings.TEMPORAL_NAMESPACE, settings.OVERENS_RETENTION_DAYS);
  await admin.close();

  const dataSource = await createDataSource(settings.DATABASE_URL).initialize();
  const connection = await NativeConnection.connect({ address: settings.TEMPORAL_ADDRESS });
  // The image carries the workflows bundled at build time; a developer's worker bundles them now.
  const bundle = settings.OVERENS_WORKFLOW_BUNDLE;
  if (bundle && !existsSync(bundle)) throw new ConfigurationError(`OVERENS_WORKFLOW_BUNDLE: ${bundle} does not exist (npm run workflows:bundle makes it)`);
  const prebuilt = bundle ? { workflowBundle: { codePath: bundle } } : {};
  const worker = await createCaseWorker({
    ...prebuilt,
    connection,
    namespace: settings.TEMPORAL_NAMESPACE,
    taskQueue: settings.TEMPORAL_TASK_QUEUE,
    dataSource,
    mail: {
      sender: new Mailer(settings.OVERENS_SMTP_URL, mailFromOf(settings)),
      linkSecret: settings.OVERENS_LINK_SECRET,
      publicUrl: settings.OVERENS_PUBLIC_URL,
      organisation: bodyNamesOf(settings).organisation,
      council: bodyNamesOf(settings).council,
      timeZone: settings.OVERENS_TIME_ZONE,
    },
  });
  const health = settings.OVERENS_HEALTH_PORT ? await serveWorkerHealth(settings.OVERENS_HEALTH_PORT, worker.worker, dataSource) : undefined;
  // The worker's own shutdown hooks stop it on SIGINT/SIGTERM; run() resolves after that.
  console.log(workerLogLine('info', 'polling task queue', { taskQueue: settings.TEMPORAL_TASK_QUEUE, temporal: settings.TEMPORAL_ADDRESS }));
  await worker.run();
  health?.close();
  await connection.close();
  await dataSource.destroy();
  // Nothing else may keep a stopped worker alive.
  process.exit(0);
}

/**
 * The namespace's retention as configured. A cluster that does not let workers change
 * its namespaces (a managed one) keeps its own: said once, and the worker runs on.
 */
async function setRetention(admin: Connection, namespace: string, days: number): Promise<void> {
  try {
    await ensureNamespaceRetention(admin, namespace, days);
  } catch (error) {
    const code = (error as { code?: number }).code;
    if (code !== grpcStatus.PERMISSION_DENIED && code !== grpcStatus.UNIMPLEMENTED) throw error;
    const kept = await namespaceRetentionDays(admin, namespace);
    console.warn(
      workerLogLine('warn', `may not set the retention of namespace ${namespace} (${kept} days kept); set it on the cluster: temporal operator namespace update --namespace ${namespace} --retention ${days}d`, { namespace }),
    );
  }
}

main().catch(failStartup('worker'));
