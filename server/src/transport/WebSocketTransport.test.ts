import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCode, encodeLinkToken } from '@caseroom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AccessService } from '../access/AccessService.ts';
import { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import { silentLog } from '../log.ts';
import { makeNewCase } from '../storage/contracts/contractFixtures.ts';
import { openSqliteStores } from '../storage/sqliteStores.ts';
import { PING_INTERVAL_MS, WebSocketTransport } from './WebSocketTransport.ts';

/** A transport on a real HTTP server and a real in-memory case, with fast timers. */
async function serve(options: { pingIntervalMs?: number; linkTokenTimeoutMs?: number }) {
  const stores = await openSqliteStores(':memory:');
  const access = new AccessService(stores, { log: silentLog });
  const { founder, token } = access.founder('case-1');
  await stores.cases.create(makeNewCase({ founder }));
  const registry = new DocumentRegistry({ stores, log: silentLog, unloadGraceMs: 10 });
  const transport = new WebSocketTransport({ registry, access, log: silentLog, ...options });
  const server: Server = createServer();
  server.on('upgrade', transport.handleUpgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws/case-1`;
  const close = async () => {
    transport.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await registry.close();
    await stores.close();
  };
  running.push(close);
  return { url, token };
}

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of running.splice(0)) await close();
});

/** Opens a client socket and resolves once it is open, with a promise of its close code. */
async function open(url: string, options: WebSocket.ClientOptions = {}) {
  const socket = new WebSocket(url, options);
  const received: unknown[] = [];
  socket.on('message', (data) => received.push(data));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, received, closed };
}

describe('WebSocketTransport', () => {
  it('pings every 25 s by default (under the 30 s municipal proxies allow an idle socket)', () => {
    expect(PING_INTERVAL_MS).toBe(25_000);
  });

  it('keeps a peer that answers pings and cuts one that does not (a dead peer)', async () => {
    const { url, token } = await serve({ pingIntervalMs: 50 });
    const live = await open(url);
    live.socket.send(encodeLinkToken(token));
    const dead = await open(url, { autoPong: false });
    dead.socket.send(encodeLinkToken(token));
    const pings: number[] = [];
    dead.socket.on('ping', () => pings.push(Date.now()));
    const code = await dead.closed;
    // Cut without a closing handshake (terminate): 1006 on this side.
    expect(code).toBe(1006);
    expect(pings.length).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(live.socket.readyState).toBe(WebSocket.OPEN);
    live.socket.close();
  });

  it('closes a socket that sends no link token within the timeout with Unauthorized', async () => {
    const { url } = await serve({ linkTokenTimeoutMs: 150 });
    const started = Date.now();
    const silent = await open(url);
    expect(await silent.closed).toBe(CloseCode.Unauthorized);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(silent.received).toEqual([]);
  });
});
