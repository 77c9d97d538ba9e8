import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** `npm install` says in one line what to install when python3 with pip is missing, and stops. */
it('stops with one line naming what to install when no python3 with pip is found', () => {
  const project = mkdtempSync(join(tmpdir(), 'overens-install-'));
  try {
    mkdirSync(join(project, 'scripts'));
    copyFileSync(resolve(__dirname, '..', '..', 'scripts', 'install-tools.js'), join(project, 'scripts', 'install-tools.js'));
    // A PATH with node and nothing else: no python3 to be found.
    const result = spawnSync(process.execPath, [join(project, 'scripts', 'install-tools.js')], {
      env: { PATH: dirname(process.execPath) },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('needs python3 (3.11 or newer) with pip')]);
    expect(result.stderr).toContain('apt-get install python3 python3-pip');
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

it('needs no python at all when every tool is there or skipped', () => {
  const result = spawnSync(process.execPath, [resolve(__dirname, '..', '..', 'scripts', 'install-tools.js')], {
    env: { PATH: dirname(process.execPath), TEMPORAL_CLI_PATH: '/bin/false', OVERENS_SKIP_TEST_TOOLS: '1' },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
});
