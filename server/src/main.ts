/**
 * Composition root: reads the environment, starts the server, prints where it listens (never a
 * token), and shuts down cleanly (flush, compact, close the database, release the data
 * directory's lock) on SIGINT / SIGTERM. Exits with 1 and a message naming the holder if another
 * Caseroom process already uses the data directory, or saying what is wrong with a network
 * setting (docs/operations.md).
 *   PORT               default 4321 (0 picks a free port)
 *   HOST               default 127.0.0.1 (this machine only); 0.0.0.0 = every interface
 *   PUBLIC_URL         the address people open (invite links); default the listen address
 *   TLS_CERT_FILE, TLS_KEY_FILE   serve HTTPS / wss:// directly with this PEM certificate and key
 *   TRUST_PROXY        the reverse proxy address(es) whose X-Forwarded-For / -Proto are believed
 *   ALLOWED_HOSTS      more host names the server answers to (DNS rebinding allowlist)
 *   CASEROOM_DATA_DIR  default ./data under the working directory (SQLite, the lock, the organisation key file)
 *   DATABASE_URL       postgres://… : keep the cases in PostgreSQL instead of SQLite (issue 14)
 *   REDIS_URL          redis://… (with DATABASE_URL): join the cluster of processes sharing that database
 *   CASEROOM_LEASE_MS  how long a case's lease lasts in a cluster (default 6000)
 *   METRICS_ALLOW      who may read GET /metrics: addresses, CIDR ranges, `loopback` (default loopback)
 *   CASEROOM_MAX_FRAME_MIB      largest websocket frame in MiB (default 8)
 *   CASEROOM_CASE_QUOTA_MIB     stored bytes per case in MiB (default 64)
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeRedis } from './cluster/ClusterBus.ts';
import { ClusterError } from './cluster/clusterErrors.ts';
import { NetworkConfigError } from './network/NetworkConfigError.ts';
import { networkEnv } from './network/networkEnv.ts';
import { DEFAULT_CLIENT_DIR, type RunningServer, startServer } from './startServer.ts';
import { DataDirLockedError } from './storage/DataDirLock.ts';
import { describeDatabase } from './storage/postgresUrl.ts';
import { isStorageFailure } from './storage/storageFailure.ts';

const port = Number(process.env.PORT ?? 4321);
const dataDir = resolve(process.env.CASEROOM_DATA_DIR ?? './data');
const mib = (name: string): number | undefined => {
  const value = Number(process.env[name]);
  if (process.env[name] === undefined || process.env[name] === '') return undefined;
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} must be a positive number of MiB, not "${process.env[name]}"`);
    process.exit(1);
  }
  return Math.round(value * 1024 * 1024);
};
const databaseUrl = process.env.DATABASE_URL || undefined;
const redisUrl = process.env.REDIS_URL || undefined;
const leaseMs = process.env.CASEROOM_LEASE_MS ? Number(process.env.CASEROOM_LEASE_MS) : undefined;
if (leaseMs !== undefined && !(Number.isInteger(leaseMs) && leaseMs >= 500)) {
  console.error(
    `CASEROOM_LEASE_MS must be a whole number of milliseconds, at least 500, not "${process.env.CASEROOM_LEASE_MS}"`,
  );
  process.exit(1);
}
const maxPayload = mib('CASEROOM_MAX_FRAME_MIB');
const caseQuotaBytes = mib('CASEROOM_CASE_QUOTA_MIB');

let server: RunningServer;
try {
  server = await startServer({
    port,
    ...networkEnv(process.env),
    dataDir,
    databaseUrl,
    redisUrl,
    leaseMs,
    metricsAllow: process.env.METRICS_ALLOW || undefined,
    prewarmExports: true,
    maxPayload,
    caseQuotaBytes,
  });
} catch (error) {
  // Another server holds the data directory, or a network setting is wrong: say so, and do
  // not start (no stack trace).
  if (redisUrl && error instanceof ClusterError) {
    console.error(`Cannot join the cluster through Redis at ${describeRedis(redisUrl)} (REDIS_URL): ${error.message}`);
    process.exit(1);
  }
  if (databaseUrl && isStorageFailure(error)) {
    console.error(
      `Cannot use the PostgreSQL database ${describeDatabase(databaseUrl)} (DATABASE_URL): ${(error as Error).message}`,
    );
    process.exit(1);
  }
  if (!(error instanceof DataDirLockedError) && !(error instanceof NetworkConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const publicNote = server.publicUrl === server.url ? '' : `, people open ${server.publicUrl}`;
const where = databaseUrl ? `PostgreSQL ${describeDatabase(databaseUrl)}` : dataDir;
console.log(`Caseroom listening on ${server.url} (data in ${where}${publicNote})`);
const { organisation } = server;
if (organisation.created) {
  // The key opens case creation for anyone who has it: shown on a terminal only, never in a service's log.
  const name = organisation.organisation.name;
  console.log(
    process.stdout.isTTY && organisation.key
      ? `Organisation "${name}" created. Its key: ${organisation.key} (also in ${organisation.keyFile}, readable only by you)`
      : `Organisation "${name}" created; its key is in ${organisation.keyFile} (readable only by this user).`,
  );
}
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
