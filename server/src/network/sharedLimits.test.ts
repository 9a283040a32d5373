/**
 * Issue 14: the per-address limits of two processes sharing one real Redis, and what happens
 * when Redis goes away. Each "process" is an Express app (the HTTP limiters) and an HTTP server
 * with an UpgradeGate in front of a `ws` server, with its own LimitCounters; they reach Redis
 * through a TCP proxy the test can cut (an outage the processes cannot tell from a dead Redis)
 * and Redis itself is restarted empty during the outage.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import {
  type AddressInfo,
  connect,
  createServer as createTcpServer,
  type Socket,
  type Server as TcpServer,
} from 'node:net';
import express from 'express';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { startRedis, type TestRedis } from '../../../test/support/services.ts';
import { type HttpAddressLimits, httpAddressLimits } from '../http/addressLimits.ts';
import type { Log } from '../log.ts';
import { type AddressLimits, addressLimitsWith } from './AddressLimits.ts';
import { HostAllowlist } from './HostAllowlist.ts';
import { LimitCounters } from './LimitCounters.ts';
import { TrustedProxies } from './TrustedProxies.ts';
import { UpgradeGate } from './UpgradeGate.ts';

type LogLine = { level: string; message: string; process: string };
const MINUTE = 60_000;

/** A TCP proxy in front of Redis that the test can cut (every connection dropped, new ones refused) and mend. */
class CuttableProxy {
  static async start(targetPort: number): Promise<CuttableProxy> {
    const proxy = new CuttableProxy(targetPort);
    await proxy.mend();
    return proxy;
  }
  private server: TcpServer | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private constructor(private readonly targetPort: number) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise((resolve) => server?.close(resolve));
  }
  async mend(): Promise<void> {
    const server = createTcpServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Process = { name: string; url: string; wsUrl: string; gate: UpgradeGate };

describe('[N4] per-address limits across processes (Redis)', () => {
  let redis: TestRedis;
  let proxy: CuttableProxy;
  const logs: LogLine[] = [];
  const servers: Server[] = [];
  const limiters: HttpAddressLimits[] = [];
  const counters: LimitCounters[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    proxy = await CuttableProxy.start(redis.port);
  });
  beforeEach(async () => {
    // Both tests count the same address (127.0.0.1): start each from an empty Redis.
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
  });
  afterAll(async () => {
    await proxy?.cut();
    await redis?.stop();
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate();
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    for (const limiter of limiters.splice(0)) limiter.close();
    for (const counter of counters.splice(0)) await counter.close();
    logs.length = 0;
  });

  async function startProcess(name: string, limits: AddressLimits): Promise<Process> {
    const log: Log = (level, message) => {
      logs.push({ level, message, process: name });
    };
    const counter = await LimitCounters.connect(proxy.url, { log, refreshMs: 200 });
    counters.push(counter);
    const limiter = httpAddressLimits(limits, log, counter);
    limiters.push(limiter);
    const app = express();
    app.use('/api', limiter.apiCalls, (_req, res) => {
      res.json({ ok: true });
    });
    const server = createServer(app);
    servers.push(server);
    const wss = new WebSocketServer({ noServer: true });
    const gate = new UpgradeGate({
      hosts: HostAllowlist.build({ listenHost: '127.0.0.1', network: { publicUrl: '', beyondLoopback: false } }),
      trustedProxies: TrustedProxies.parse(undefined),
      limits,
      log,
      counters: counter,
      next: (request: IncomingMessage, socket, head) => wss.handleUpgrade(request, socket, head, () => undefined),
    });
    server.on('upgrade', gate.handleUpgrade);
    server.on('close', () => wss.close());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { name, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws/case`, gate };
  }

  /** Opens a websocket; resolves with it, or with the refusal's status and Retry-After. */
  function openSocket(process: Process): Promise<{ socket: WebSocket } | { status: number; retryAfter: string }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(process.wsUrl);
      socket.once('open', () => {
        sockets.push(socket);
        resolve({ socket });
      });
      socket.once('unexpected-response', (_request, response) => {
        resolve({ status: response.statusCode ?? 0, retryAfter: String(response.headers['retry-after']) });
        response.resume();
      });
      socket.once('error', reject);
    });
  }

  const limits = addressLimitsWith({ apiCalls: { limit: 3, windowMs: MINUTE }, websockets: 2, limitLoopback: true });
  const get = (process: Process) => fetch(`${process.url}/api/cases`);

  it('an address over the HTTP limit on A is refused on B; its websockets are counted across both gates', async () => {
    const a = await startProcess('a', limits);
    const b = await startProcess('b', limits);
    expect((await get(a)).status).toBe(200);
    expect((await get(b)).status).toBe(200);
    expect((await get(a)).status).toBe(200);
    const refused = await get(b);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const first = await openSocket(a);
    expect('socket' in first).toBe(true);
    expect('socket' in (await openSocket(b))).toBe(true);
    expect(await openSocket(a)).toEqual({ status: 429, retryAfter: '30' });
    expect(await openSocket(b)).toEqual({ status: 429, retryAfter: '30' });
    expect(await a.gate.openFrom('127.0.0.1')).toBe(2);
    // Closing the one on A makes room on B.
    if ('socket' in first) first.socket.close();
    await waitFor(async () => (await b.gate.openFrom('127.0.0.1')) === 1, 'the close to reach Redis');
    expect('socket' in (await openSocket(b))).toBe(true);
  });

  it('while Redis is unreachable requests and websockets pass (one warn line a process); once back, counting is shared again', async () => {
    const a = await startProcess('a', limits);
    const b = await startProcess('b', limits);
    expect('socket' in (await openSocket(a))).toBe(true);
    for (let i = 0; i < 3; i++) expect((await get(a)).status).toBe(200);
    expect((await get(b)).status).toBe(429);

    await proxy.cut();
    // The address is over the shared limit, yet each process lets it through (counting on its own).
    for (const process of [a, b, b]) expect((await get(process)).status).toBe(200);
    expect('socket' in (await openSocket(b))).toBe(true);
    expect('socket' in (await openSocket(b))).toBe(true);
    // Still the limit of one process: B has two open now.
    expect(await openSocket(b)).toEqual({ status: 429, retryAfter: '30' });
    const warnings = logs.filter((line) => line.level === 'warn' && line.message.includes('Redis unreachable'));
    expect(warnings.map((line) => line.process).sort()).toEqual(['a', 'b']);

    // Redis comes back empty (restarted while unreachable).
    await redis.restart();
    await proxy.mend();
    await waitFor(
      () => logs.filter((line) => line.message === 'per-address limits: counting in Redis again').length === 2,
      'both processes counting in Redis again',
    );
    // The websockets still open (one on A, two on B) were put back: three over a limit of two.
    await waitFor(async () => (await a.gate.openFrom('127.0.0.1')) === 3, 'the open websockets back in Redis');
    expect(await openSocket(a)).toEqual({ status: 429, retryAfter: '30' });
    // The HTTP count starts again from zero and is shared.
    expect((await get(a)).status).toBe(200);
    expect((await get(b)).status).toBe(200);
    expect((await get(a)).status).toBe(200);
    expect((await get(b)).status).toBe(429);
    expect(logs.filter((line) => line.level === 'warn' && line.message.includes('Redis unreachable'))).toHaveLength(2);
    expect(logs.filter((line) => line.level === 'error')).toEqual([]);
  });
});
