import { fileURLToPath } from 'node:url';
import boundaries from 'eslint-plugin-boundaries';

/**
 * Which folder may import which (ARCHITECTURE.md, "Import rules"). Every file under api/src and
 * console/src belongs to one element (a folder); files of api/src itself and a few roles inside
 * modules are told apart by file category. An import no policy allows is an error.
 */
const folder = (type, pattern) => ({ type, pattern, partialMatch: false });
const elements = [
  folder('scim', 'api/src/scim/**'),
  folder('domain', 'api/src/domain/**'),
  folder('db', 'api/src/db/**'),
  folder('events', 'api/src/events/**'),
  folder('graphql', 'api/src/graphql/**'),
  folder('http', 'api/src/http/**'),
  folder('cli', 'api/src/cli/**'),
  folder('cluster', 'api/src/cluster/**'),
  folder('modules', 'api/src/modules/**'),
  folder('console', 'console/src/**'),
];

const files = [
  { category: 'graphql-types', pattern: 'api/src/modules/*/*.graphql.ts', partialMatch: false },
  { category: 'entity', pattern: 'api/src/modules/*/*.entity.ts', partialMatch: false },
  { category: 'kernel', pattern: 'api/src/{config,logger}.ts', partialMatch: false },
  { category: 'services', pattern: 'api/src/services.ts', partialMatch: false },
  // The rest of api/src itself: app.ts, main.ts and what they start.
  { category: 'composition', pattern: 'api/src/*.ts', partialMatch: false },
];

const el = (type, categories) => ({ element: { type }, ...(categories && { file: { categories } }) });
const rootFile = (categories) => ({ file: { categories } });
const allow = (from, to) => ({ from, allow: { to } });
const disallow = (from, to) => ({ from, disallow: { to } });

const KERNEL = rootFile('kernel');
const SERVICES = rootFile('services');
const COMPOSITION = rootFile('composition');
/** What domain code may use: the pure core, persistence, events and config/logging. */
const DOMAIN_SIDE = [el('modules'), el('scim'), el('domain'), el('db'), el('events'), KERNEL];

// Later policies win over earlier ones for the same import.
const policies = [
  allow(el('scim'), [el('scim'), el('domain')]),
  allow(el('domain'), el('domain')),
  allow(el('db'), [el('db'), el('domain'), KERNEL, el('modules', 'entity')]),
  allow(el('events'), [el('events'), el('db'), el('domain'), KERNEL]),
  allow(el('modules'), DOMAIN_SIDE),
  disallow(el('modules'), el('modules', 'graphql-types')),
  allow(el('modules', 'graphql-types'), [el('modules'), el('graphql')]),
  allow(el('graphql'), [...DOMAIN_SIDE, el('graphql'), SERVICES]),
  allow(el('http'), [...DOMAIN_SIDE, el('http'), SERVICES]),
  allow(el('cli'), [...DOMAIN_SIDE, el('cli'), SERVICES]),
  // WORKERS>1: the primary's supervision and the metrics it merges over IPC.
  allow(el('cluster'), [el('cluster'), el('http'), KERNEL]),
  allow(COMPOSITION, [...DOMAIN_SIDE, el('graphql'), el('http'), el('cli'), el('cluster'), SERVICES, COMPOSITION]),
  allow(SERVICES, DOMAIN_SIDE),
  allow(KERNEL, KERNEL),
  allow(el('console'), el('console')),
];

export const importRules = [
  {
    files: ['api/src/**/*.ts', 'console/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': fileURLToPath(new URL('..', import.meta.url)),
      'boundaries/elements': elements,
      'boundaries/files': files,
      // config.ts is kernel, not also composition: the first file pattern that matches decides.
      'boundaries/files-single-match': true,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'import/resolver': { [fileURLToPath(new URL('./resolve-ts-from-js.cjs', import.meta.url))]: {}, node: {} },
    },
    rules: {
      // checkInternals: imports inside one folder obey the rules too (a service may not import *.graphql.ts).
      'boundaries/dependencies': ['error', { default: 'disallow', checkInternals: true, policies }],
      // A file outside every element would escape the rules above.
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    // The resolver is loaded by eslint-module-utils with require().
    files: ['eslint/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests reach across folders on purpose (a SCIM test may print the GraphQL schema).
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'boundaries/dependencies': 'off' },
  },
];
