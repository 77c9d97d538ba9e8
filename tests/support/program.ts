import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testServers } from './test-servers';

/**
 * One of our compiled programs (dist/apps/…) in a process of its own, as production runs
 * it; resolves once it prints `readyLine`.
 */
export async function startProgram(app: 'api' | 'worker', env: NodeJS.ProcessEnv, readyLine: string): Promise<ChildProcess> {
  const script = resolve(__dirname, '..', '..', 'dist', 'apps', app, 'main.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first (npm test does).`);
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...(app === 'worker' ? workerMailSettings() : {}), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  while (!output.includes(readyLine)) {
    if (child.exitCode !== null) throw new Error(`the ${app} exited with ${child.exitCode}`);
    await sleep(100);
  }
  return child;
}

/** The worker sends e-mail with the parties' links: to the run's outbox, unless a test says otherwise. */
function workerMailSettings(): NodeJS.ProcessEnv {
  return {
    OVERENS_SMTP_URL: testServers().outboxSmtpUrl,
    OVERENS_LINK_SECRET: 'test-link-secret-of-the-worker-programs',
    OVERENS_PUBLIC_URL: 'http://127.0.0.1:3000',
  };
}
