/**
 * A server under benchmark, in its own process so that its memory and CPU are its own:
 *   caseroom   — startServer (SQLite in a temp dir, every update committed before relay);
 *                caseroom-full: SQLite synchronous=FULL; caseroom-memory: SQLite in memory (openSqliteStores(':memory:'))
 *   caseroom-cluster — startServer on PostgreSQL (BENCH_DATABASE_URL) joined to the cluster through
 *                Redis (BENCH_REDIS_URL): start several against one database (issue 14)
 *   reference  — @y/websocket-server 0.1.1's setupWSConnection on a plain http + ws server
 *                (in memory, no persistence)
 * Talks to the parent over IPC: sends { type: 'ready', port }, answers 'memory' (memory and CPU time) and
 * 'retained' (the same after a full collection: needs --expose-gc), exits on 'stop'.
 * BENCH_UNLOAD_GRACE_MS: how long Caseroom keeps a case nobody is connected to (default 30 s).
 * BENCH_PROF_WINDOW=<dir>: a CPU profile of the measured window only ('profile-start' … 'profile-stop'),
 * written as <dir>/<kind>-<pid>.cpuprofile (cpuProfileTop.ts reads it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { openSqliteStores, type SqliteSynchronous, silentLog, startServer } from '@caseroom/server';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

type Running = { port: number; close: () => Promise<void> };

type Storage = { synchronous: SqliteSynchronous; inMemory?: boolean; databaseUrl?: string; redisUrl?: string };

async function startCaseroom({ synchronous, inMemory, databaseUrl, redisUrl }: Storage): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'caseroom-bench-'));
  const stores = inMemory ? await openSqliteStores(':memory:') : undefined;
  const unloadGraceMs = process.env.BENCH_UNLOAD_GRACE_MS ? Number(process.env.BENCH_UNLOAD_GRACE_MS) : undefined;
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    log: silentLog,
    synchronous,
    stores,
    databaseUrl,
    redisUrl,
    unloadGraceMs,
  });
  return {
    port: server.port,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startReference(): Promise<Running> {
  const server = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const docName = (request.url ?? '/').replace(/^\/ws\//, '').split('?')[0] ?? '';
    wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request, { docName }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const kind = process.argv[2];
function storageOf(serverKind: string | undefined): Storage {
  if (serverKind === 'caseroom-full') return { synchronous: 'FULL' };
  if (serverKind === 'caseroom-memory') return { synchronous: 'NORMAL', inMemory: true };
  if (serverKind !== 'caseroom-cluster') return { synchronous: 'NORMAL' };
  const { BENCH_DATABASE_URL: databaseUrl, BENCH_REDIS_URL: redisUrl } = process.env;
  if (!databaseUrl || !redisUrl) throw new Error('caseroom-cluster needs BENCH_DATABASE_URL and BENCH_REDIS_URL');
  return { synchronous: 'NORMAL', databaseUrl, redisUrl };
}

const running = kind === 'reference' ? await startReference() : await startCaseroom(storageOf(kind));
process.send?.({ type: 'ready', port: running.port });
process.on('message', (message) => {
  if (message === 'memory' || message === 'retained') {
    if (message === 'retained') (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send?.({ type: 'memory', rss, heapUsed, heapTotal, external, arrayBuffers, cpuMicros: user + system });
  } else if (typeof message === 'string' && message.startsWith('snapshot:')) {
    // A heap snapshot of the server, to see what it retains: BENCH_HEAP_SNAPSHOT-<name>.heapsnapshot.
    const file = writeHeapSnapshot(
      `${process.env.BENCH_HEAP_SNAPSHOT}-${message.slice('snapshot:'.length)}.heapsnapshot`,
    );
    process.send?.({ type: 'snapshot', file });
  } else if (message === 'profile-start' || message === 'profile-stop') {
    void windowProfile(message).then(() => process.send?.({ type: message }));
  } else if (message === 'stop') {
    void running.close().then(() => process.exit(0));
  }
});

let profiler: Session | undefined;
async function windowProfile(step: 'profile-start' | 'profile-stop'): Promise<void> {
  const dir = process.env.BENCH_PROF_WINDOW;
  if (!dir) return;
  if (step === 'profile-start') {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return;
  }
  if (!profiler) return;
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(join(dir, `${kind}-${process.pid}.cpuprofile`), JSON.stringify(profile));
  profiler.disconnect();
  profiler = undefined;
}
