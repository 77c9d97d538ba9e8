import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const COMPILED = resolve(__dirname, '..', '..', 'dist', 'libs', 'embedded', 'embedded-postgres.js');

export interface PostgresProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * An embedded PostgreSQL owned by a plain Node child process (embedded-postgres is an
 * ES module that jest's module system cannot load), so that a test can stop and start
 * a database of its own.
 */
export async function spawnPostgres(options: { dataDir: string; port: number; database: string }): Promise<PostgresProcess> {
  if (!existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run \`npm run build\` first (npm test does).`);
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(COMPILED)});
    startEmbeddedPostgres(${JSON.stringify(options)}).then(
      (server) => console.log('ready ' + server.url),
      (error) => { console.error(error); process.exit(1); },
    );`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\S+)/.exec(output);
      if (match) resolveUrl(match[1]);
    });
    void exited.then(([code]) => reject(new Error(`PostgreSQL's process exited with ${code} before it was ready`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      // embedded-postgres stops its server on SIGINT, then the process exits.
      child.kill('SIGINT');
      await exited;
    },
  };
}
