import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../../libs/embedded/free-port';
import { startTemporalDevServer, type RunningTemporalDevServer } from '../../../libs/embedded/temporal-dev-server';
import { createDataSource, migrate } from '../../../libs/persistence';
import { spawnPostgres, type PostgresProcess } from '../../support/postgres-process';
import { testServers } from '../../support/test-servers';

const PROGRAM_READY_TIMEOUT_MS = 180_000;

/**
 * One of our compiled programs, kept running as the developer stack keeps it: started
 * again when it dies on its own (and that death counted), killed on purpose by a fault.
 * Its output goes to a log file per start. Operations are serialized, so a fault and a
 * restart after an unexpected death never overlap.
 */
class SupervisedProgram {
  /** Starts that reached the ready line. */
  starts = 0;
  private attempts = 0;
  readonly unexpectedExits: string[] = [];
  private child: ChildProcess | undefined;
  private exited: Promise<unknown> = Promise.resolve();
  private queue: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(
    private readonly app: 'api' | 'worker',
    private readonly env: NodeJS.ProcessEnv,
    private readonly readyLine: string,
    private readonly logDir: string,
    private readonly elapsedSeconds: () => string,
  ) {}

  start(): Promise<void> {
    return this.serialized(() => this.startUntilReady());
  }

  /** SIGKILLs the program, waits `pauseMs`, and starts it again. */
  killAndRestart(pauseMs: number): Promise<void> {
    return this.serialized(async () => {
      await this.signal('SIGKILL');
      await sleep(pauseMs);
      await this.startUntilReady();
    });
  }

  stop(): Promise<void> {
    this.closing = true;
    return this.serialized(async () => {
      const child = this.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await this.signal('SIGTERM');
      clearTimeout(timer);
    });
  }

  private serialized(operation: () => Promise<void>): Promise<void> {
    const next = this.queue.then(operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await this.exited;
  }

  /** Starts it; a start that fails (a server it needs is still coming back) is tried again. */
  private async startUntilReady(): Promise<void> {
    const deadline = Date.now() + PROGRAM_READY_TIMEOUT_MS;
    for (;;) {
      try {
        await this.startOnce();
        return;
      } catch (error) {
        if (this.closing || Date.now() > deadline) throw error;
        await sleep(1000);
      }
    }
  }

  private async startOnce(): Promise<void> {
    const script = resolve(__dirname, '..', '..', '..', 'dist', 'apps', this.app, 'main.js');
    if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first.`);
    this.attempts += 1;
    const logFile = join(this.logDir, `${this.app}-${this.attempts}.log`);
    const log = createWriteStream(logFile);
    const child = spawn(process.execPath, [script], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const exited = once(child, 'exit');
    this.exited = exited;
    this.child = child;
    void exited.then(([code, signal]) => {
      log.end(`\n[soak] exited with ${code ?? signal}\n`);
      if (this.child === child && !this.closing) {
        // Nobody asked it to go: the stack starts it again, and the soak reports it.
        this.child = undefined;
        this.unexpectedExits.push(`${this.app} (${logFile}) exited with ${code ?? signal} at ${this.elapsedSeconds()} s`);
        void this.serialized(() => this.startUntilReady()).catch(() => undefined);
      }
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      if (output.length < 10_000) output += chunk.toString();
    });
    const deadline = Date.now() + PROGRAM_READY_TIMEOUT_MS;
    while (!output.includes(this.readyLine)) {
      if (child.exitCode !== null || child.signalCode !== null) {
        if (this.child === child) this.child = undefined;
        throw new Error(`the ${this.app} exited with ${child.exitCode ?? child.signalCode} before it was ready (${logFile})`);
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the ${this.app} was not ready within ${PROGRAM_READY_TIMEOUT_MS / 1000} s (${logFile})`);
      }
      await sleep(100);
    }
    this.starts += 1;
  }
}

export interface SoakStackFigures {
  workerStarts: number;
  apiStarts: number;
  temporalStarts: number;
  postgresStarts: number;
  unexpectedExits: string[];
}

/**
 * The whole product on servers of the soak's own: PostgreSQL (stoppable, on its data
 * folder), the Temporal dev server on a SQLite file, and the real worker and API programs.
 */
export class SoakStack {
  private temporalStarts = 0;
  private postgresStarts = 0;

  private constructor(
    readonly apiUrl: string,
    readonly token: string,
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    private postgres: PostgresProcess,
    private temporal: RunningTemporalDevServer,
    private readonly startPostgres: () => Promise<PostgresProcess>,
    private readonly startTemporal: () => Promise<RunningTemporalDevServer>,
    private readonly worker: SupervisedProgram,
    private readonly api: SupervisedProgram,
  ) {}

  static async start(options: {
    dataDir: string;
    logDir: string;
    taskQueue: string;
    token: string;
    linkSecret: string;
    updateTimeoutSeconds: number;
    elapsedSeconds: () => string;
  }): Promise<SoakStack> {
    mkdirSync(options.logDir, { recursive: true });
    const [postgresPort, temporalPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const startPostgres = () => spawnPostgres({ dataDir: join(options.dataDir, 'postgres'), port: postgresPort, database: 'overens_soak' });
    const temporalLog = join(options.logDir, 'temporal.log');
    const startTemporal = () =>
      startTemporalDevServer({
        port: temporalPort,
        uiPort: 0,
        namespace: 'default',
        databaseFile: join(options.dataDir, 'temporal.db'),
        log: (line) => appendFileSync(temporalLog, line),
      });

    const postgres = await startPostgres();
    let temporal: RunningTemporalDevServer;
    try {
      const dataSource = await createDataSource(postgres.url, { poolSize: 1 }).initialize();
      await migrate(dataSource);
      await dataSource.destroy();
      temporal = await startTemporal();
    } catch (error) {
      await postgres.stop();
      throw error;
    }

    const shared = { DATABASE_URL: postgres.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: options.taskQueue };
    const worker = new SupervisedProgram(
      'worker',
      {
        ...shared,
        // Reminders go to the run's outbox; links point at the soak's API.
        OVERENS_SMTP_URL: testServers().outboxSmtpUrl,
        OVERENS_LINK_SECRET: options.linkSecret,
        OVERENS_PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      },
      'polling task queue',
      options.logDir,
      options.elapsedSeconds,
    );
    const api = new SupervisedProgram(
      'api',
      {
        ...shared,
        PORT: String(apiPort),
        OVERENS_ADMIN_TOKEN: options.token,
        OVERENS_LINK_SECRET: options.linkSecret,
        OVERENS_UPDATE_TIMEOUT_SECONDS: String(options.updateTimeoutSeconds),
      },
      'listening',
      options.logDir,
      options.elapsedSeconds,
    );
    const stack = new SoakStack(`http://127.0.0.1:${apiPort}`, options.token, postgres.url, temporal.address, postgres, temporal, startPostgres, startTemporal, worker, api);
    stack.temporalStarts = 1;
    stack.postgresStarts = 1;
    try {
      await worker.start();
      await api.start();
    } catch (error) {
      // Leave nothing running behind a soak that could not start.
      await stack.stop();
      throw error;
    }
    return stack;
  }

  killWorker(pauseMs: number): Promise<void> {
    return this.worker.killAndRestart(pauseMs);
  }

  killApi(pauseMs: number): Promise<void> {
    return this.api.killAndRestart(pauseMs);
  }

  /** Stops the Temporal dev server (SIGTERM) and starts it again on its database file. */
  async restartTemporal(pauseMs: number): Promise<void> {
    await this.temporal.stop();
    await sleep(pauseMs);
    this.temporal = await this.startTemporal();
    this.temporalStarts += 1;
  }

  /** Stops PostgreSQL for `downMs` under the API and the worker, then starts it on its data. */
  async postgresOutage(downMs: number): Promise<void> {
    await this.postgres.stop();
    await sleep(downMs);
    this.postgres = await this.startPostgres();
    this.postgresStarts += 1;
  }

  figures(): SoakStackFigures {
    return {
      workerStarts: this.worker.starts,
      apiStarts: this.api.starts,
      temporalStarts: this.temporalStarts,
      postgresStarts: this.postgresStarts,
      unexpectedExits: [...this.worker.unexpectedExits, ...this.api.unexpectedExits],
    };
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.api.stop(), this.worker.stop()]);
    await this.temporal.stop();
    await this.postgres.stop();
  }
}
