/**
 * ClusterBus against a real Redis (test/support/services.ts): two buses with two process ids
 * exchange binary messages and requests; a Redis restart takes the bus down and back up with
 * its subscriptions; while Redis is gone, calls fail fast.
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedis, type TestRedis } from '../../../test/support/services.ts';
import type { Log } from '../log.ts';
import { ClusterBus, type ClusterStatus, processChannel } from './ClusterBus.ts';
import { ClusterNoRecipient, ClusterRemoteError, ClusterRequestTimeout, ClusterUnavailable } from './clusterErrors.ts';

type LogLine = { level: string; message: string; fields: Record<string, unknown> };

/** Resolves when `check` holds, polling; rejects after `timeoutMs`. */
async function waitFor(check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every byte value, in order, then in reverse: a payload no string conversion survives. */
function allBytes(): Uint8Array {
  const bytes = new Uint8Array(512);
  for (let i = 0; i < 256; i++) {
    bytes[i] = i;
    bytes[511 - i] = i;
  }
  return bytes;
}

const bytesOf = (text: string) => new TextEncoder().encode(text);
const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('ClusterBus', () => {
  let redis: TestRedis;
  const extraRedis: TestRedis[] = [];
  const buses: ClusterBus[] = [];
  const rawClients: Redis[] = [];
  const logs: LogLine[] = [];

  const log: Log = (level, message, fields = {}) => {
    logs.push({ level, message, fields });
  };

  async function connectBus(processId: string, url = redis.url): Promise<ClusterBus> {
    const bus = await ClusterBus.connect(url, { processId, log, lagIntervalMs: 100 });
    buses.push(bus);
    return bus;
  }

  function rawClient(url = redis.url): Redis {
    const client = new Redis(url, { retryStrategy: () => 50 });
    rawClients.push(client);
    return client;
  }

  /** The statuses a bus reports from now on. */
  function recordStatus(bus: ClusterBus): ClusterStatus[] {
    const seen: ClusterStatus[] = [];
    bus.onStatus((status) => seen.push(status));
    return seen;
  }

  beforeAll(async () => {
    redis = await startRedis();
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    for (const client of rawClients.splice(0)) client.disconnect();
    logs.length = 0;
  });

  afterAll(async () => {
    await Promise.all([redis?.stop(), ...extraRedis.map((instance) => instance.stop())]);
  });

  it('carries every byte value from one process to another, and an empty payload', async () => {
    const a = await connectBus('a');
    const b = await connectBus('b');
    const received: Uint8Array[] = [];
    await a.subscribe('caseroom:test:bytes', (payload) => received.push(Uint8Array.from(payload)));
    expect(a.status).toBe('up');

    await b.publish('caseroom:test:bytes', allBytes());
    // A view into a larger buffer: only the viewed bytes are sent.
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
    await b.publish('caseroom:test:bytes', backing.subarray(2, 5));
    await b.publish('caseroom:test:bytes', new Uint8Array(0));

    await waitFor(() => received.length === 3, 2_000, 'three messages');
    expect(received[0]).toEqual(allBytes());
    expect(received[1]).toEqual(new Uint8Array([1, 2, 3]));
    expect(received[2]).toEqual(new Uint8Array(0));
  });

  it('calls several handlers of a channel, one that throws not stopping the others, and unsubscribes Redis only with the last', async () => {
    const a = await connectBus('a');
    const b = await connectBus('b');
    const raw = rawClient();
    const numsub = async () => (await raw.pubsub('NUMSUB', 'caseroom:test:many'))[1];
    const first: string[] = [];
    const second: string[] = [];
    const unsubscribeFirst = await a.subscribe('caseroom:test:many', (payload) => first.push(textOf(payload)));
    await a.subscribe('caseroom:test:many', () => {
      throw new Error('handler bug');
    });
    const unsubscribeSecond = await a.subscribe('caseroom:test:many', (payload) => second.push(textOf(payload)));
    expect(await numsub()).toBe(1);

    await b.publish('caseroom:test:many', bytesOf('one'));
    await waitFor(() => first.length === 1 && second.length === 1, 2_000, 'both handlers');
    expect(logs.some((line) => line.message === 'cluster message handler threw')).toBe(true);

    await unsubscribeFirst();
    await unsubscribeFirst(); // idempotent: does not remove another handler
    await b.publish('caseroom:test:many', bytesOf('two'));
    await waitFor(() => second.length === 2, 2_000, 'second handler only');
    expect(first).toEqual(['one']);
    expect(second).toEqual(['one', 'two']);
    expect(await numsub()).toBe(1);

    await unsubscribeSecond();
    expect(await numsub()).toBe(1); // the throwing handler is still there
  });

  it('tells Redis to unsubscribe when the last handler goes', async () => {
    const a = await connectBus('a');
    const raw = rawClient();
    const numsub = async () => (await raw.pubsub('NUMSUB', 'caseroom:test:last'))[1];
    const off1 = await a.subscribe('caseroom:test:last', () => {});
    const off2 = await a.subscribe('caseroom:test:last', () => {});
    expect(await numsub()).toBe(1);
    await off1();
    expect(await numsub()).toBe(1);
    await off2();
    expect(await numsub()).toBe(0);
    // The process channel stays.
    expect((await raw.pubsub('NUMSUB', processChannel('a')))[1]).toBe(1);
  });

  it('answers requests both ways with binary payloads and the sender id, many at once', async () => {
    const a = await connectBus('a');
    const b = await connectBus('b');
    a.onRequest(async (payload, from) => bytesOf(`a answers ${from}: ${textOf(payload)}`));
    b.onRequest(async (payload) => Uint8Array.from(payload).reverse());

    expect(textOf(await b.request('a', bytesOf('hello'), { timeoutMs: 2_000 }))).toBe('a answers b: hello');
    expect(await a.request('b', allBytes(), { timeoutMs: 2_000 })).toEqual(allBytes().reverse());

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => b.request('a', bytesOf(String(i)), { timeoutMs: 2_000 })),
    );
    expect(answers.map(textOf)).toEqual(Array.from({ length: 20 }, (_, i) => `a answers b: ${i}`));
  });

  it('rejects with ClusterRequestTimeout when the answer does not come in time, and ignores the late answer', async () => {
    const a = await connectBus('a');
    const b = await connectBus('b');
    let answered = false;
    b.onRequest(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      answered = true;
      return bytesOf('late');
    });
    const started = performance.now();
    const error = await a.request('b', bytesOf('?'), { timeoutMs: 150 }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(ClusterRequestTimeout);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(900);
    await waitFor(() => answered, 2_000, 'the late answer');
    // The bus is fine afterwards.
    await expect(a.request('b', bytesOf('?'), { timeoutMs: 2_000 })).resolves.toEqual(bytesOf('late'));
  });

  it('hands a handler’s error message back as ClusterRemoteError', async () => {
    const a = await connectBus('a');
    const b = await connectBus('b');
    b.onRequest(async (payload) => {
      throw new Error(`cannot handle ${textOf(payload)}`);
    });
    const error = await a.request('b', bytesOf('this'), { timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterRemoteError);
    expect((error as Error).message).toBe('cannot handle this');

    // A process without a request handler says so rather than letting the requester wait.
    const noHandler = await b.request('a', bytesOf('x'), { timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(noHandler).toBeInstanceOf(ClusterRemoteError);
    expect((noHandler as Error).message).toMatch(/answers no requests/);
  });

  it('rejects at once with ClusterNoRecipient when no such process listens', async () => {
    const a = await connectBus('a');
    const started = performance.now();
    const error = await a.request('ghost', bytesOf('?'), { timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterNoRecipient);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('drops a malformed frame on its channel with a log line and keeps working', async () => {
    const a = await connectBus('a');
    const b = await connectBus('b');
    b.onRequest(async () => bytesOf('ok'));
    await rawClient().publish(processChannel('a'), Buffer.from([0xff, 0xff, 0xff]));
    await waitFor(() => logs.some((line) => line.message === 'cluster frame dropped'), 2_000, 'the drop log');
    await expect(a.request('b', bytesOf('?'), { timeoutMs: 2_000 })).resolves.toEqual(bytesOf('ok'));
  });

  it('measures the lag on its own channel', async () => {
    const a = await connectBus('a');
    await waitFor(() => a.lagMs() !== undefined, 2_000, 'a lag measurement');
    const lag = a.lagMs() ?? -1;
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(1_000);
  });

  it('goes down when Redis restarts and comes back up with its subscriptions and requests', async () => {
    const a = await connectBus('a');
    const b = await connectBus('b');
    a.onRequest(async (payload) => bytesOf(`a: ${textOf(payload)}`));
    b.onRequest(async (payload) => bytesOf(`b: ${textOf(payload)}`));
    const received: string[] = [];
    await a.subscribe('caseroom:test:after-restart', (payload) => received.push(textOf(payload)));
    const statusA = recordStatus(a);
    const statusB = recordStatus(b);

    const restartStarted = performance.now();
    let downAfter: number | undefined;
    a.onStatus((status) => {
      if (status === 'down') downAfter ??= performance.now() - restartStarted;
      // 'up' means subscribed again: a message published the moment 'up' is said arrives.
      if (status === 'up') void a.publish('caseroom:test:after-restart', bytesOf('at up'));
    });
    await redis.restart();
    const back = performance.now();
    expect(downAfter).toBeDefined();
    expect(downAfter).toBeLessThan(1_000);
    await waitFor(() => a.status === 'up' && b.status === 'up', 4_000, 'both buses up again');
    const recovery = performance.now() - back;
    console.log(
      `down noticed after ${Math.round(downAfter ?? -1)} ms; up ${Math.round(recovery)} ms after Redis was back`,
    );
    expect(recovery).toBeLessThan(2_000);
    expect(statusA).toEqual(['down', 'up']);
    expect(statusB).toEqual(['down', 'up']);

    await b.publish('caseroom:test:after-restart', bytesOf('again'));
    await waitFor(() => received.length === 2, 2_000, 'two messages after the restart');
    expect(received).toEqual(['at up', 'again']);
    expect(textOf(await a.request('b', bytesOf('1'), { timeoutMs: 2_000 }))).toBe('b: 1');
    expect(textOf(await b.request('a', bytesOf('2'), { timeoutMs: 2_000 }))).toBe('a: 2');
    await waitFor(() => a.lagMs() !== undefined, 2_000, 'a lag measurement after the restart');
    expect(logs.filter((line) => line.message === 'cluster bus down')).toHaveLength(2);
    expect(logs.filter((line) => line.message === 'cluster bus up').length).toBeGreaterThanOrEqual(2);
  });

  it('while Redis is gone: publish and request reject at once, pending requests are rejected', async () => {
    const gone = await startRedis();
    extraRedis.push(gone);
    const a = await connectBus('a', gone.url);
    const b = await connectBus('b', gone.url);
    b.onRequest(() => new Promise(() => {})); // never answers
    const pending = a.request('b', bytesOf('?'), { timeoutMs: 10_000 }).catch((e: unknown) => e);
    // Let the request reach b before Redis goes.
    await new Promise((resolve) => setTimeout(resolve, 100));

    await gone.stop();
    await waitFor(() => a.status === 'down', 1_000, 'a down');
    const pendingError = await pending;
    expect(pendingError).toBeInstanceOf(ClusterUnavailable);
    expect(a.lagMs()).toBeUndefined();

    let started = performance.now();
    const publishError = await a.publish('caseroom:test:x', bytesOf('x')).catch((e: unknown) => e);
    expect(publishError).toBeInstanceOf(ClusterUnavailable);
    expect(performance.now() - started).toBeLessThan(200);

    started = performance.now();
    const requestError = await a.request('b', bytesOf('?'), { timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(requestError).toBeInstanceOf(ClusterUnavailable);
    expect(performance.now() - started).toBeLessThan(200);

    // A subscription made while down resolves (it is made when the bus comes back).
    const off = await a.subscribe('caseroom:test:later', () => {});
    await off();
  });

  it('close rejects pending requests, is idempotent, and refuses calls afterwards', async () => {
    const a = await connectBus('a');
    const b = await connectBus('b');
    b.onRequest(() => new Promise(() => {}));
    const pending = a.request('b', bytesOf('?'), { timeoutMs: 10_000 }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = a.close();
    expect(a.close()).toBe(closing);
    await closing;
    expect(await pending).toBeInstanceOf(ClusterUnavailable);
    await expect(a.publish('caseroom:test:x', bytesOf('x'))).rejects.toBeInstanceOf(ClusterUnavailable);
    await expect(a.request('b', bytesOf('x'), { timeoutMs: 100 })).rejects.toBeInstanceOf(ClusterUnavailable);
    await expect(a.subscribe('caseroom:test:x', () => {})).rejects.toBeInstanceOf(ClusterUnavailable);
    // The other process sees a's channel gone.
    await expect(b.request('a', bytesOf('x'), { timeoutMs: 2_000 })).rejects.toBeInstanceOf(ClusterNoRecipient);
  });

  it('connect rejects with ClusterUnavailable when nothing listens, naming no password', async () => {
    const port = await freePort();
    const started = performance.now();
    const error = await ClusterBus.connect(`redis://:secret@127.0.0.1:${port}`, {
      processId: 'lonely',
      log,
      connectTimeoutMs: 500,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterUnavailable);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('secret');
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
