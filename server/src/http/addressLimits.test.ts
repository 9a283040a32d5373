/**
 * The HTTP per-address limits on two Express apps in one test process — two "processes" — with
 * and without a shared real Redis (test/support/services.ts): in memory each counts alone; with
 * Redis an address over a limit on A is refused on B too; while Redis is gone requests pass and
 * are counted per process; once it is back counting is shared again.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../../test/support/services.ts';
import type { Log } from '../log.ts';
import { type AddressLimits, addressLimitsWith } from '../network/AddressLimits.ts';
import { LimitCounters } from '../network/LimitCounters.ts';
import { type HttpAddressLimits, httpAddressLimits } from './addressLimits.ts';

type LogLine = { level: string; message: string; fields: Record<string, unknown> };

const MINUTE = 60_000;

describe('per-address HTTP limits across processes', () => {
  let redis: TestRedis;
  const logs: LogLine[] = [];
  const log: Log = (level, message, fields = {}) => {
    logs.push({ level, message, fields });
  };
  const servers: Server[] = [];
  const limiters: HttpAddressLimits[] = [];
  const counters: LimitCounters[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    for (const limiter of limiters.splice(0)) limiter.close();
    for (const counter of counters.splice(0)) await counter.close();
    logs.length = 0;
  });

  /** Limits that count this machine's requests (the test client is on loopback). */
  function limitsOf(overrides: Partial<AddressLimits>): AddressLimits {
    return addressLimitsWith({ ...overrides, limitLoopback: true });
  }

  /** One "process": an app with the limits in front of /api, and its own LimitCounters when shared. */
  async function startApp(limits: AddressLimits, shared: boolean): Promise<string> {
    const counter = shared ? await LimitCounters.connect(redis.url, { log }) : undefined;
    if (counter) counters.push(counter);
    const limiter = httpAddressLimits(limits, log, counter);
    limiters.push(limiter);
    const app = express();
    app.post('/api/cases', limiter.apiCalls, limiter.caseCreations, (_req, res) => {
      res.status(201).json({});
    });
    app.use('/api', limiter.apiCalls, (_req, res) => {
      res.json({ ok: true });
    });
    const server = createServer(app);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const get = (base: string) => fetch(`${base}/api/cases`);
  const post = (base: string) => fetch(`${base}/api/cases`, { method: 'POST' });
  const statuses = async (responses: Promise<Response>[]) => (await Promise.all(responses)).map((r) => r.status);

  /** A 429 in the API's error shape with Retry-After within the window. */
  async function expectTooMany(response: Response, windowMs: number): Promise<void> {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(windowMs / 1000);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('tooManyRequests');
    expect(body.error.message).toMatch(/Try again in \d+ seconds/);
  }

  it('without Redis each process counts on its own (the limits of one process)', async () => {
    const limits = limitsOf({ apiCalls: { limit: 3, windowMs: MINUTE } });
    const a = await startApp(limits, false);
    const b = await startApp(limits, false);
    expect(await statuses([get(a), get(a), get(a)])).toEqual([200, 200, 200]);
    await expectTooMany(await get(a), MINUTE);
    expect((await get(b)).status).toBe(200);
  });

  it('with Redis an address over a limit on process A is refused on process B, with Retry-After', async () => {
    const limits = limitsOf({
      apiCalls: { limit: 4, windowMs: MINUTE },
      caseCreations: { limit: 1, windowMs: MINUTE },
    });
    const a = await startApp(limits, true);
    const b = await startApp(limits, true);
    expect((await get(a)).status).toBe(200);
    expect((await get(b)).status).toBe(200);
    // One new case allowed in all: the second, on the other process, is refused.
    expect((await post(a)).status).toBe(201);
    const secondCase = await post(b);
    await expectTooMany(secondCase, MINUTE);
    // That was the fourth API call between them; the fifth is over on either process.
    await expectTooMany(await get(a), MINUTE);
    await expectTooMany(await get(b), MINUTE);
    expect(logs.filter((line) => line.message === 'request refused: over a per-address limit')).toHaveLength(3);
    expect(logs.filter((line) => line.level !== 'info' && !line.message.startsWith('request refused'))).toEqual([]);
  });
});
