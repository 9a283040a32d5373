import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The server's address in development; in production it serves client/dist itself. */
const serverUrl = `http://127.0.0.1:${process.env.PORT ?? 4321}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The case room chunk (Tiptap, ProseMirror, Yjs, zod) is ~650 kB; it loads only when a case opens.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/api': serverUrl,
      '/health': serverUrl,
      '/ws': { target: serverUrl, ws: true },
    },
  },
});
