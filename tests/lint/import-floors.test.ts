import { resolve } from 'node:path';
import { ESLint } from 'eslint';

/**
 * The import floors are the linter's (eslint.config.js): a wrong arrow fails `npm test`.
 * Each probe is linted as if it stood at its path; none is written to disk.
 */
const root = resolve(__dirname, '..', '..');
const eslint = new ESLint({
  cwd: root,
  // The project's own config, handed over as it is (jest cannot let ESLint import it).
  overrideConfigFile: true,
  baseConfig: require(resolve(root, 'eslint.config.js')),
  // The probes are not in the TypeScript project: the rules that need types are not what is tested here.
  overrideConfig: [
    {
      languageOptions: { parserOptions: { project: null } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  ],
});

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const probe = 1;\n`, { filePath });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

it.each([
  ['libs/mail/probe.ts', "import { caseWorkflow } from '../../workflows/case.workflow';", 'libs/ may not import apps/ or workflows/'],
  ['libs/links/probe.ts', "import { createApi } from '../../apps/api/create-api';", 'libs/ may not import apps/ or workflows/'],
  ['libs/domain/probe.ts', "import { z } from 'zod';", 'libs/domain imports no package'],
  ['libs/domain/probe.ts', "import { readFileSync } from 'node:fs';", 'libs/domain imports no package'],
  ['libs/domain/probe.ts', "import { html } from '../html/html';", 'libs/domain imports only from libs/domain'],
  ['workflows/probe.ts', "import { createDataSource } from '../libs/persistence';", 'Workflows import only libs/domain and libs/workflow-contract'],
  ['workflows/probe.ts', "import { randomUUID } from 'node:crypto';", 'must stay deterministic'],
  ['workflows/probe.ts', "import { Client } from '@temporalio/client';", 'imports no package but @temporalio/workflow'],
  ['libs/workflow-contract/probe.ts', "import { Mailer } from '../mail/mailer';", 'The workflow contract imports only libs/domain'],
])('refuses in %s: %s', async (filePath, source, message) => {
  expect(await importErrors(filePath, source)).toContainEqual(expect.stringContaining(message));
});

it.each([
  ['libs/mail/probe.ts', "import type { ReminderRequest } from '../workflow-contract/case.activity-types';"],
  ['libs/domain/probe.ts', "import { waitingOn } from './case-queries';"],
  ['workflows/probe.ts', "import { condition } from '@temporalio/workflow';\nimport { openCase } from '../libs/domain';"],
  ['workflows/probe.ts', "import { STAGE_ATTRIBUTE } from '../libs/workflow-contract/search-attributes';"],
  ['apps/api/probe.ts', "import { caseWorkflow } from '../../workflows/case.workflow';"],
])('allows in %s: %s', async (filePath, source) => {
  expect(await importErrors(filePath, source)).toEqual([]);
});
