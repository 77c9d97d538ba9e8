import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const servers = globalThis.__overensTestServers;
  if (!servers) return;
  await servers.outbox.stop();
  await servers.temporal.stop();
  await servers.postgres.stop();
  rmSync(servers.runDir, { recursive: true, force: true });
}
