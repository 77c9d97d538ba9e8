import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes, randomUUID } from 'node:crypto';
import { startEmbeddedPostgres } from '../../libs/embedded/embedded-postgres';
import { freePort } from '../../libs/embedded/free-port';
import { startTemporalDevServer } from '../../libs/embedded/temporal-dev-server';
import { startOutbox } from '../../libs/mail/outbox-server';
import { createDataSource, migrate } from '../../libs/persistence';
import { writeBeforePatchesBundle } from './before-patches-bundle';

/** One of our programs as a child process, so that its CPU and memory can be read from /proc. */
export interface Program {
  readonly name: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface BenchStack {
  readonly embedded: boolean;
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly namespace: string;
  /** A task queue of this run's own, so that no other worker on configured servers takes its tasks. */
  readonly taskQueue: string;
  readonly floorTaskQueue: string;
  readonly adminToken: string;
  readonly apis: { readonly url: string; readonly program: Program }[];
  readonly workers: Program[];
  readonly floorWorker: Program;
  /**
   * An API and a worker on a task queue of their own whose worker runs the case workflow
   * as it was before its patches (the projection as a remote activity): the old path,
   * measured beside the new one.
   */
  readonly beforePatches: { readonly api: { readonly url: string; readonly program: Program }; readonly worker: Program };
  readonly logDir: string;
  readonly postgresPid: () => number | undefined;
  readonly temporalPid: number | undefined;
  /** A second API and a second worker against the same Temporal and PostgreSQL. */
  addInstance(): Promise<void>;
  /** Stops the API and the worker added last. */
  removeInstance(): Promise<void>;
  stop(): Promise<void>;
}

const DIST = resolve(__dirname, '..');

/** The embedded servers (or the configured ones), migrations, one worker, one API and the bench's floor worker. */
export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const runDir = mkdtempSync(join(tmpdir(), 'overens-bench-'));
  // PostgreSQL runs as its own system user when we are root: it must reach its folder.
  chmodSync(runDir, 0o755);
  const logDir = join(runDir, 'logs');
  mkdirSync(logDir);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error: unknown) => log(`stop: ${String(error)}`));
    // The logs stay for a look after the run; the database files go.
    rmSync(join(runDir, 'postgres'), { recursive: true, force: true });
  };

  try {
    let databaseUrl = process.env.DATABASE_URL || undefined;
    let postgresPid: () => number | undefined = () => undefined;
    const embedded = !databaseUrl && !process.env.TEMPORAL_ADDRESS;
    if (!databaseUrl) {
      const dataDir = join(runDir, 'postgres');
      const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'overens_bench' });
      stops.push(() => postgres.stop());
      databaseUrl = postgres.url;
      // The postmaster's pid is the first line of its pid file; its backends are its children.
      postgresPid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
      log(`PostgreSQL (embedded) at ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
    } else {
      log('PostgreSQL: DATABASE_URL (configured); its CPU is not sampled');
    }
    let temporalAddress = process.env.TEMPORAL_ADDRESS || undefined;
    let temporalPid: number | undefined;
    if (!temporalAddress) {
      const temporal = await startTemporalDevServer({ port: await freePort(), uiPort: 0, namespace: 'default' });
      stops.push(() => temporal.stop());
      temporalAddress = temporal.address;
      temporalPid = temporal.process.pid;
      log(`Temporal dev server (embedded, in memory) at ${temporalAddress}`);
    } else {
      log(`Temporal: TEMPORAL_ADDRESS=${temporalAddress} (configured); its CPU is not sampled`);
    }
    const dataSource = await createDataSource(databaseUrl, { poolSize: 1 }).initialize();
    await migrate(dataSource);
    await dataSource.destroy();

    const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
    const runId = randomUUID().slice(0, 8);
    const taskQueue = `overens-bench-${runId}`;
    const floorTaskQueue = `overens-bench-floor-${runId}`;
    const adminToken = `bench-${randomBytes(24).toString('hex')}`;
    // Reminders the workers may send go to an outbox of the bench's own.
    const outbox = await startOutbox({ smtpPort: 0, httpPort: 0 });
    stops.push(() => outbox.stop());
    const env = {
      OVERENS_SMTP_URL: outbox.smtpUrl,
      OVERENS_PUBLIC_URL: 'http://127.0.0.1:3000',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      OVERENS_ADMIN_TOKEN: adminToken,
      OVERENS_LINK_SECRET: randomBytes(32).toString('hex'),
    };
    const apis: { url: string; program: Program }[] = [];
    const workers: Program[] = [];
    const addWorker = async () => {
      const worker = await startProgram(`worker-${workers.length + 1}`, join(DIST, 'worker', 'main.js'), env, 'polling task queue', logDir);
      stops.push(() => worker.stop());
      workers.push(worker);
    };
    const addApi = async () => {
      const port = await freePort();
      const api = await startProgram(`api-${apis.length + 1}`, join(DIST, 'api', 'main.js'), { ...env, PORT: String(port) }, 'api: listening', logDir);
      stops.push(() => api.stop());
      apis.push({ url: `http://127.0.0.1:${port}`, program: api });
    };
    const beforeBundle = join(runDir, 'before-patches-bundle.js');
    await writeBeforePatchesBundle(beforeBundle);
    const beforeEnv = { ...env, TEMPORAL_TASK_QUEUE: `overens-bench-before-${runId}`, OVERENS_WORKFLOW_BUNDLE: beforeBundle };
    const beforePort = await freePort();
    const [floorWorker, beforeWorker, beforeApi] = await Promise.all([
      startProgram('floor-worker', join(DIST, 'bench', 'floor-worker.js'), { ...env, TEMPORAL_TASK_QUEUE: floorTaskQueue }, 'floor-worker: polling', logDir),
      startProgram('worker-before-patches', join(DIST, 'worker', 'main.js'), beforeEnv, 'polling task queue', logDir),
      startProgram('api-before-patches', join(DIST, 'api', 'main.js'), { ...beforeEnv, PORT: String(beforePort) }, 'api: listening', logDir),
      addWorker(),
      addApi(),
    ]);
    stops.push(() => floorWorker.stop(), () => beforeWorker.stop(), () => beforeApi.stop());
    return {
      embedded,
      databaseUrl,
      temporalAddress,
      namespace,
      taskQueue,
      floorTaskQueue,
      adminToken,
      apis,
      workers,
      floorWorker,
      beforePatches: { api: { url: `http://127.0.0.1:${beforePort}`, program: beforeApi }, worker: beforeWorker },
      logDir,
      postgresPid,
      temporalPid,
      addInstance: async () => {
        await Promise.all([addWorker(), addApi()]);
      },
      removeInstance: async () => {
        const api = apis.pop();
        const worker = workers.pop();
        await Promise.all([api?.program.stop(), worker?.stop()]);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startProgram(name: string, script: string, env: Record<string, string>, readyLine: string, logDir: string): Promise<Program> {
  const child: ChildProcess = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = createWriteStream(join(logDir, `${name}.log`));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    logFile.write(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => logFile.write(chunk));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 180_000;
  while (!output.includes(readyLine)) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; its log: ${join(logDir, `${name}.log`)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start in 3 minutes`);
    }
    await sleep(100);
  }
  return {
    name,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      logFile.end();
    },
  };
}
