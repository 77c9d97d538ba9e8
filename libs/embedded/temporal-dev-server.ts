import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Connection } from '@temporalio/client';
import { CASE_SEARCH_ATTRIBUTES } from '../workflow-contract/search-attributes';
import { devServerSearchAttributeFlags } from '../temporal/search-attribute-types';
import { TEMPORAL_SERVER_SETTINGS } from '../temporal/server-settings';
import { resolveTemporalCli } from './temporal-cli';
import { waitFor } from './wait-for';

export interface TemporalDevServerOptions {
  readonly port: number;
  /** 0 runs it headless. */
  readonly uiPort: number;
  /** The SQLite file that keeps its state; omitted, it keeps everything in memory. */
  readonly databaseFile?: string;
  readonly namespace: string;
  readonly cliPath?: string;
  readonly log?: (line: string) => void;
  /** Dynamic configuration values beyond Överens's own settings (`--dynamic-config-value key=value`), e.g. for a test run. */
  readonly dynamicConfig?: Readonly<Record<string, string>>;
}

export interface RunningTemporalDevServer {
  readonly address: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** `temporal server start-dev`: the real Temporal server in one process. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporalDevServer> {
  const cli = resolveTemporalCli(options.cliPath);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    ...(options.uiPort === 0 ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    ...(options.databaseFile ? ['--db-filename', options.databaseFile] : []),
    ...devServerSearchAttributeFlags(CASE_SEARCH_ATTRIBUTES),
    ...Object.entries({ ...TEMPORAL_SERVER_SETTINGS, ...options.dynamicConfig }).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${value}`]),
  ];
  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.log ?? (() => undefined);
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
  const exited = once(child, 'exit');
  const address = `127.0.0.1:${options.port}`;
  try {
    await Promise.race([
      waitFor('the Temporal dev server', async () => {
        const connection = await Connection.connect({ address, connectTimeout: 1000 });
        try {
          await connection.workflowService.describeNamespace({ namespace: options.namespace });
          return true;
        } finally {
          await connection.close();
        }
      }),
      exited.then(([code]) => {
        throw new Error(`The Temporal dev server exited with code ${code} before it was ready.`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    address,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
