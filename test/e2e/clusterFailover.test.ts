import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, pageErrors } from '../support/browser.ts';
import { api, createCase, makeTempDataDir, type ServerProcess, spawnServerProcess } from '../support/server.ts';
import { createDatabase, startPostgres, startRedis, type TestPostgres, type TestRedis } from '../support/services.ts';
import { field, openCase } from './room.ts';

/**
 * Issue 14, in a browser: a page connected through process A keeps editing when A is killed —
 * it reconnects, behind the same address, to process B, which takes the case over — and loses
 * nothing. The "load balancer" is a TCP proxy that sends every new connection to the first
 * process still alive.
 */
let postgres: TestPostgres;
let redis: TestRedis;
let browser: Browser;
const processes: ServerProcess[] = [];
const dirs: string[] = [];
let proxy: Server | undefined;
const proxied = new Set<Socket>();

beforeAll(async () => {
  [postgres, redis, browser] = await Promise.all([startPostgres(), startRedis(), launchBrowser()]);
}, 60_000);

afterAll(async () => {
  for (const socket of proxied) socket.destroy();
  proxy?.close();
  await browser?.close();
  for (const server of processes) await server.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

/** A TCP proxy on a free port: each new connection goes to the first backend whose process lives. */
async function balancer(backends: ServerProcess[]): Promise<string> {
  proxy = createServer((client) => {
    const target = backends.find((backend) => backend.process.exitCode === null && backend.process.signalCode === null);
    if (!target) {
      client.destroy();
      return;
    }
    const { port } = new URL(target.url);
    const upstream = tcpConnect(Number(port), '127.0.0.1');
    proxied.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      proxied.delete(client);
      proxied.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', () => resolve()));
  const address = proxy.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

describe('[issue 14] a page keeps editing when its process dies', () => {
  it('reconnects through the same address to the process that takes the case over, and loses nothing', async () => {
    const databaseUrl = await createDatabase(postgres.url, `e2e_failover_${process.pid}`);
    const spawn = async () => {
      const dir = makeTempDataDir();
      dirs.push(dir);
      const server = await spawnServerProcess(dir, 30_000, {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        CASEROOM_LEASE_MS: '2000',
      });
      processes.push(server);
      return server;
    };
    const [a, b] = await Promise.all([spawn(), spawn()]);
    const address = await balancer([a, b]);
    const created = await createCase(address);
    const anna = await openPerson(browser, { name: 'Anna', department: 'Fonden' });
    await openCase(anna.page, address, created);

    await field(anna.page, 'Kommune').fill('Skrevet via A');
    await expect
      .poll(
        async () =>
          (await api(address, created.token, 'GET', `/api/cases/${created.id}/model`)).body.facts.municipality,
      )
      .toBe('Skrevet via A');

    await a.kill('SIGKILL');
    // Typed while the page has no server at all: kept in the page, sent once it is back.
    await field(anna.page, 'Kommune').fill('Skrevet mens A døde');
    await anna.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(
        async () =>
          (await api(address, created.token, 'GET', `/api/cases/${created.id}/model`)).body?.facts?.municipality,
        { timeout: 30_000, interval: 250 },
      )
      .toBe('Skrevet mens A døde');

    // And it goes on: a later edit is stored by B too.
    await field(anna.page, 'Kommune').fill('Skrevet via B');
    await expect
      .poll(
        async () => (await api(b.url, created.token, 'GET', `/api/cases/${created.id}/model`)).body.facts.municipality,
        {
          timeout: 15_000,
        },
      )
      .toBe('Skrevet via B');
    expect(pageErrors(anna.page)).toEqual([]);
  }, 120_000);
});
