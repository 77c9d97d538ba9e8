import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a running developer stack's servers are, kept in its data folder, so that the
 * operator's commands (read-model:rebuild) find them without being told.
 */
const FILE = 'stack.json';

export interface StackAddresses {
  readonly DATABASE_URL: string;
  readonly TEMPORAL_ADDRESS: string;
  readonly TEMPORAL_NAMESPACE: string;
}

export function writeStackAddresses(dataDir: string, addresses: StackAddresses): void {
  // The URL holds the embedded server's password: the developer's eyes only.
  writeFileSync(join(dataDir, FILE), `${JSON.stringify(addresses, null, 2)}\n`, { mode: 0o600 });
}

/** The variables a stack in `dataDir` left, or none; the environment's own values win. */
export function withStackAddresses(env: NodeJS.ProcessEnv, dataDir = env.OVERENS_DATA_DIR || '.data'): NodeJS.ProcessEnv {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return env;
  const addresses = JSON.parse(readFileSync(file, 'utf8')) as Partial<StackAddresses>;
  return { ...addresses, ...Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')) };
}
