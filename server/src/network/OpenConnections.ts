/**
 * Open websockets per client address, for UpgradeGate's limit: in this process's memory
 * (`LocalOpenConnections`, one process) or across processes through Redis
 * (`SharedOpenConnections`, issue 14).
 *
 * The shared scheme: one sorted set per address, `caseroom:ws:<address>`, whose members are
 * the open websockets (`<instance>:<n>`) scored with the time Redis last heard of them. A new
 * one is admitted by one script — drop members not heard of for `STALE_MS`, count, add if under
 * the limit — so two processes cannot both take the last place. Closing removes the member;
 * every `refreshMs` (10 s) each process re-adds all of its open ones with a fresh score. A
 * killed process stops refreshing, so its websockets leave the count within `STALE_MS` (30 s)
 * even while other processes keep the address busy (a plain counter with an expiry would keep
 * them forever). Times are Redis's own (`TIME`), so the processes' clocks do not matter.
 *
 * While Redis is down, an admission is decided on this process's own open websockets (the
 * limit as for a single process) and never refused for the outage itself; the next refresh
 * after Redis is back adds those websockets, so counting resumes with them.
 */

import type { LimitCounters } from './LimitCounters.ts';

/** What an admission decided: a place, released when the websocket closes, or the count that was full. */
export type Admission = { admitted: true; release: () => void } | { admitted: false; open: number };

/** Counts open websockets per address key (already /56 for IPv6: `ipKeyGenerator`). */
export interface OpenConnections {
  /** Takes a place for one more websocket from `key` unless `limit` are already open. */
  admit(key: string, limit: number): Promise<Admission>;
  /** How many are open from `key` (across processes when shared; tests). */
  openFrom(key: string): Promise<number>;
}

/** One process's count, in memory. */
export class LocalOpenConnections implements OpenConnections {
  private readonly open = new Map<string, number>();

  async admit(key: string, limit: number): Promise<Admission> {
    const count = this.open.get(key) ?? 0;
    if (count >= limit) return { admitted: false, open: count };
    this.open.set(key, count + 1);
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.open.get(key) ?? 1) - 1;
        if (left > 0) this.open.set(key, left);
        else this.open.delete(key);
      },
    };
  }

  async openFrom(key: string): Promise<number> {
    return this.open.get(key) ?? 0;
  }
}

const DEFAULT_REFRESH_MS = 10_000;
/** A member not refreshed for three refreshes belongs to a process that is gone. */
const STALE_REFRESHES = 3;

/** Redis's clock in ms, inside a script (allowed before writes since Redis 5's effect replication). */
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS[1] the address's set; ARGV: stale ms, limit, member. Returns { 1 | 0, open }. */
const ADMIT = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]))
local open = redis.call('ZCARD', KEYS[1])
if open >= tonumber(ARGV[2]) then return { 0, open } end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return { 1, open + 1 }`;

/** KEYS[1] the address's set; ARGV: stale ms, members… (this process's open ones, all re-added). */
const REFRESH = `${NOW}
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], now, ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return #ARGV - 1`;

/** KEYS[1] the address's set; ARGV: stale ms. */
const COUNT = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]))
return redis.call('ZCARD', KEYS[1])`;

/** The count across processes, in Redis (see the header). Owned by `LimitCounters`. */
export class SharedOpenConnections implements OpenConnections {
  /** This process's open websockets: address key → members. */
  private readonly mine = new Map<string, Set<string>>();
  private readonly staleMs: number;
  private readonly timer: NodeJS.Timeout;
  private nextMember = 1;
  private refreshing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly counters: LimitCounters,
    refreshMs = DEFAULT_REFRESH_MS,
  ) {
    this.staleMs = refreshMs * STALE_REFRESHES;
    this.timer = setInterval(() => this.refreshSoon(), refreshMs);
    this.timer.unref();
  }

  async admit(key: string, limit: number): Promise<Admission> {
    const member = `${this.counters.instanceId}:${this.nextMember++}`;
    try {
      const [admitted, open] = (await this.counters.evalScript(ADMIT, redisKey(key), [
        this.staleMs,
        limit,
        member,
      ])) as [number, number];
      if (admitted !== 1) return { admitted: false, open };
    } catch {
      // Redis is away (LimitCounters logged it): decide on this process's own count.
      const open = this.mine.get(key)?.size ?? 0;
      if (open >= limit) return { admitted: false, open };
    }
    return { admitted: true, release: this.hold(key, member) };
  }

  async openFrom(key: string): Promise<number> {
    return Number(await this.counters.evalScript(COUNT, redisKey(key), [this.staleMs]));
  }

  /** Re-adds this process's open websockets now (a refresh already under way is enough). */
  refreshSoon(): void {
    if (this.closed) return;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
  }

  /** Stops refreshing; what this process had open drains from Redis within STALE_MS. */
  close(): void {
    this.closed = true;
    clearInterval(this.timer);
  }

  private hold(key: string, member: string): () => void {
    let members = this.mine.get(key);
    if (!members) {
      members = new Set();
      this.mine.set(key, members);
    }
    members.add(member);
    return () => {
      const held = this.mine.get(key);
      if (!held?.delete(member)) return;
      if (held.size === 0) this.mine.delete(key);
      // Best effort: a member that could not be removed is not refreshed, so it goes stale.
      this.counters.sendCommand('ZREM', redisKey(key), member).catch(() => undefined);
    };
  }

  private async refresh(): Promise<void> {
    for (const [key, members] of [...this.mine]) {
      if (this.closed) return;
      try {
        await this.counters.evalScript(REFRESH, redisKey(key), [this.staleMs, ...members]);
      } catch {
        // Down: one failed command per refresh, not one per address; the next refresh (or
        // Redis's 'ready') tries again.
        return;
      }
    }
  }
}

function redisKey(addressKey: string): string {
  return `caseroom:ws:${addressKey}`;
}
