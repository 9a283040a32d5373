import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, CONNECTION_BOUNDS } from '@caseroom/shared';
import WebSocket, { WebSocketServer } from 'ws';
import { AccessDenial, type AccessService } from '../access/AccessService.ts';
import { tokenFromUrl } from '../access/tokens.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Log } from '../log.ts';
import { Connection, type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from './Connection.ts';
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
  /** Interval of the ping that finds dead sockets (a socket silent for two intervals is dropped). */
  pingIntervalMs?: number;
  /** Rates, buffers and quota per connection (default DEFAULT_CONNECTION_LIMITS). */
  limits?: ConnectionLimits;
};

/**
 * The websocket side of the HTTP server: accepts upgrades on /ws/<caseId>, opens the case's
 * document through the registry, and hands each socket to a Connection. Frames that arrive
 * while the document loads are queued and replayed in order. Unknown paths get a 404 before
 * the upgrade; unknown cases, refused tokens (docs/access.md A5) and cases whose storage failed
 * are accepted and closed with a named close code, because a browser only sees close codes,
 * never an HTTP status. When a link is rotated, every connection that used the old token is
 * closed with LinkRevoked at once (A9).
 */
export class WebSocketTransport {
  private readonly server: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly connections = new Set<Connection>();
  private readonly stopListening: () => void;
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pingTimer: NodeJS.Timeout;
  private nextConnectionId = 1;
  /** Server work per party and case, shared by that party's connections (and its reconnections). */
  private readonly workBudgets = new Map<string, TokenBucket>();
  private readonly limits: ConnectionLimits;
  private closed = false;

  constructor(private readonly options: WebSocketTransportOptions) {
    this.limits = options.limits ?? DEFAULT_CONNECTION_LIMITS;
    this.server = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? MAX_PAYLOAD_BYTES });
    this.pingTimer = setInterval(() => this.pingAll(), options.pingIntervalMs ?? 30_000);
    this.pingTimer.unref();
    this.stopListening = options.access.onRevoke(({ caseId, partyId, tokenHashes }) => {
      const revoked = new Set(tokenHashes);
      for (const connection of [...this.connections]) {
        if (connection.caseId !== caseId || !revoked.has(connection.identity.tokenHash)) continue;
        options.log('info', 'connection closed: link revoked', { caseId, connectionId: connection.id, partyId });
        connection.close(CloseCode.LinkRevoked, 'link revoked');
      }
    });
  }

  /** The HTTP server's 'upgrade' listener. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const caseId = parseCasePath(request.url);
    if (this.closed || caseId === undefined) {
      const status = this.closed ? '503 Service Unavailable' : '404 Not Found';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const token = tokenFromUrl(request.url);
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, caseId, token));
  };

  /** Closes every socket with GoingAway and stops accepting (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pingTimer);
    this.stopListening();
    for (const ws of this.sockets) ws.close(CloseCode.GoingAway, 'server shutting down');
    this.server.close();
  }

  private accept(ws: WebSocket, caseId: string, token: string | undefined): void {
    const connectionId = `c${this.nextConnectionId++}`;
    const { registry, log } = this.options;
    this.sockets.add(ws);
    this.alive.add(ws);
    let connection: Connection | undefined;
    let admitted = false;
    const queued: { frame: Uint8Array; isBinary: boolean }[] = [];

    ws.on('message', (data, isBinary) => {
      // Before admission nothing is kept: a refused socket's frames are dropped unread.
      if (!admitted) return;
      if (connection) {
        connection.receive(toUint8Array(data), isBinary);
        return;
      }
      if (queued.length >= MAX_QUEUED_FRAMES) {
        log('warn', 'closing connection: too many frames while the case loads', { caseId, connectionId });
        this.refuse(ws, CloseCode.TooManyMessages, 'too many messages');
        return;
      }
      queued.push({ frame: toUint8Array(data), isBinary });
    });
    ws.on('pong', () => this.alive.add(ws));
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes the socket itself (1009 for a frame over maxPayload, 1002 for a protocol error).
      log('warn', 'websocket error; connection closed', { caseId, connectionId, reason: error.code ?? error.message });
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      if (connection) this.connections.delete(connection);
      connection?.detach();
    });

    if (!isWellFormedCaseId(caseId)) {
      log('info', 'connection to unknown case refused', { caseId, connectionId });
      this.refuse(ws, CloseCode.CaseNotFound, 'case not found');
      return;
    }
    // Checked before loading, so a refused token never makes the server load a case.
    if (!this.admit(ws, caseId, connectionId, token)) return;
    admitted = true;
    registry.open(caseId).then(
      (document) => {
        if (ws.readyState !== WebSocket.OPEN) return;
        if (!document) {
          log('info', 'connection to unknown case refused', { caseId, connectionId });
          this.refuse(ws, CloseCode.CaseNotFound, 'case not found');
          return;
        }
        if (document.storageFailed) {
          this.refuse(ws, CloseCode.StorageUnavailable, 'storage unavailable');
          return;
        }
        // Again after the load: the link may have been rotated meanwhile.
        const grant = this.admit(ws, caseId, connectionId, token);
        if (!grant) {
          admitted = false;
          queued.length = 0;
          return;
        }
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
        for (const { frame, isBinary } of queued.splice(0)) connection.receive(frame, isBinary);
      },
      (error: unknown) => {
        log('error', 'could not load case', { caseId, connectionId, error });
        queued.length = 0;
        if (ws.readyState === WebSocket.OPEN) this.refuse(ws, CloseCode.StorageUnavailable, 'storage unavailable');
      },
    );
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

  /** Checks the token (A5); on refusal closes the socket with the matching code and returns undefined. */
  private admit(ws: WebSocket, caseId: string, connectionId: string, token: string | undefined) {
    const check = this.options.access.check(caseId, token);
    if (check.ok) return { party: check.party, tokenHash: check.tokenHash };
    if (check.reason === AccessDenial.CaseNotFound) {
      this.options.log('info', 'connection to unknown case refused', { caseId, connectionId });
      this.refuse(ws, CloseCode.CaseNotFound, 'case not found');
      return undefined;
    }
    this.options.log('info', 'connection refused', { caseId, connectionId, reason: check.reason });
    if (check.reason === AccessDenial.TokenRevoked) this.refuse(ws, CloseCode.LinkRevoked, 'link revoked');
    else this.refuse(ws, CloseCode.Unauthorized, 'unauthorized');
    return undefined;
  }

  /**
   * Closes a socket that will not be served with a named code, stops reading from it (its
   * frames would only be dropped) and cuts it if the closing handshake does not finish soon.
   */
  private refuse(ws: WebSocket, code: number, reason: string): void {
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
