/**
 * Open websockets per address, counted in a real Redis (test/support/services.ts) by two
 * LimitCounters — two processes: one count between them, a killed process's websockets drain,
 * a Redis restart that lost every key gets the open ones back. Outages: network/sharedLimits.test.ts.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../../test/support/services.ts';
import type { Log } from '../log.ts';
import { LimitCounters } from './LimitCounters.ts';
import { type Admission, LocalOpenConnections } from './OpenConnections.ts';

type LogLine = { level: string; message: string };

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function released(admission: Admission): () => void {
  if (!admission.admitted) throw new Error(`refused with ${admission.open} open`);
  return admission.release;
}

describe('LocalOpenConnections', () => {
  it('admits up to the limit per key and makes room when one is released (once)', async () => {
    const open = new LocalOpenConnections();
    const release = released(await open.admit('a', 2));
    released(await open.admit('a', 2));
    expect(await open.admit('a', 2)).toEqual({ admitted: false, open: 2 });
    released(await open.admit('b', 2));
    release();
    release();
    expect(await open.openFrom('a')).toBe(1);
    expect((await open.admit('a', 2)).admitted).toBe(true);
  });
});

describe('SharedOpenConnections (Redis)', () => {
  let redis: TestRedis;
  const logs: LogLine[] = [];
  const log: Log = (level, message) => {
    logs.push({ level, message });
  };
  const counters: LimitCounters[] = [];
  let address = 0;
  /** A fresh address per test: keys in the one Redis do not carry over. */
  const nextAddress = () => `203.0.113.${++address}`;

  async function process(refreshMs?: number): Promise<LimitCounters> {
    const counter = await LimitCounters.connect(redis.url, { log, refreshMs });
    counters.push(counter);
    return counter;
  }

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  afterEach(async () => {
    for (const counter of counters.splice(0)) await counter.close();
    logs.length = 0;
  });

  it('two processes share one count per address; a release on one makes room on the other', async () => {
    const a = await process();
    const b = await process();
    const key = nextAddress();
    const releaseA = released(await a.connections.admit(key, 3));
    released(await a.connections.admit(key, 3));
    released(await b.connections.admit(key, 3));
    expect(await b.connections.admit(key, 3)).toEqual({ admitted: false, open: 3 });
    expect(await a.connections.admit(key, 3)).toEqual({ admitted: false, open: 3 });
    // Another address has its own count.
    expect((await b.connections.admit(nextAddress(), 3)).admitted).toBe(true);
    releaseA();
    await waitFor(async () => (await b.connections.openFrom(key)) === 2, 2_000, 'the release to reach Redis');
    expect((await b.connections.admit(key, 3)).admitted).toBe(true);
    expect(logs.filter((line) => line.level !== 'info')).toEqual([]);
  });

  it("a live process's websockets stay counted; a killed process's drain within three refreshes", async () => {
    const refreshMs = 100;
    const a = await process(refreshMs);
    const b = await process(refreshMs);
    const key = nextAddress();
    released(await a.connections.admit(key, 2));
    released(await a.connections.admit(key, 2));
    // Long past the stale time (300 ms): A's refreshes keep its two counted.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await b.connections.admit(key, 2)).toEqual({ admitted: false, open: 2 });
    // A dies without releasing anything (no more refreshes): its places come free.
    await a.close();
    await waitFor(async () => (await b.connections.admit(key, 2)).admitted, 2_000, "A's websockets to drain");
  });

  it('after a Redis restart that lost every key, each process puts its open websockets back', async () => {
    const a = await process(60_000);
    const b = await process(60_000);
    const key = nextAddress();
    released(await a.connections.admit(key, 3));
    released(await b.connections.admit(key, 3));
    await redis.restart();
    // No periodic refresh within the test: the re-adding is the one on Redis's 'ready'.
    await waitFor(async () => (await a.connections.openFrom(key).catch(() => 0)) === 2, 5_000, 'the open ones back');
    released(await a.connections.admit(key, 3));
    expect(await b.connections.admit(key, 3)).toEqual({ admitted: false, open: 3 });
  });
});
