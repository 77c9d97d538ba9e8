const tseslint = require('typescript-eslint');
const { builtinModules } = require('node:module');

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

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
    // Workflow code is replayed: it may import only the workflow SDK and pure code.
    files: ['workflows/**/*.ts', 'libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow and domain code must stay deterministic.' })),
          patterns: [
            { group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'], message: 'Workflows import only @temporalio/workflow.' },
            { group: ['**/apps/**', '**/libs/persistence/**', '**/libs/temporal/**', '**/libs/config/**'], message: 'Workflows import only pure domain code.' },
          ],
        },
      ],
    },
  },
);
