import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ipKeyGenerator } from 'express-rate-limit';
import { ApiErrorCode } from '../http/apiErrors.ts';
import type { Log } from '../log.ts';
import { type AddressLimits, isExemptFromLimits } from './AddressLimits.ts';
import type { HostAllowlist } from './HostAllowlist.ts';
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
 *   The count goes down when the socket closes, however it closes.
 * Each upgrade gets one log line with the URL's secrets redacted.
 */
export class UpgradeGate {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly options: {
      hosts: HostAllowlist;
      trustedProxies: TrustedProxies;
      limits: AddressLimits;
      log: Log;
      /** The transport's upgrade listener, called for what passes. */
      next: UpgradeListener;
    },
  ) {}

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
    if (!isExemptFromLimits(limits, address, forwardedFor)) {
      const key = ipKeyGenerator(address);
      const count = this.open.get(key) ?? 0;
      if (count >= limits.websockets) {
        log('warn', 'websocket refused: too many from one address', { ...fields, open: count });
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
      this.open.set(key, count + 1);
      socket.once('close', () => {
        const left = (this.open.get(key) ?? 1) - 1;
        if (left > 0) this.open.set(key, left);
        else this.open.delete(key);
      });
    }
    log('info', 'websocket upgrade', fields);
    this.options.next(request, socket, head);
  };

  /** Open websockets counted for an address (tests). */
  openFrom(address: string): number {
    return this.open.get(ipKeyGenerator(address)) ?? 0;
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
