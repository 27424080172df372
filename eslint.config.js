import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importRules } from './eslint/import-rules.js';

// One way to listen (ARCHITECTURE.md): followChannel or streamChannel, which parse every payload.
const ONE_WAY_TO_LISTEN = {
  selector: "CallExpression[callee.object.name='events'][callee.property.name='subscribe']",
  message: 'Listen with followChannel or streamChannel (api/src/events/event-stream.ts), not EventBus.subscribe.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'console/dist/', 'console/src/gql/', '.data/', 'coverage/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in api/src/config.ts only.' },
      ],
    },
  },
  {
    files: ['api/src/scim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@mikro-orm/*', 'graphql-yoga', 'pg', 'node:http', 'graphql'], message: 'The SCIM protocol layer stays free of I/O.' },
          ],
        },
      ],
    },
  },
  {
    // One way to listen (ARCHITECTURE.md): followChannel or streamChannel, which parse every payload.
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/events/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ONE_WAY_TO_LISTEN,
      ],
    },
  },
  {
    // Edges translate, services decide (ARCHITECTURE.md): a module's failure is a DomainError that
    // each protocol renders once. Kept in one entry with the rule above, since a later entry's
    // no-restricted-syntax would replace it for these files.
    files: ['api/src/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ONE_WAY_TO_LISTEN,
        {
          selector: "NewExpression[callee.name='ScimError']",
          message: 'A module throws DomainError; the SCIM edge (http/scim/scim-reply.ts) renders it as a SCIM error.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'api/test/**/*.ts', 'console/e2e/**/*.ts', 'api/bench/**/*.ts'],
    rules: { 'max-lines': 'off', 'no-restricted-properties': 'off' },
  },
  {
    // The only readers of the environment: config parsing, the MikroORM CLI entry and the dev server.
    files: ['api/src/config.ts', 'api/src/db/mikro-orm.config.ts', 'console/vite.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...importRules,
);
