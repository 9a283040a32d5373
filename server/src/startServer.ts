import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloseCode } from '@caseroom/shared';
import type { AccessChange } from './access/AccessService.ts';
import { AccessService } from './access/AccessService.ts';
import { ensureFirstOrganisation, type FirstOrganisation } from './access/firstOrganisation.ts';
import { MemberAccess } from './access/MemberAccess.ts';
import { CaseService } from './cases/CaseService.ts';
import { CaseOwnership } from './cluster/CaseOwnership.ts';
import { ClusterBus } from './cluster/ClusterBus.ts';
import { ClusterNode } from './cluster/ClusterNode.ts';
import { ownerGate, serveForwarded } from './cluster/forwardedHttp.ts';
import { ACCESS_CHANNEL, decodeJson, encodeJson } from './cluster/tunnelFrames.ts';
import { DocumentRegistry } from './documents/DocumentRegistry.ts';
import { ExchangeService } from './exchange/ExchangeService.ts';
import { ExchangeWorkers } from './exchange/ExchangeWorkers.ts';
import { ActivityService } from './history/ActivityService.ts';
import { SnapshotService } from './history/SnapshotService.ts';
import { httpAddressLimits } from './http/addressLimits.ts';
import { createHttpApp } from './http/createHttpApp.ts';
import { fundRouter, libraryRouter } from './http/libraryRouter.ts';
import { lifecycleRouter } from './http/lifecycleRouter.ts';
import { portfolioRouter, requireMember } from './http/portfolioRouter.ts';
import { requireParty } from './http/requireParty.ts';
import { LibraryService } from './library/LibraryService.ts';
import { CaseLifecycle, scheduleRetentionSweep } from './lifecycle/CaseLifecycle.ts';
import { consoleLog, type Log } from './log.ts';
import { Metrics } from './metrics/Metrics.ts';
import { MetricsAllowlist } from './metrics/MetricsAllowlist.ts';
import { measuredStores } from './metrics/measuredStores.ts';
import { type AddressLimits, addressLimitsWith } from './network/AddressLimits.ts';
import { writeFacilitatorLinks } from './network/facilitatorLinkFile.ts';
import { HostAllowlist, parseAllowedHosts } from './network/HostAllowlist.ts';
import { LimitCounters } from './network/LimitCounters.ts';
import { NetworkConfigError } from './network/NetworkConfigError.ts';
import { isLoopbackHost, type NetworkFacts } from './network/NetworkFacts.ts';
import { parsePublicUrl } from './network/publicUrl.ts';
import { TrustedProxies } from './network/TrustedProxies.ts';
import { loadTlsCredentials, type TlsSource } from './network/tlsCredentials.ts';
import { UpgradeGate } from './network/UpgradeGate.ts';
import { PortfolioService } from './portfolio/PortfolioService.ts';
import { DataDirLock } from './storage/DataDirLock.ts';
import type { Stores } from './storage/Stores.ts';
import { openSqliteStores, type SqliteSynchronous } from './storage/sqliteStores.ts';
import { type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from './transport/Connection.ts';
import { WebSocketTransport } from './transport/WebSocketTransport.ts';
import { WorkshopService } from './workshop/WorkshopService.ts';

/** The repository's built client, relative to this file (server/src → client/dist). */
export const DEFAULT_CLIENT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'client', 'dist');

/** How to start a server. Only dataDir is required. */
export type StartServerOptions = {
  /** 0 (or absent in tests) picks a free port. Default 0. */
  port?: number;
  /** Interface to listen on (HOST). Default 127.0.0.1 (issue 10): only this machine. 0.0.0.0 = every interface. */
  host?: string;
  /** The address people use (PUBLIC_URL, an http(s) URL of the root): invite links are built from it. Default the listen URL. */
  publicUrl?: string;
  /** Serve HTTPS (and wss://) directly: a PEM certificate chain and private key (TLS_CERT_FILE, TLS_KEY_FILE). */
  tls?: TlsSource;
  /**
   * The reverse proxies whose X-Forwarded-For / -Proto are believed (TRUST_PROXY): addresses,
   * CIDR ranges, or loopback / linklocal / uniquelocal. Default none.
   */
  trustProxy?: string | readonly string[];
  /** More host names the server answers to besides PUBLIC_URL's and the listen address's (ALLOWED_HOSTS). */
  allowedHosts?: string | readonly string[];
  /** Per-address limits (docs/operations.md); unset fields keep DEFAULT_ADDRESS_LIMITS. */
  addressLimits?: Partial<AddressLimits>;
  /** Directory of the SQLite database (created if missing), the lock and the organisation's key file. */
  dataDir: string;
  /** A PostgreSQL URL (DATABASE_URL): the stores live there instead of SQLite in dataDir (issue 14). */
  databaseUrl?: string;
  /**
   * A Redis URL (REDIS_URL; needs databaseUrl): this process joins a cluster of processes that
   * share the database — one owner per case, browsers on other processes tunnelled to it (issue 14).
   */
  redisUrl?: string;
  /** How long a case's lease lasts unless renewed (cluster; default 6 s). */
  leaseMs?: number;
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
  /** Stores to use instead of SQLite in dataDir (tests: fault injection). The server closes them. */
  stores?: Stores;
  /** Who may read GET /metrics (METRICS_ALLOW): addresses, CIDR ranges or "loopback"; default loopback only. */
  metricsAllow?: string;
  log?: Log;
  /** Start the exchange worker thread at start-up rather than on the first export (main.ts: yes). */
  prewarmExports?: boolean;
  /** How long a websocket may take to send its link token (the first message). Default 5 s. */
  linkTokenTimeoutMs?: number;
  /** How often every socket is pinged (a peer that missed the previous ping is cut). Default 25 s. */
  pingIntervalMs?: number;
  /** How often archived cases past their organisation's retention are deleted (issue 15). Default hourly. */
  retentionSweepMs?: number;
  /** The clock archiving, the retention sweep and live documents read (tests: a fake one). Default Date.now. */
  now?: () => number;
};

/** A running server. */
export type RunningServer = {
  /** Where this machine reaches it: http(s)://127.0.0.1:PORT, or the listen address when it is not a wildcard. */
  url: string;
  /** The address people use (PUBLIC_URL, else `url`): links are built from it. */
  publicUrl: string;
  port: number;
  /**
   * The data directory's first organisation; `created` (with its `key`) when this start made it
   * — main.ts shows the key only on a terminal, the file `keyFile` holds it either way.
   */
  organisation: FirstOrganisation;
  /** Closes sockets (GoingAway), flushes and compacts every loaded case, closes the database. Idempotent. */
  close(): Promise<void>;
};

/**
 * Starts Caseroom's HTTP (or HTTPS) + websocket server on one port. A mistake in the network
 * options throws NetworkConfigError before anything is opened.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? consoleLog;
  const host = options.host ?? '127.0.0.1';
  // Filled in once the port is known (port 0 picks one) unless PUBLIC_URL says; read only when requests arrive.
  const network: NetworkFacts = {
    publicUrl: options.publicUrl === undefined ? '' : parsePublicUrl(options.publicUrl),
    beyondLoopback: !isLoopbackHost(host),
  };
  const tls = options.tls ? loadTlsCredentials(options.tls) : undefined;
  const trustedProxies = TrustedProxies.parse(options.trustProxy);
  const metricsAllow = MetricsAllowlist.parse(options.metricsAllow);
  const metrics = new Metrics();
  const hosts = HostAllowlist.build({ listenHost: host, network, extraHosts: parseAllowedHosts(options.allowedHosts) });
  const limits = addressLimitsWith(options.addressLimits);
  if (options.redisUrl && !options.databaseUrl && !options.stores) {
    throw new NetworkConfigError(
      'REDIS_URL needs DATABASE_URL: the processes of one cluster share one PostgreSQL database (each keeps its own data directory).',
    );
  }
  // Before the store opens: a second server on this data directory refuses to start (DataDirLock).
  const lock = DataDirLock.acquire(options.dataDir, { log });
  let stores: Stores;
  try {
    stores = measuredStores(
      options.stores ??
        (options.databaseUrl
          ? // Loaded only when used: the PostgreSQL driver has no business in an embedded server.
            await (await import('./storage/postgresStores.ts')).openPostgresStores(options.databaseUrl)
          : await openSqliteStores(options.dataDir, { synchronous: options.synchronous })),
      metrics,
    );
  } catch (error) {
    lock.release();
    throw error;
  }
  let organisation: FirstOrganisation;
  try {
    // Every case belongs to an organisation: a data directory without one gets its first now.
    organisation = await ensureFirstOrganisation(stores.organisations, options.dataDir, { log });
  } catch (error) {
    await stores.close();
    lock.release();
    throw error;
  }
  let cluster: ClusterNode | undefined;
  /** The per-address limits counted in Redis across the processes (issue 14). */
  let limitCounters: LimitCounters | undefined;
  if (options.redisUrl) {
    const ownership = new CaseOwnership(stores.owners, log, options.leaseMs);
    try {
      const bus = await ClusterBus.connect(options.redisUrl, { processId: ownership.processId, log });
      cluster = await ClusterNode.join(bus, ownership, log);
      limitCounters = await LimitCounters.connect(options.redisUrl, { log });
    } catch (error) {
      await limitCounters?.close();
      await cluster?.close();
      await cluster?.bus.close();
      await ownership.close();
      await stores.close();
      lock.release();
      throw error;
    }
    log('info', 'joined the cluster', { processId: ownership.processId });
  }
  const registry = new DocumentRegistry({
    ownership: cluster?.ownership,
    stores,
    log,
    unloadGraceMs: options.unloadGraceMs,
    compactEvery: options.compactEvery,
    storageRetryMs: options.storageRetryMs,
    caseQuotaBytes: options.caseQuotaBytes,
    now: options.now,
  });
  metrics.setOpenCases(() => registry.loadedDocuments().length);
  metrics.setQueueDepth(() => registry.loadedDocuments().reduce((sum, document) => sum + document.commitQueueDepth, 0));
  if (cluster) {
    const { bus } = cluster;
    metrics.setRedisLag(() => (bus.lagMs() ?? Number.NaN) / 1000);
  }
  const access = new AccessService(stores, { log });
  const cases = new CaseService(stores, registry, access);
  const snapshots = new SnapshotService(stores, registry, log);
  const activity = new ActivityService(stores, (caseId) => registry.get(caseId)?.flushActivity());
  const workshop = new WorkshopService(stores, registry, snapshots, log);
  const exchangeWorkers = new ExchangeWorkers(log, { prewarm: options.prewarmExports });
  const exchange = new ExchangeService(stores, registry, cases, exchangeWorkers, log);
  const members = new MemberAccess(stores, access, log);
  const portfolio = new PortfolioService(stores, registry, exchangeWorkers, activity);
  // Issue 15: archive, delete, template copies; archived cases past their organisation's retention go hourly.
  const lifecycle = new CaseLifecycle(stores, registry, cases, log, options.now);
  const stopRetentionSweep = scheduleRetentionSweep(lifecycle, log, options.retentionSweepMs);
  const transport = new WebSocketTransport({
    registry,
    access,
    log,
    maxPayload: options.maxPayload,
    limits: { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits },
    linkTokenTimeoutMs: options.linkTokenTimeoutMs,
    pingIntervalMs: options.pingIntervalMs,
    cluster,
    metrics,
  });
  const stopSharingAccess = cluster ? await shareAccessChanges(cluster, access, transport) : () => undefined;
  const httpLimits = httpAddressLimits(limits, log, limitCounters);
  const app = createHttpApp({
    cases,
    access,
    workshop,
    snapshots,
    activity,
    exchange,
    portfolio: fundRouter(
      portfolioRouter(access, members, portfolio, exchangeWorkers, network, log),
      lifecycleRouter(access, lifecycle, stores, registry, network),
      // Issue 15: the unit-value library (docs/library.md), curated by members, read by a case's parties.
      libraryRouter(
        new LibraryService(stores, cases, () => access.now()),
        requireMember(members),
        requireParty(access, 'anyParty'),
      ),
    ),
    clientDir: options.clientDir ?? DEFAULT_CLIENT_DIR,
    network,
    hosts,
    trustedProxies,
    limits: httpLimits,
    log,
    metrics,
    metricsAllow,
    ...(cluster ? { beforeApi: [ownerGate(cluster, log)] } : {}),
  });
  const forwarded = cluster ? await serveForwarded(app) : undefined;
  if (forwarded) cluster?.setHttpServer(forwarded.serve);
  const server: Server = tls ? createTlsServer({ cert: tls.cert, key: tls.key }, app) : createServer(app);
  const gate = new UpgradeGate({
    hosts,
    trustedProxies,
    limits,
    log,
    next: transport.handleUpgrade,
    counters: limitCounters,
  });
  server.on('upgrade', gate.handleUpgrade);

  let adopted: Awaited<ReturnType<AccessService['adoptCasesWithoutParties']>>;
  try {
    // Before listening: no case is ever reachable without a facilitator party.
    adopted = await access.adoptCasesWithoutParties();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    stopRetentionSweep();
    void exchangeWorkers.close();
    httpLimits.close();
    await limitCounters?.close();
    transport.close();
    await forwarded?.close();
    await registry.close();
    await cluster?.close();
    await cluster?.ownership.close();
    await cluster?.bus.close();
    await stores.close();
    lock.release();
    throw error;
  }
  const bound = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${reachableHost(host, bound.address)}:${bound.port}`;
  const port = bound.port;
  if (!network.publicUrl) network.publicUrl = url;
  if (adopted.length > 0) {
    // A11: links carry tokens, so they go to an owner-only file, never to stdout or the log.
    const written = writeFacilitatorLinks(options.dataDir, network.publicUrl, adopted);
    log('info', `${adopted.length} facilitator link(s) written to ${written.file}`, { file: written.file });
    if (written.readableByOthers) {
      log('warn', 'the facilitator links file can be read by other users; make it private (chmod 600)', {
        file: written.file,
      });
    }
  }
  logHowItIsReached(log, { url, network, tls: tls !== undefined, trustedProxies, hosts });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      httpLimits.close();
      // A drain in a cluster: the browsers reconnect at once and land on another process, which
      // takes each case over as soon as its lease is released below (after the flush).
      transport.close(cluster ? CloseCode.ServiceRestart : CloseCode.GoingAway);
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await serverClosed;
      await limitCounters?.close();
      await exchangeWorkers.close();
      stopSharingAccess();
      stopRetentionSweep();
      await forwarded?.close();
      // Cases are flushed and their leases released, so another process takes them over at once.
      await registry.close();
      await cluster?.ownership.close();
      await cluster?.close();
      await cluster?.bus.close();
      await stores.close();
      lock.release();
    })();
    return closing;
  };

  return { url, publicUrl: network.publicUrl, port, organisation, close };
}

/** The address this machine reaches the server at: 127.0.0.1 for a wildcard, else what was bound. */
function reachableHost(listenHost: string, boundAddress: string): string {
  if (listenHost === '' || listenHost === '0.0.0.0' || listenHost === '::' || listenHost === '[::]') return '127.0.0.1';
  return boundAddress.includes(':') ? `[${boundAddress}]` : boundAddress;
}

/** One line on how the server is reached, and a warning when tokens would cross a network in clear text. */
function logHowItIsReached(
  log: Log,
  facts: { url: string; network: NetworkFacts; tls: boolean; trustedProxies: TrustedProxies; hosts: HostAllowlist },
): void {
  const { url, network, tls, trustedProxies, hosts } = facts;
  log('info', 'network', {
    url,
    publicUrl: network.publicUrl,
    tls,
    trustProxy: trustedProxies.entries.join(',') || 'none',
    allowedHosts: hosts.list().join(','),
  });
  if (network.beyondLoopback && !tls && !network.publicUrl.startsWith('https:')) {
    log(
      'warn',
      'listening beyond this machine over plain HTTP: links and edits can be read on the network. Serve TLS (TLS_CERT_FILE, TLS_KEY_FILE) or put a TLS proxy in front and set PUBLIC_URL to its https:// address (docs/operations.md).',
    );
  }
  if (tls && network.publicUrl.startsWith('http:')) {
    log('warn', 'serving HTTPS but PUBLIC_URL starts with http://: invite links will not open', {
      publicUrl: network.publicUrl,
    });
  }
}

/**
 * Access changes travel to every process of the cluster (issue 14): a link rotated or ended
 * through one process closes its connections wherever they are — a connection tunnelled from
 * another process is run by the case's owner, which follows the change like any of its own.
 */
async function shareAccessChanges(
  cluster: ClusterNode,
  access: AccessService,
  transport: WebSocketTransport,
): Promise<() => void> {
  const stopTelling = access.onAccessChange((change) => {
    cluster.bus.publish(ACCESS_CHANNEL, encodeJson({ from: cluster.processId, change })).catch(() => undefined);
  });
  const unsubscribe = await cluster.bus.subscribe(ACCESS_CHANNEL, (bytes) => {
    const { from, change } = decodeJson<{ from: string; change: AccessChange }>(bytes);
    if (from !== cluster.processId) transport.followAccessChange(change);
  });
  return () => {
    stopTelling();
    void unsubscribe().catch(() => undefined);
  };
}
