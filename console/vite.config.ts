import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const apiOrigin = process.env['ROSTER_API'] ?? 'http://127.0.0.1:4000';

// `npm run dev` serves the console with hot reload and proxies the API to a running Roster.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiOrigin, ws: true, changeOrigin: true },
      '/pp/scim': { target: apiOrigin, changeOrigin: true },
    },
  },
});
