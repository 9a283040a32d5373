import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, CONNECTION_BOUNDS, decodeLinkToken, MESSAGE_LINK_TOKEN, type Party } from '@caseroom/shared';
import WebSocket, { WebSocketServer } from 'ws';
import { type AccessChange, AccessDenial, type AccessService } from '../access/AccessService.ts';
import { tokenParameter } from '../access/tokens.ts';
import type { ClusterNode } from '../cluster/ClusterNode.ts';
import type { RemoteSocket } from '../cluster/RemoteSocket.ts';
import type { TunnelOpen, TunnelOpened } from '../cluster/tunnelFrames.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Log } from '../log.ts';
import type { Metrics } from '../metrics/Metrics.ts';
import { Connection, type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from './Connection.ts';
import { ExpiryTimers } from './ExpiryTimers.ts';
import { TokenBucket } from './rateLimit.ts';

/**
 * The largest frame a client may send (8 MiB, CONNECTION_BOUNDS): a client that edited offline
 * sends everything it has in one sync step 2, and a case within its bounds is a few hundred
 * KiB to a few MiB of Yjs update even after months of edits. Each frame is decoded in full
 * before the guard decides, so this bounds what one message can cost (see CONTEXT.md).
 */
export const MAX_PAYLOAD_BYTES = CONNECTION_BOUNDS.maxPayloadBytes;

/** How long a refused socket may take to finish its closing handshake before it is cut. */
const REFUSED_SOCKET_GRACE_MS = 500;

/** Frames a socket may send while its case loads; more close it (a client waits for the server's step 1). */
const MAX_QUEUED_FRAMES = 64;

/**
 * Frames and bytes a socket may send before its link-token message (a y-websocket client that
 * sends its sync step 1 and presence first); more close it. Nobody is known yet: keep little.
 */
export const MAX_FRAMES_BEFORE_TOKEN = 8;
export const MAX_BYTES_BEFORE_TOKEN = 64 * 1024;

/** How long a socket without a token in its URL has to send its link-token message. */
export const LINK_TOKEN_TIMEOUT_MS = 5_000;

/**
 * The keepalive ping: under the 30 s after which municipal proxies drop an idle connection. A
 * socket that has not answered the previous ping when the next is due is dead and is cut.
 */
export const PING_INTERVAL_MS = 25_000;

/** Where case websockets live: /ws/<caseId> (what y-websocket's WebsocketProvider connects to). */
export const WS_PATH_PREFIX = '/ws/';

/** Case ids in a URL: what the server creates (base64url), nothing else. */
const CASE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Tuning of the transport. */
export type WebSocketTransportOptions = {
  registry: DocumentRegistry;
  access: AccessService;
  log: Log;
  maxPayload?: number;
  /** Interval of the keepalive ping that also finds dead sockets (default PING_INTERVAL_MS, 25 s). */
  pingIntervalMs?: number;
  /** How long a socket may take to send its link-token message (default LINK_TOKEN_TIMEOUT_MS, 5 s). */
  linkTokenTimeoutMs?: number;
  /** Rates, buffers and quota per connection (default DEFAULT_CONNECTION_LIMITS). */
  limits?: ConnectionLimits;
  /**
   * The cluster this process is part of (issue 14): a socket for a case another process owns is
   * tunnelled to that owner; connections tunnelled here from other processes are hosted.
   */
  cluster?: ClusterNode;
  /** Counts the open websockets (caseroom_connections). */
  metrics?: Metrics;
};

/** A frame as it arrived, kept until the socket has a Connection. */
type QueuedFrame = { frame: Uint8Array; isBinary: boolean };

/**
 * The websocket side of the HTTP server: accepts upgrades on /ws/<caseId>, opens the case's
 * document through the registry, and hands each socket to a Connection.
 *
 * Admission (docs/access.md A4, A5, A13): the Caseroom client sends its link's token as the
 * first message (type 101, `shared/src/protocol/linkToken.ts`); a stock y-websocket client may
 * put it in the URL (`?token=`, the compatibility path). Until the token is known nothing is
 * processed: up to MAX_FRAMES_BEFORE_TOKEN frames are kept (more close the socket), and a socket
 * without a token after LINK_TOKEN_TIMEOUT_MS is closed Unauthorized. The token is checked before
 * the case is loaded and again after; frames that arrive meanwhile are queued and replayed in
 * order. Unknown paths get a 404 before the upgrade; unknown cases, refused tokens and cases
 * whose storage failed are accepted and closed with a named close code, because a browser only
 * sees close codes, never an HTTP status.
 *
 * While connected: a rotated link's connections close with LinkRevoked, an ended party's with
 * AccessEnded, and a link's with LinkExpired when its time comes — at once, whatever they are doing.
 */
export class WebSocketTransport {
  private readonly server: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly connections = new Set<Connection>();
  private readonly stopListening: () => void;
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pingTimer: NodeJS.Timeout;
  /** Sockets waiting for their link-token message, and the timer that gives up on them. */
  private readonly tokenWaits = new Map<WebSocket, NodeJS.Timeout>();
  private readonly expiries: ExpiryTimers<Connection>;
  private nextConnectionId = 1;
  /** Server work per party and case, shared by that party's connections (and its reconnections). */
  private readonly workBudgets = new Map<string, TokenBucket>();
  private readonly limits: ConnectionLimits;
  private closed = false;

  constructor(private readonly options: WebSocketTransportOptions) {
    this.limits = options.limits ?? DEFAULT_CONNECTION_LIMITS;
    this.server = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? MAX_PAYLOAD_BYTES });
    this.pingTimer = setInterval(() => this.pingAll(), options.pingIntervalMs ?? PING_INTERVAL_MS);
    this.pingTimer.unref();
    this.expiries = new ExpiryTimers(options.access.now, (connection) => {
      this.recheck(connection).catch((error: unknown) => {
        options.log('warn', 'link could not be checked again; checked at the next expiry', {
          caseId: connection.caseId,
          connectionId: connection.id,
          error,
        });
      });
    });
    this.stopListening = options.access.onAccessChange((change) => this.follow(change));
    options.cluster?.setAdmitter((request, socket) => this.admitRemote(request, socket));
  }

  /** An access change made on another process (issue 14): this process's connections follow it too. */
  followAccessChange(change: AccessChange): void {
    this.follow(change);
  }

  /**
   * Owner: admits a connection whose browser reached another process, which checked its link
   * (the database is shared). It runs here like any other: guard, presence, sync, relaying.
   */
  private async admitRemote(request: TunnelOpen, socket: RemoteSocket): Promise<TunnelOpened> {
    const { registry, log, cluster } = this.options;
    if (this.closed || !cluster) return { ok: false, code: CloseCode.ServiceRestart, reason: 'server restarting' };
    const route = await cluster.ownership.route(request.caseId);
    if (!route) return { ok: false, code: CloseCode.CaseNotFound, reason: 'case not found' };
    if (route.owner !== 'self')
      return { ok: false, code: CloseCode.ServiceRestart, reason: 'case moved to another server' };
    const document = await registry.open(request.caseId);
    if (!document) return { ok: false, code: CloseCode.CaseNotFound, reason: 'case not found' };
    if (document.storageFailed) return { ok: false, code: CloseCode.StorageUnavailable, reason: 'storage unavailable' };
    const connection = new Connection(
      request.connId,
      socket,
      document,
      log,
      { party: request.party, tokenHash: request.tokenHash },
      this.limits,
      this.workBudget(request.caseId, request.party.id),
    );
    this.connections.add(connection);
    cluster.host(request.connId, {
      receive: (message) => connection.receive(message, true),
      detach: () => {
        socket.closedRemotely();
        connection.detach();
        this.connections.delete(connection);
        this.expiries.forget(connection);
      },
    });
    connection.start();
    this.expiries.watch(connection, request.expiresAt);
    log('info', 'tunnelled connection admitted', { caseId: request.caseId, connectionId: request.connId });
    return { ok: true };
  }

  /** The HTTP server's 'upgrade' listener. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const caseId = parseCasePath(request.url);
    if (this.closed || caseId === undefined) {
      const status = this.closed ? '503 Service Unavailable' : '404 Not Found';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const urlToken = tokenParameter(request.url);
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, caseId, urlToken));
  };

  /**
   * Closes every socket and stops accepting (idempotent): GoingAway by default; in a cluster
   * ServiceRestart — a drain: the browsers reconnect at once and another process serves them
   * (issue 14).
   */
  close(code: number = CloseCode.GoingAway): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pingTimer);
    for (const timer of this.tokenWaits.values()) clearTimeout(timer);
    this.tokenWaits.clear();
    this.expiries.clear();
    this.stopListening();
    for (const ws of this.sockets) ws.close(code, 'server shutting down');
    this.server.close();
  }

  /**
   * One socket from upgrade to Connection: waits for the link token (unless the URL carried
   * one), checks it, loads the case, checks again, then joins. `urlToken` is the URL's
   * `token` parameter as sent ('' for an empty one), undefined when the URL has none.
   */
  private accept(ws: WebSocket, caseId: string, urlToken: string | undefined): void {
    const connectionId = `c${this.nextConnectionId++}`;
    const { registry, log, cluster } = this.options;
    /** Set while the socket is tunnelled to the case's owner on another process (issue 14). */
    let tunnel: string | undefined;
    this.sockets.add(ws);
    this.options.metrics?.connectionOpened();
    this.alive.add(ws);
    let connection: Connection | undefined;
    let phase: 'awaitingToken' | 'loading' | 'refused' = 'loading';
    const queued: QueuedFrame[] = [];
    let queuedBytes = 0;

    /** Whether the socket was refused meanwhile (read through a function: awaits in between). */
    const refused = () => phase === 'refused';
    /** Nothing more is read from this socket (it is being closed). */
    const drop = () => {
      phase = 'refused';
      queued.length = 0;
      this.stopWaitingForToken(ws);
    };
    const refuse = (code: number, reason: string) => {
      drop();
      this.refuse(ws, code, reason);
    };

    /** Checks the token before loading, loads, checks again (a rotation or an end may land in between), joins. */
    const admitAndJoin = async (token: string) => {
      phase = 'loading';
      // Checked before loading, so a refused token never makes the server load a case.
      const first = await this.admit(ws, caseId, connectionId, token);
      if (!first) {
        drop();
        return;
      }
      if (ws.readyState !== WebSocket.OPEN || refused()) return;
      if (cluster) {
        const route = await cluster.ownership.route(caseId);
        if (!route) {
          refuse(CloseCode.CaseNotFound, 'case not found');
          return;
        }
        if (route.owner === 'remote') {
          await tunnelTo(route.ownerId, first);
          return;
        }
      }
      await registry.open(caseId).then(
        async (document) => {
          if (ws.readyState !== WebSocket.OPEN || refused()) return;
          if (!document) {
            log('info', 'connection to unknown case refused', { caseId, connectionId });
            refuse(CloseCode.CaseNotFound, 'case not found');
            return;
          }
          if (document.storageFailed) {
            refuse(CloseCode.StorageUnavailable, 'storage unavailable');
            return;
          }
          const grant = await this.admit(ws, caseId, connectionId, token);
          if (!grant) {
            drop();
            return;
          }
          if (ws.readyState !== WebSocket.OPEN || refused()) return;
          connection = new Connection(
            connectionId,
            ws,
            document,
            log,
            grant,
            this.limits,
            this.workBudget(caseId, grant.party.id),
          );
          this.connections.add(connection);
          connection.start();
          this.expiries.watch(connection, grant.expiresAt);
          for (const { frame, isBinary } of queued.splice(0)) connection.receive(frame, isBinary);
        },
        (error: unknown) => {
          log('error', 'could not load case', { caseId, connectionId, error });
          if (ws.readyState === WebSocket.OPEN) refuse(CloseCode.StorageUnavailable, 'storage unavailable');
        },
      );
    };

    /**
     * Follower (issue 14): the case's owner is another process; the socket's frames go to it and
     * its frames come back. The owner runs the connection; here only what the browser's socket
     * needs: a reader that does not read is cut off here, where its buffer is.
     */
    const tunnelTo = async (ownerId: string, grant: { party: Party; tokenHash: string; expiresAt?: number }) => {
      if (!cluster) return;
      const connId = `${cluster.processId}/${connectionId}`;
      const opened = await cluster
        .openTunnel(
          ownerId,
          { kind: 'open', caseId, connId, party: grant.party, tokenHash: grant.tokenHash, expiresAt: grant.expiresAt },
          {
            deliver: (message) => {
              if (ws.readyState !== WebSocket.OPEN) return;
              if (ws.bufferedAmount > this.limits.maxBufferedBytes) {
                log('warn', 'closing connection: slow consumer', { caseId, connectionId: connId });
                cluster.closeTunnel(connId);
                refuse(CloseCode.SlowConsumer, 'slow consumer');
                return;
              }
              ws.send(message);
            },
            close: (code, reason) => {
              tunnel = undefined;
              refuse(code, reason);
            },
          },
        )
        .catch((error: unknown): TunnelOpened => {
          log('warn', 'the case owner did not admit the connection', { caseId, connectionId: connId, ownerId, error });
          // 1013 "try again later": the browser reconnects; by then the case has a live owner.
          return { ok: false, code: CloseCode.TryAgainLater, reason: 'case owner unavailable' };
        });
      if (!opened.ok) {
        refuse(opened.code, opened.reason);
        return;
      }
      if (ws.readyState !== WebSocket.OPEN || refused()) {
        cluster.closeTunnel(connId);
        return;
      }
      tunnel = connId;
      for (const { frame } of queued.splice(0)) void cluster.forward(connId, frame).catch(() => undefined);
    };

    ws.on('message', (data, isBinary) => {
      if (connection) {
        connection.receive(toUint8Array(data), isBinary);
        return;
      }
      if (tunnel !== undefined && cluster) {
        if (!isBinary) {
          log('warn', 'closing connection: malformed message', { caseId, connectionId: tunnel, reason: 'text frame' });
          cluster.closeTunnel(tunnel);
          refuse(CloseCode.MalformedMessage, 'malformed message');
          return;
        }
        cluster.forward(tunnel, toUint8Array(data)).catch(() => {
          // Redis is down: the browser is told to come back (its edits stay in its own copy).
          if (tunnel !== undefined) cluster.closeTunnel(tunnel);
          refuse(CloseCode.TryAgainLater, 'case owner unreachable');
        });
        return;
      }
      // A refused socket's frames are dropped unread.
      if (phase === 'refused') return;
      const frame = toUint8Array(data);
      if (phase === 'awaitingToken') {
        const token = isBinary ? decodeLinkToken(frame) : undefined;
        if (token !== undefined) {
          this.stopWaitingForToken(ws);
          join(token);
          return;
        }
        if (isBinary && frame[0] === MESSAGE_LINK_TOKEN) {
          log('info', 'connection refused', { caseId, connectionId, reason: 'malformedLinkToken' });
          refuse(CloseCode.Unauthorized, 'unauthorized');
          return;
        }
        if (queued.length >= MAX_FRAMES_BEFORE_TOKEN || queuedBytes + frame.length > MAX_BYTES_BEFORE_TOKEN) {
          log('info', 'connection refused', { caseId, connectionId, reason: 'tooMuchBeforeLinkToken' });
          refuse(CloseCode.Unauthorized, 'unauthorized');
          return;
        }
      } else if (queued.length >= MAX_QUEUED_FRAMES) {
        log('warn', 'closing connection: too many frames while the case loads', { caseId, connectionId });
        refuse(CloseCode.TooManyMessages, 'too many messages');
        return;
      }
      queued.push({ frame, isBinary });
      queuedBytes += frame.length;
    });
    ws.on('pong', () => this.alive.add(ws));
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes the socket itself (1009 for a frame over maxPayload, 1002 for a protocol error).
      log('warn', 'websocket error; connection closed', { caseId, connectionId, reason: error.code ?? error.message });
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.options.metrics?.connectionClosed();
      this.stopWaitingForToken(ws);
      if (tunnel !== undefined) cluster?.closeTunnel(tunnel);
      if (connection) {
        this.connections.delete(connection);
        this.expiries.forget(connection);
      }
      connection?.detach();
    });

    if (!isWellFormedCaseId(caseId)) {
      log('info', 'connection to unknown case refused', { caseId, connectionId });
      refuse(CloseCode.CaseNotFound, 'case not found');
      return;
    }
    const join = (token: string) => {
      admitAndJoin(token).catch((error: unknown) => {
        log('error', 'could not admit the connection', { caseId, connectionId, error });
        refuse(CloseCode.StorageUnavailable, 'storage unavailable');
      });
    };
    if (urlToken !== undefined) {
      join(urlToken);
      return;
    }
    // The token comes in the first message. An unknown case is said at once (as with a URL token).
    phase = 'awaitingToken';
    this.options.access.check(caseId, undefined).then(
      (known) => {
        if (known.ok || known.reason !== AccessDenial.CaseNotFound || phase !== 'awaitingToken') return;
        log('info', 'connection to unknown case refused', { caseId, connectionId });
        refuse(CloseCode.CaseNotFound, 'case not found');
      },
      (error: unknown) => {
        log('error', 'could not admit the connection', { caseId, connectionId, error });
        refuse(CloseCode.StorageUnavailable, 'storage unavailable');
      },
    );
    const timer = setTimeout(() => {
      log('info', 'connection refused', { caseId, connectionId, reason: AccessDenial.TokenMissing });
      refuse(CloseCode.Unauthorized, 'no link token');
    }, this.options.linkTokenTimeoutMs ?? LINK_TOKEN_TIMEOUT_MS);
    timer.unref();
    this.tokenWaits.set(ws, timer);
  }

  private stopWaitingForToken(ws: WebSocket): void {
    const timer = this.tokenWaits.get(ws);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.tokenWaits.delete(ws);
  }

  /** Open connections follow access changes at once (A9, A13). */
  private follow(change: AccessChange): void {
    const { log } = this.options;
    for (const connection of [...this.connections]) {
      if (connection.caseId !== change.caseId || connection.partyId !== change.partyId) continue;
      const fields = { caseId: change.caseId, connectionId: connection.id, partyId: change.partyId };
      switch (change.kind) {
        case 'rotated':
          if (!change.tokenHashes.includes(connection.identity.tokenHash)) continue;
          log('info', 'connection closed: link revoked', fields);
          this.expiries.forget(connection);
          connection.close(CloseCode.LinkRevoked, 'link revoked');
          break;
        case 'ended':
          log('info', 'connection closed: access ended', fields);
          this.expiries.forget(connection);
          connection.close(CloseCode.AccessEnded, 'access ended');
          break;
        case 'expiry':
          this.expiries.watch(connection, change.expiresAt);
          break;
      }
    }
  }

  /** A connection's expiry came: closed with LinkExpired unless the link was extended meanwhile. */
  private async recheck(connection: Connection): Promise<void> {
    const check = await this.options.access.recheck(connection.caseId, connection.identity.tokenHash);
    if (check.ok) {
      this.expiries.watch(connection, check.expiresAt);
      return;
    }
    this.options.log('info', 'connection closed: link no longer valid', {
      caseId: connection.caseId,
      connectionId: connection.id,
      partyId: connection.partyId,
      reason: check.reason,
    });
    connection.close(closeCodeFor(check.reason), check.reason);
  }

  private workBudget(caseId: string, partyId: string): TokenBucket {
    const key = `${caseId}/${partyId}`;
    let budget = this.workBudgets.get(key);
    if (!budget) {
      // Bounded by the number of parties that ever connected; a full bucket holds nothing to remember.
      if (this.workBudgets.size > 10_000) this.workBudgets.clear();
      budget = new TokenBucket(this.limits.workMsPerSecond, this.limits.workBurstMs);
      this.workBudgets.set(key, budget);
    }
    return budget;
  }

  /** Checks the token (A5, A13); on refusal closes the socket with the matching code and returns undefined. */
  private async admit(ws: WebSocket, caseId: string, connectionId: string, token: string) {
    const check = await this.options.access.check(caseId, token);
    if (check.ok && check.archived) {
      // Issue 15: an archived case is read-only; nobody edits it live until it is restored.
      this.options.log('info', 'connection to archived case refused', { caseId, connectionId });
      this.refuse(ws, CloseCode.CaseArchived, 'case archived');
      return undefined;
    }
    if (check.ok) return { party: check.party, tokenHash: check.tokenHash, expiresAt: check.expiresAt };
    if (check.reason === AccessDenial.CaseNotFound) {
      this.options.log('info', 'connection to unknown case refused', { caseId, connectionId });
    } else {
      this.options.log('info', 'connection refused', { caseId, connectionId, reason: check.reason });
    }
    this.refuse(ws, closeCodeFor(check.reason), check.reason);
    return undefined;
  }

  /**
   * Closes a socket that will not be served with a named code, stops reading from it (its
   * frames would only be dropped) and cuts it if the closing handshake does not finish soon.
   */
  private refuse(ws: WebSocket, code: number, reason: string): void {
    if (ws.readyState === WebSocket.CLOSING || ws.readyState === WebSocket.CLOSED) return;
    ws.close(code, reason);
    ws.pause();
    setTimeout(() => ws.terminate(), REFUSED_SOCKET_GRACE_MS).unref();
  }

  private pingAll(): void {
    for (const ws of this.sockets) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}

/** The close code a browser is told for why its link does not (or no longer) open the case. */
function closeCodeFor(reason: AccessDenial): number {
  switch (reason) {
    case AccessDenial.CaseNotFound:
      return CloseCode.CaseNotFound;
    case AccessDenial.TokenRevoked:
      return CloseCode.LinkRevoked;
    case AccessDenial.AccessEnded:
      return CloseCode.AccessEnded;
    case AccessDenial.LinkExpired:
      return CloseCode.LinkExpired;
    case AccessDenial.TokenMissing:
    case AccessDenial.TokenInvalid:
      return CloseCode.Unauthorized;
  }
}

/**
 * The case id part of a websocket URL (/ws/<caseId>, query ignored), or undefined for any
 * other path. The id may still be one the server never made (see isWellFormedCaseId).
 */
export function parseCasePath(url: string | undefined): string | undefined {
  const path = (url ?? '').split('?')[0] ?? '';
  if (!path.startsWith(WS_PATH_PREFIX)) return undefined;
  const id = path.slice(WS_PATH_PREFIX.length);
  return id.length > 0 && !id.includes('/') ? id : undefined;
}

/** Whether a string has the shape of the case ids the server creates. */
export function isWellFormedCaseId(id: string): boolean {
  return CASE_ID_PATTERN.test(id);
}

/** A copy of the frame as one exact Uint8Array (ws may hand out a Buffer, a list of Buffers or an ArrayBuffer). */
function toUint8Array(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(data);
}
