import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node resolves graphql 16 to its CommonJS build (as Pothos and Yoga load it); Vite would
    // pick the .mjs one and graphql would see two copies of itself.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          // Server, flows and browser tests share one embedded PostgreSQL; they run in Node.
          name: 'server',
          include: ['api/**/*.test.ts', 'console/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['api/test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The SCIM, GraphQL and Delete All Users suites again, with the app behind PgBouncer in
          // transaction mode (DATABASE_URL) and DATABASE_DIRECT_URL for LISTEN and migrations.
          name: 'pgbouncer',
          include: [
            'api/test/scim-{rfc,entra,okta,concurrency,malformed,tenant-isolation,access,large-group}.test.ts',
            'api/test/graphql-{http,websocket,authorization,tenant-isolation}.test.ts',
            'api/test/directory-graphql.test.ts',
            'api/test/bulk-delete-replicas.test.ts',
            'api/src/modules/bulk-delete/*.test.ts',
          ],
          environment: 'node',
          globalSetup: ['api/test/global-setup-pgbouncer.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The console's own code: helpers and components, in a simulated DOM, no database.
          name: 'console',
          include: ['console/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['console/src/testing/dom-setup.ts'],
          restoreMocks: true,
          unstubGlobals: true,
        },
      },
    ],
  },
});
