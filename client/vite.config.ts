import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/** The server's address in development; in production it serves client/dist itself. */
const serverUrl = `http://127.0.0.1:${process.env.PORT ?? 4321}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    // Brotli and gzip copies beside each file (x.js.br, x.js.gz), made once at build time so the
    // server only picks one by Accept-Encoding (server/src/http/clientAssets.ts) and never
    // compresses per request. Files that would not get smaller are left alone.
    compression({ algorithms: ['brotliCompress', 'gzip'] }),
  ],
  // The case room chunk (Tiptap, ProseMirror, Yjs, zod) is ~650 kB; it loads only when a case opens.
  // Every file Vite writes under assets/ carries a content hash in its name: the server caches
  // those for a year (immutable) and never index.html.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/api': serverUrl,
      '/health': serverUrl,
      '/ws': { target: serverUrl, ws: true },
    },
  },
});
