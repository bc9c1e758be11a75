import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './bundleBudget.ts';

// The server owns every non-static path; in development Vite serves the client and forwards
// the rest, so the session cookie stays same-origin exactly as in production.
const server = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    // The public watch page is opened on phones on poor connections: the build fails when its
    // JavaScript (gzipped) outgrows this budget.
    // It measures 173.5 KB: no zod (about 25 KB gzipped). The protocol keeps each module's schemas
    // in `<module>Schemas.ts`, apart from the views and names the watch page reads, and the page
    // checks its key with `secretIn`, not the `secret` schema: a bundler keeps a module whole, so
    // one schema reached from this page would bring zod back (and break this budget).
    bundleBudget([{ route: 'src/features/watch/WatchPage.tsx', maxKb: 177 }]),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
