const tseslint = require('typescript-eslint');
const { builtinModules } = require('node:module');

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const deterministic = nodeBuiltins.map((name) => ({ name, message: 'Workflow code is replayed: it must stay deterministic.' }));
/** Workflow code may use these packages and no other. */
const onlyWorkflowPackages = {
  regex: '^(?!\\.|@temporalio/(workflow|common)$)',
  message: 'Workflow code imports no package but @temporalio/workflow (and @temporalio/common).',
};

/** Workflow code (and what it shares): no Node built-in, no package but the SDK's, and only these relative imports. */
function workflowFloor(folder, outsideRegex, message) {
  return {
    files: [`${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { paths: deterministic, patterns: [onlyWorkflowPackages, { regex: outsideRegex, message }] }],
    },
  };
}

/**
 * The arrows of the house, enforced: apps → workflows → libs/workflow-contract → libs/domain;
 * libs never import apps or workflows, and libs/domain imports nothing but itself.
 */
module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.data/**', '.test-data/**', '*.js', 'scripts/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)(apps|workflows)(/|$)', message: 'libs/ may not import apps/ or workflows/.' }] },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^[^.]', message: 'libs/domain imports no package: the rules are plain functions.' },
            { regex: '^\\.\\./(?!domain(/|$))', message: 'libs/domain imports only from libs/domain.' },
          ],
        },
      ],
    },
  },
  workflowFloor('libs/workflow-contract', '^\\.\\./(?!domain(/|$))', 'The workflow contract imports only libs/domain.'),
  workflowFloor('workflows', '^\\.\\./(?!libs/(domain|workflow-contract)(/|$))', 'Workflows import only libs/domain and libs/workflow-contract.'),
);
