import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The build carries the manifest of every operation the console sends (hash → text, written by codegen), so a
 * gateway serving this build can be told to run nothing else from browsers (HUB_TRUSTED_DOCUMENTS=only).
 */
function persistedDocuments(): Plugin {
  return {
    name: 'persisted-documents',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'persisted-documents.json', source: readFileSync(new URL('./src/gql/persisted-documents.json', import.meta.url), 'utf8') });
    },
  };
}

/**
 * The console is served by the gateway at `/` (same origin, so no CORS). `npm run dev:web` runs Vite's dev server
 * instead and forwards the hub's own paths to the running gateway (HUB_URL, http://localhost:4000 by default).
 */
const hub = process.env.HUB_URL ?? 'http://localhost:4000';
const forwarded = ['/graphql', '/dev-issuer', '/console/config.json', '/exports', '/health'];

export default defineConfig({
  plugins: [react(), persistedDocuments()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under /assets/: the gateway serves them as immutable.
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(forwarded.map((path) => [path, { target: hub, changeOrigin: false }])),
  },
});
