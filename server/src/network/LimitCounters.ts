/**
 * The per-address limits' counters in Redis (issue 14), so that behind a load balancer an
 * address gets one allowance, not one per process.
 *
 * One ioredis connection of its own (not the cluster bus's: that one must never wait behind a
 * limiter's command). It fails fast instead of queueing: no offline queue, no retries, and a
 * command Redis has not answered in a second fails. A failure never refuses anyone — the HTTP
 * limiters (`http/sharedRateStore.ts`) and the websocket counter (`SharedOpenConnections`)
 * count in this process's memory while Redis is away, as a single process does. One `warn`
 * line when an outage starts and one `info` line when Redis counts again.
 */

import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describeRedis } from '../cluster/ClusterBus.ts';
import type { Log } from '../log.ts';
import { SharedOpenConnections } from './OpenConnections.ts';

/** Options of `LimitCounters.connect`. */
export type LimitCountersOptions = {
  log: Log;
  /** How long `connect` waits for Redis before it rejects (ms). Default 5 000. */
  connectTimeoutMs?: number;
  /** How often this process tells Redis its websockets are still open (ms). Default 10 000. */
  refreshMs?: number;
};

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** A command Redis has not answered by then counts as failed: a request never waits longer on a limiter. */
const COMMAND_TIMEOUT_MS = 1_000;

/** The Redis side of the per-address limits. Create with `LimitCounters.connect`; close on shutdown. */
export class LimitCounters {
  /** Connects and resolves once Redis answers; rejects (and disconnects) when it does not within the timeout. */
  static async connect(url: string, options: LimitCountersOptions): Promise<LimitCounters> {
    const counters = new LimitCounters(url, options);
    const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const ready = await new Promise<boolean>((resolve) => {
      if (counters.redis.status === 'ready') return resolve(true);
      const timer = setTimeout(() => resolve(false), timeoutMs);
      counters.redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ready) {
      await counters.close();
      throw new Error(`Redis at ${describeRedis(url)} did not answer within ${timeoutMs} ms (per-address limits)`);
    }
    return counters;
  }

  /** Unique among running processes: it names this process's websockets in Redis. */
  readonly instanceId = randomBytes(9).toString('base64url');
  /** Open websockets per address across processes (UpgradeGate). */
  readonly connections: SharedOpenConnections;
  private readonly redis: Redis;
  private readonly log: Log;
  private readonly where: string;
  private down = false;
  private closing: Promise<void> | undefined;

  private constructor(url: string, options: LimitCountersOptions) {
    this.log = options.log;
    this.where = describeRedis(url);
    this.redis = new Redis(url, {
      retryStrategy: (attempt) => Math.min(attempt * 100, 500),
      connectTimeout: 2_000,
      commandTimeout: COMMAND_TIMEOUT_MS,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      connectionName: `caseroom-limits-${this.instanceId}`,
    });
    // Without an 'error' listener ioredis prints every failed reconnect; the outage line is ours.
    this.redis.on('error', () => undefined);
    this.connections = new SharedOpenConnections(this, options.refreshMs);
    // Back after an outage (or a restart that lost every key): tell Redis at once what is open here.
    this.redis.on('ready', () => this.connections.refreshSoon());
  }

  /** Sends one raw command (rate-limit-redis's `sendCommand`); a failure is reported and rethrown. */
  readonly sendCommand = async (
    ...args: string[]
  ): Promise<boolean | number | string | (boolean | number | string)[]> => {
    const [command, ...rest] = args;
    if (command === undefined) throw new Error('no Redis command given');
    return this.run(() => this.redis.call(command, ...rest) as Promise<number | string | (number | string)[]>);
  };

  /** Runs a Lua script (EVAL) with one key; a failure is reported and rethrown. */
  evalScript(script: string, key: string, args: (string | number)[]): Promise<unknown> {
    return this.run(() => this.redis.eval(script, 1, key, ...args));
  }

  /** Whether an outage is going on (the last command failed). */
  get unavailable(): boolean {
    return this.down;
  }

  /** Stops the refresh timer and the connection. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.connections.close();
      if (this.redis.status === 'end') return;
      await new Promise<void>((resolve) => {
        this.redis.once('end', () => resolve());
        this.redis.disconnect();
      });
    })();
    return this.closing;
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    if (this.closing) throw new Error('the per-address limit counters are closed');
    try {
      const result = await command();
      if (this.down) {
        this.down = false;
        this.log('info', 'per-address limits: counting in Redis again', { redis: this.where });
      }
      return result;
    } catch (error) {
      if (!this.down && !this.closing) {
        this.down = true;
        this.log('warn', 'per-address limits: Redis unreachable, each process counts on its own until it is back', {
          redis: this.where,
          error,
        });
      }
      throw error;
    }
  }
}
