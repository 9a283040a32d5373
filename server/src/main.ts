/**
 * Composition root: reads the environment, starts the server, prints where it listens, and
 * shuts down cleanly (flush, compact, close the database, release the data directory's lock) on
 * SIGINT / SIGTERM. Exits with 1 and a message naming the holder if another Caseroom process
 * already uses the data directory.
 *   PORT               default 4321 (0 picks a free port)
 *   HOST               default: all interfaces
 *   CASEROOM_DATA_DIR  default ./data under the working directory
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CLIENT_DIR, type RunningServer, startServer } from './startServer.ts';
import { DataDirLockedError } from './storage/DataDirLock.ts';

const port = Number(process.env.PORT ?? 4321);
const dataDir = resolve(process.env.CASEROOM_DATA_DIR ?? './data');

let server: RunningServer;
try {
  server = await startServer({ port, host: process.env.HOST || undefined, dataDir, prewarmExports: true });
} catch (error) {
  // Another server holds the data directory: say which, and do not start (no stack trace).
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(error.message);
  process.exit(1);
}
console.log(`Caseroom listening on ${server.url} (data in ${dataDir})`);
if (!existsSync(join(DEFAULT_CLIENT_DIR, 'index.html'))) {
  console.log(`No built client in ${DEFAULT_CLIENT_DIR}: run "pnpm build" to serve the app; the API works without it.`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('error during shutdown', error);
        process.exit(1);
      },
    );
  });
}
