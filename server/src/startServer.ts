import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AccessService } from './access/AccessService.ts';
import { CaseService } from './cases/CaseService.ts';
import { DocumentRegistry } from './documents/DocumentRegistry.ts';
import { ExchangeService } from './exchange/ExchangeService.ts';
import { ExchangeWorkers } from './exchange/ExchangeWorkers.ts';
import { ActivityService } from './history/ActivityService.ts';
import { SnapshotService } from './history/SnapshotService.ts';
import { createHttpApp } from './http/createHttpApp.ts';
import { consoleLog, type Log } from './log.ts';
import { isLoopbackHost, type NetworkFacts } from './network/NetworkFacts.ts';
import { DataDirLock } from './storage/DataDirLock.ts';
import type { DocumentStore } from './storage/DocumentStore.ts';
import { SqliteDocumentStore, type SqliteSynchronous } from './storage/SqliteDocumentStore.ts';
import { type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from './transport/Connection.ts';
import { WebSocketTransport } from './transport/WebSocketTransport.ts';
import { WorkshopService } from './workshop/WorkshopService.ts';

/** The repository's built client, relative to this file (server/src → client/dist). */
export const DEFAULT_CLIENT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'client', 'dist');

/** How to start a server. Only dataDir is required. */
export type StartServerOptions = {
  /** 0 (or absent in tests) picks a free port. Default 0. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1 (issue 10): only this machine. */
  host?: string;
  /** The address people use (PUBLIC_URL): invite links are built from it. Default the listen address. */
  publicUrl?: string;
  /** Directory of the SQLite database (created if missing). */
  dataDir: string;
  /** The built client to serve; default client/dist of this repository. */
  clientDir?: string;
  /** How long a case nobody is connected to stays loaded. Default 30 s. */
  unloadGraceMs?: number;
  /** Compact a case's update log after this many updates. Default 500. */
  compactEvery?: number;
  /** How often to retry a failed store write. Default 2 s. */
  storageRetryMs?: number;
  /** SQLite synchronous mode (see CONTEXT.md). Default NORMAL. */
  synchronous?: SqliteSynchronous;
  /** Largest websocket frame accepted, in bytes. Default 8 MiB (CONNECTION_BOUNDS). */
  maxPayload?: number;
  /** Stored bytes one case may hold (issue 9). Default STORAGE_BOUNDS.caseQuotaBytes (64 MiB). */
  caseQuotaBytes?: number;
  /** Per-connection rates and send buffer (issue 9); unset fields keep their defaults. */
  connectionLimits?: Partial<ConnectionLimits>;
  /** A store to use instead of SQLite in dataDir (tests: fault injection). The server closes it. */
  store?: DocumentStore;
  log?: Log;
  /**
   * Where the facilitator links of cases from before access existed are printed, once, at
   * start-up (docs/access.md A11). Default console.log — deliberately not the Log, which
   * never carries a token.
   */
  printLink?: (line: string) => void;
  /** Start the exchange worker thread at start-up rather than on the first export (main.ts: yes). */
  prewarmExports?: boolean;
};

/** A running server. */
export type RunningServer = {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Closes sockets (GoingAway), flushes and compacts every loaded case, closes the database. Idempotent. */
  close(): Promise<void>;
};

/** Starts Caseroom's HTTP + websocket server on one port. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? consoleLog;
  // Before the store opens: a second server on this data directory refuses to start (DataDirLock).
  const lock = DataDirLock.acquire(options.dataDir, { log });
  let store: DocumentStore;
  try {
    store = options.store ?? new SqliteDocumentStore(options.dataDir, { synchronous: options.synchronous });
  } catch (error) {
    lock.release();
    throw error;
  }
  const registry = new DocumentRegistry({
    store,
    log,
    unloadGraceMs: options.unloadGraceMs,
    compactEvery: options.compactEvery,
    storageRetryMs: options.storageRetryMs,
    caseQuotaBytes: options.caseQuotaBytes,
  });
  const access = new AccessService(store, { log });
  const cases = new CaseService(store, registry, access);
  const snapshots = new SnapshotService(store, registry, log);
  const activity = new ActivityService(store, (caseId) => registry.get(caseId)?.flushActivity());
  const workshop = new WorkshopService(store, registry, snapshots, log);
  const exchangeWorkers = new ExchangeWorkers(log, { prewarm: options.prewarmExports });
  const exchange = new ExchangeService(store, registry, cases, exchangeWorkers, log);
  const transport = new WebSocketTransport({
    registry,
    access,
    log,
    maxPayload: options.maxPayload,
    limits: { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits },
  });
  // Filled in once the port is known (port 0 picks one); read only when requests arrive.
  const network: NetworkFacts = {
    publicUrl: options.publicUrl?.replace(/\/+$/, '') ?? '',
    beyondLoopback: !isLoopbackHost(options.host ?? '127.0.0.1'),
  };
  const app = createHttpApp({
    cases,
    access,
    workshop,
    snapshots,
    activity,
    exchange,
    clientDir: options.clientDir ?? DEFAULT_CLIENT_DIR,
    network,
    log,
  });
  const server = createServer(app);
  server.on('upgrade', transport.handleUpgrade);

  let adopted: ReturnType<AccessService['adoptCasesWithoutParties']>;
  try {
    // Before listening: no case is ever reachable without a facilitator party.
    adopted = access.adoptCasesWithoutParties();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    void exchangeWorkers.close();
    transport.close();
    registry.close();
    store.close();
    lock.release();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  if (!network.publicUrl) network.publicUrl = url;
  const printLink = options.printLink ?? ((line: string) => console.log(line));
  for (const { caseId, title, token } of adopted) {
    printLink(`Facilitator link for "${title ?? ''}": ${url}/case/${caseId}?token=${token}`);
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      transport.close();
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await serverClosed;
      await exchangeWorkers.close();
      registry.close();
      store.close();
      lock.release();
    })();
    return closing;
  };

  return { url, port, close };
}
