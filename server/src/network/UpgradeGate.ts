import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ipKeyGenerator } from 'express-rate-limit';
import { ApiErrorCode } from '../http/apiErrors.ts';
import type { Log } from '../log.ts';
import { type AddressLimits, isExemptFromLimits } from './AddressLimits.ts';
import type { HostAllowlist } from './HostAllowlist.ts';
import type { LimitCounters } from './LimitCounters.ts';
import { LocalOpenConnections, type OpenConnections } from './OpenConnections.ts';
import { redactSecrets } from './redactSecrets.ts';
import type { TrustedProxies } from './TrustedProxies.ts';

/** The HTTP server's 'upgrade' listener signature. */
export type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** How long a client whose address has too many websockets open is told to wait. */
const WEBSOCKET_RETRY_AFTER_SECONDS = 30;

/**
 * Runs before the websocket transport sees an upgrade, and refuses with an HTTP status before
 * anything is upgraded:
 * - a Host this server does not answer to → 421 (DNS rebinding, as for HTTP);
 * - an Origin header that is not a page of this server → 403. A browser always sends Origin,
 *   so a page on another site cannot open a websocket here even with a stolen link; a
 *   request without Origin is not a browser (the CLI, a test client) and passes;
 * - more open websockets from the address than `limits.websockets` → 429 with Retry-After.
 *   The count goes down when the socket closes, however it closes. With `counters` (Redis) the
 *   count is the address's across every process (`OpenConnections.ts`).
 * Each upgrade gets one log line with the URL's secrets redacted.
 */
export class UpgradeGate {
  private readonly connections: OpenConnections;

  constructor(
    private readonly options: {
      hosts: HostAllowlist;
      trustedProxies: TrustedProxies;
      limits: AddressLimits;
      log: Log;
      /** The transport's upgrade listener, called for what passes. */
      next: UpgradeListener;
      /** With Redis (issue 14): open websockets are counted across processes; otherwise in this one. */
      counters?: LimitCounters;
    },
  ) {
    this.connections = options.counters?.connections ?? new LocalOpenConnections();
  }

  /** The HTTP server's 'upgrade' listener. */
  readonly handleUpgrade: UpgradeListener = (request, socket, head) => {
    const { hosts, trustedProxies, limits, log } = this.options;
    // Node removes its own error listener before 'upgrade': without one, a peer that resets
    // the connection while it is refused would crash the process. ws adds its own once it upgrades.
    socket.on('error', ignore);
    const forwardedFor = request.headers['x-forwarded-for'];
    const address = trustedProxies.clientAddress(request.socket.remoteAddress, forwardedFor);
    const fields = { path: redactSecrets(request.url), address };
    if (!hosts.allowsHost(request.headers.host)) {
      log('warn', 'websocket refused: host not allowed', { ...fields, host: request.headers.host ?? '' });
      refuse(socket, 421, 'Misdirected Request', {
        code: ApiErrorCode.HostNotAllowed,
        message: `This server does not answer to the host "${request.headers.host ?? ''}"; connect through ${hosts.expectedHost}.`,
        expectedHost: hosts.expectedHost,
      });
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !hosts.allowsOrigin(origin)) {
      log('warn', 'websocket refused: origin not allowed', { ...fields, origin });
      refuse(socket, 403, 'Forbidden', {
        code: ApiErrorCode.OriginNotAllowed,
        message: `A page from ${origin} may not connect to this server; open the case at ${hosts.expectedHost}.`,
        expectedHost: hosts.expectedHost,
      });
      return;
    }
    if (isExemptFromLimits(limits, address, forwardedFor)) {
      this.pass(request, socket, head, fields);
      return;
    }
    this.admit(request, socket, head, fields).catch((error: unknown) => {
      log('error', 'websocket upgrade failed', { ...fields, error });
      socket.destroy();
    });
  };

  /** Takes a place among the address's open websockets (across processes with Redis), or refuses with 429. */
  private async admit(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    fields: { path: string; address: string },
  ): Promise<void> {
    const { limits, log } = this.options;
    const admission = await this.connections.admit(ipKeyGenerator(fields.address), limits.websockets);
    if (!admission.admitted) {
      log('warn', 'websocket refused: too many from one address', { ...fields, open: admission.open });
      refuse(
        socket,
        429,
        'Too Many Requests',
        {
          code: ApiErrorCode.TooManyRequests,
          message: `Too many live connections from your address (at most ${limits.websockets} at once): close the tabs you do not use. Try again in ${WEBSOCKET_RETRY_AFTER_SECONDS} seconds.`,
        },
        { 'Retry-After': String(WEBSOCKET_RETRY_AFTER_SECONDS) },
      );
      return;
    }
    // The peer may have gone while Redis answered: give the place back at once.
    if (socket.destroyed) {
      admission.release();
      return;
    }
    socket.once('close', admission.release);
    this.pass(request, socket, head, fields);
  }

  private pass(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    fields: { path: string; address: string },
  ): void {
    this.options.log('info', 'websocket upgrade', fields);
    this.options.next(request, socket, head);
  }

  /** Open websockets counted for an address (tests). */
  openFrom(address: string): Promise<number> {
    return this.connections.openFrom(ipKeyGenerator(address));
  }
}

function ignore(): void {}

/** Answers an upgrade request with an HTTP error in the API's error shape and closes the socket. */
function refuse(
  socket: Duplex,
  status: number,
  reason: string,
  error: { code: ApiErrorCode; message: string; expectedHost?: string },
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ error });
  const lines = [
    `HTTP/1.1 ${status} ${reason}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
