import {
  type ClientRateLimitInfo,
  type IncrementResponse,
  MemoryStore,
  type Options,
  type Store,
} from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { LimitCounters } from '../network/LimitCounters.ts';

/**
 * An express-rate-limit store that counts in Redis (rate-limit-redis: one key per address and
 * limit, `<prefix><address>`, a fixed window that starts at the address's first hit), so every
 * process behind a load balancer sees one count (issue 14).
 *
 * When Redis does not answer, the hit is counted in this process's memory instead and the
 * request goes on — the limit as for one process, never a refusal because of the outage (the
 * outage is logged once by LimitCounters). Once Redis answers again counting resumes there; keys
 * a restart lost start again from zero.
 *
 * rate-limit-redis loads its Lua scripts once, at `init`, and keeps the promise: a load that
 * failed (Redis down at start-up) would fail every later increment. After any failure the
 * scripts are loaded again on the next hit.
 */
export class SharedRateStore implements Store {
  /** Keys are shared between processes (express-rate-limit's double-count check is per process). */
  readonly localKeys = false;
  readonly prefix: string;
  private readonly shared: RedisStore;
  private readonly fallback = new MemoryStore();
  private scriptsFailed = false;

  constructor(counters: LimitCounters, prefix: string) {
    this.prefix = prefix;
    this.shared = new RedisStore({ sendCommand: counters.sendCommand, prefix });
  }

  init(options: Options): void {
    this.fallback.init(options);
    this.shared.windowMs = options.windowMs;
    this.loadScripts();
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    try {
      return await this.shared.get(key);
    } catch {
      this.scriptsFailed = true;
      return this.fallback.get(key);
    }
  }

  async increment(key: string): Promise<IncrementResponse> {
    if (this.scriptsFailed) this.loadScripts();
    try {
      return await this.shared.increment(key);
    } catch {
      this.scriptsFailed = true;
      return this.fallback.increment(key);
    }
  }

  async decrement(key: string): Promise<void> {
    await Promise.allSettled([this.shared.decrement(key), this.fallback.decrement(key)]);
  }

  async resetKey(key: string): Promise<void> {
    await Promise.allSettled([this.shared.resetKey(key), this.fallback.resetKey(key)]);
  }

  /** Stops the fallback's timer; the Redis connection belongs to LimitCounters. */
  shutdown(): void {
    this.fallback.shutdown();
  }

  private loadScripts(): void {
    this.scriptsFailed = false;
    this.shared.incrementScriptSha = this.shared.loadIncrementScript();
    this.shared.getScriptSha = this.shared.loadGetScript();
    // Handled here so a failed load is no unhandled rejection; an increment awaiting it fails and retries.
    Promise.all([this.shared.incrementScriptSha, this.shared.getScriptSha]).catch(() => {
      this.scriptsFailed = true;
    });
  }
}
