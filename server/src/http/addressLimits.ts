import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, type Options, rateLimit, type Store } from 'express-rate-limit';
import { isForwardedHere } from '../cluster/forwardedHttp.ts';
import type { Log } from '../log.ts';
import { type AddressLimits, isExemptFromLimits, type RateWindow } from '../network/AddressLimits.ts';
import type { LimitCounters } from '../network/LimitCounters.ts';
import { redactSecrets } from '../network/redactSecrets.ts';
import { ApiErrorCode, sendError } from './apiErrors.ts';
import { SharedRateStore } from './sharedRateStore.ts';

/** The HTTP side of the per-address limits (the websocket side is UpgradeGate). */
export type HttpAddressLimits = {
  /** Every call under /api. */
  apiCalls: RequestHandler;
  /** POST /api/cases. */
  caseCreations: RequestHandler;
  /** POST /api/cases/import. */
  imports: RequestHandler;
  /** Stops the stores' timers (server close). */
  close(): void;
};

/**
 * Per-address limits through express-rate-limit: a fixed window per limit, in this process's
 * memory — or, given `counters` (a server with Redis, issue 14), in Redis, one key per limit and
 * address (`caseroom:rl:<limit>:<address>`), so that every process behind a load balancer counts
 * the same hits. While Redis does not answer each process counts on its own and nobody is refused
 * for the outage (`SharedRateStore`). The address is `req.ip`, which is X-Forwarded-For's only when
 * the request came from a trusted proxy; IPv6 addresses count per /56 (one household or office).
 * Over a limit: 429 `{ error: { code: 'tooManyRequests', message } }` saying when to try again,
 * with Retry-After and the standard RateLimit headers.
 */
export function httpAddressLimits(limits: AddressLimits, log: Log, counters?: LimitCounters): HttpAddressLimits {
  const stores: (MemoryStore | SharedRateStore)[] = [];
  const limiter = (window: RateWindow, what: string, name: keyof AddressLimits): RequestHandler => {
    const store = counters ? new SharedRateStore(counters, `caseroom:rl:${name}:`) : new MemoryStore();
    stores.push(store);
    return rateLimit({
      windowMs: window.windowMs,
      limit: window.limit,
      store: store satisfies Store,
      // Never refuse because counting failed (SharedRateStore already falls back to memory).
      passOnStoreError: true,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
      // A request another process forwarded here was counted where it arrived (issue 14).
      skip: (req) => isForwardedHere(req) || isExemptFromLimits(limits, req.ip ?? '', req.headers['x-forwarded-for']),
      handler: (req, res) => {
        const seconds = retryAfterSeconds(req, window);
        log('warn', 'request refused: over a per-address limit', {
          limit: what,
          address: req.ip ?? '',
          path: redactSecrets(req.originalUrl),
        });
        sendError(
          res,
          429,
          ApiErrorCode.TooManyRequests,
          `Too many ${what} from your address (at most ${window.limit} in ${describeWindow(window.windowMs)}). Try again in ${seconds} seconds.`,
        );
      },
      // An X-Forwarded-For from an untrusted peer is ignored on purpose (TrustedProxies), not a mistake to warn about.
      validate: { xForwardedForHeader: false, forwardedHeader: false },
      logger: {
        warn: (error, message) => log('warn', message ?? 'rate limiter warning', { error }),
        error: (error, message) => log('error', message ?? 'rate limiter error', { error }),
      },
    } satisfies Partial<Options>);
  };
  return {
    apiCalls: limiter(limits.apiCalls, 'requests', 'apiCalls'),
    caseCreations: limiter(limits.caseCreations, 'new cases', 'caseCreations'),
    imports: limiter(limits.imports, 'imports', 'imports'),
    close: () => {
      for (const store of stores) store.shutdown();
    },
  };
}

function retryAfterSeconds(req: Request, window: RateWindow): number {
  const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const ms = resetTime ? resetTime.getTime() - Date.now() : window.windowMs;
  return Math.max(1, Math.ceil(ms / 1000));
}

function describeWindow(ms: number): string {
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'an hour' : `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return ms === 60_000 ? 'a minute' : `${ms / 60_000} minutes`;
  return `${Math.ceil(ms / 1000)} seconds`;
}
