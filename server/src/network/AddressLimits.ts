/** A number of requests per time window. */
export type RateWindow = { limit: number; windowMs: number };

/**
 * What one client address may do (docs/operations.md). A whole city hall can sit behind one
 * NAT address, so each limit leaves room for at least 60 people working normally at once;
 * the limits are there against one machine that floods the server, not against a busy room.
 */
export type AddressLimits = {
  /** Calls to /api of every kind. A person's client makes a few a minute (the start page refreshes its list every 15 s). */
  apiCalls: RateWindow;
  /** POST /api/cases. */
  caseCreations: RateWindow;
  /** POST /api/cases/import (each is parsed and built in the export worker, up to 50 MiB). */
  imports: RateWindow;
  /** Open websocket connections at once (one per open case per browser tab). */
  websockets: number;
  /**
   * Whether requests from this machine itself (a loopback peer that sent no X-Forwarded-For:
   * the operator's tools, benchmarks, a local health check) count too. A reverse proxy on the
   * same machine sends X-Forwarded-For, so its traffic is limited: under the client's address
   * when TRUST_PROXY names it, else all under its own. Default false; tests turn it on.
   */
  limitLoopback: boolean;
};

const MINUTE = 60_000;

/**
 * The defaults, for 60 people behind one address: 3,000 API calls a minute (50 each), 120 new
 * cases and 60 imports per quarter of an hour (two and one each), 200 open websockets (three
 * tabs each, with room to spare).
 */
export const DEFAULT_ADDRESS_LIMITS: AddressLimits = {
  apiCalls: { limit: 3_000, windowMs: MINUTE },
  caseCreations: { limit: 120, windowMs: 15 * MINUTE },
  imports: { limit: 60, windowMs: 15 * MINUTE },
  websockets: 200,
  limitLoopback: false,
};

/** The defaults with the given fields replaced (startServer's `addressLimits` option). */
export function addressLimitsWith(overrides: Partial<AddressLimits> | undefined): AddressLimits {
  return { ...DEFAULT_ADDRESS_LIMITS, ...overrides };
}

/** Whether a request from this address is exempt from the limits (see `limitLoopback`). */
export function isExemptFromLimits(limits: AddressLimits, address: string, forwardedFor: unknown): boolean {
  if (limits.limitLoopback || forwardedFor !== undefined) return false;
  const bare = address.replace(/^::ffff:/i, '');
  return bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}
