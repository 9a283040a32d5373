/**
 * The real PostgreSQL and Redis that issue 14's tests start (test/support/services.ts): both
 * come up on free ports, the drivers (pg, ioredis) do what the multi-process server will rely on
 * — commits seen across connections, advisory locks, pub/sub that survives a Redis restart —
 * and both are gone again afterwards, ports released.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  isPortFree,
  startPostgres,
  startRedis,
  type TestPostgres,
  type TestRedis,
} from '../support/services.ts';

/** Resolves when `check` holds, polling; rejects after `timeoutMs`. */
async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('PostgreSQL and Redis started by the tests', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  const pgClients: Client[] = [];
  const redisClients: Redis[] = [];

  async function connectPostgres(url = postgres.url): Promise<Client> {
    const client = new Client({ connectionString: url });
    pgClients.push(client);
    await client.connect();
    return client;
  }

  function connectRedis(): Redis {
    // Retry quickly: a restart takes well under a second.
    const client = new Redis(redis.url, { retryStrategy: () => 50, maxRetriesPerRequest: null });
    redisClients.push(client);
    return client;
  }

  beforeAll(async () => {
    const started = performance.now();
    const [pg, rd] = await Promise.allSettled([timed('PostgreSQL', startPostgres), timed('Redis', startRedis)]);
    // Stop whichever came up when the other failed, so nothing outlives this file.
    if (pg.status === 'rejected' || rd.status === 'rejected') {
      if (pg.status === 'fulfilled') await pg.value.stop();
      if (rd.status === 'fulfilled') await rd.value.stop();
      throw pg.status === 'rejected' ? pg.reason : (rd as PromiseRejectedResult).reason;
    }
    postgres = pg.value;
    redis = rd.value;
    console.log(`services: both ready in ${Math.round(performance.now() - started)} ms (in parallel)`);
  });

  afterAll(async () => {
    for (const client of redisClients) client.disconnect();
    await Promise.all(pgClients.map((client) => client.end().catch(() => {})));
    await Promise.all([postgres?.stop(), redis?.stop()]);
  });

  it('PostgreSQL: a table written and read; two connections see each other’s commits, not before', async () => {
    const a = await connectPostgres();
    const b = await connectPostgres();
    await a.query('CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)');
    await a.query('INSERT INTO notes (body) VALUES ($1)', ['første']);
    expect((await b.query('SELECT body FROM notes')).rows).toEqual([{ body: 'første' }]);

    await b.query('BEGIN');
    await b.query('INSERT INTO notes (body) VALUES ($1)', ['anden']);
    expect((await a.query('SELECT count(*)::int AS n FROM notes')).rows[0]).toEqual({ n: 1 });
    await b.query('COMMIT');
    expect((await a.query('SELECT body FROM notes ORDER BY id')).rows.map((row) => row.body)).toEqual([
      'første',
      'anden',
    ]);
  });

  it('PostgreSQL: an advisory lock held by one connection blocks the other until released', async () => {
    const a = await connectPostgres();
    const b = await connectPostgres();
    await a.query('SELECT pg_advisory_lock(14)');
    expect((await b.query('SELECT pg_try_advisory_lock(14) AS got')).rows[0]).toEqual({ got: false });

    let bHasLock = false;
    const waiting = b.query('SELECT pg_advisory_lock(14)').then(() => {
      bHasLock = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bHasLock).toBe(false);
    await a.query('SELECT pg_advisory_unlock(14)');
    await waiting;
    expect(bHasLock).toBe(true);
    expect((await a.query('SELECT pg_try_advisory_lock(14) AS got')).rows[0]).toEqual({ got: false });
    await b.query('SELECT pg_advisory_unlock(14)');
  });

  it('PostgreSQL: createDatabase gives each caller an empty database of its own', async () => {
    const firstUrl = await createDatabase(postgres.url, 'services_first');
    const secondUrl = await createDatabase(postgres.url, 'services_second');
    expect(firstUrl).toBe(postgres.url.replace(/caseroom$/, 'services_first'));
    const first = await connectPostgres(firstUrl);
    const second = await connectPostgres(secondUrl);
    await first.query('CREATE TABLE only_here (x int)');
    const tables = (client: Client) =>
      client
        .query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        .then((result) => result.rows.map((row) => row.table_name));
    expect(await tables(first)).toEqual(['only_here']);
    expect(await tables(second)).toEqual([]);
    await expect(createDatabase(postgres.url, 'x; DROP TABLE notes')).rejects.toThrow(/not a plain database name/);
  });

  it('Redis: publish reaches a subscriber on another connection, and again after a restart', async () => {
    const subscriber = connectRedis();
    const publisher = connectRedis();
    const received: string[] = [];
    subscriber.on('message', (channel: string, message: string) => received.push(`${channel}:${message}`));
    await subscriber.subscribe('case:1');
    expect(await publisher.publish('case:1', 'før')).toBe(1);
    await waitFor(() => received.length === 1, 5_000, 'the first message');
    await publisher.set('survives', 'no');

    const infoBefore = await publisher.info('server');
    const restartStarted = performance.now();
    await redis.restart();
    console.log(`services: Redis restarted in ${Math.round(performance.now() - restartStarted)} ms`);

    // The new server is empty and a different process; the subscriber resubscribes by itself.
    await waitFor(async () => (await publisher.publish('case:1', 'efter')) === 1, 10_000, 'the resubscription');
    await waitFor(() => received.includes('case:1:efter'), 5_000, 'the message after the restart');
    expect(received[0]).toBe('case:1:før');
    expect(await publisher.get('survives')).toBeNull();
    const processId = (info: string) => /process_id:(\d+)/.exec(info)?.[1];
    expect(processId(await publisher.info('server'))).not.toBe(processId(infoBefore));
  });

  it('two more instances of each start side by side on other ports, and stop', async () => {
    const started = performance.now();
    const [pgA, pgB, rdA, rdB] = await Promise.all([startPostgres(), startPostgres(), startRedis(), startRedis()]);
    console.log(`services: 2 × PostgreSQL + 2 × Redis in parallel in ${Math.round(performance.now() - started)} ms`);
    try {
      const ports = [postgres.port, redis.port, pgA.port, pgB.port, rdA.port, rdB.port];
      expect(new Set(ports).size).toBe(6);
      for (const pg of [pgA, pgB]) {
        const client = await connectPostgres(pg.url);
        expect((await client.query('SELECT current_database() AS db')).rows[0]).toEqual({ db: 'caseroom' });
        await client.end();
      }
      for (const rd of [rdA, rdB]) {
        const client = new Redis(rd.url);
        expect(await client.ping()).toBe('PONG');
        client.disconnect();
      }
    } finally {
      await Promise.all([pgA.stop(), pgB.stop(), rdA.stop(), rdB.stop()]);
    }
    for (const port of [pgA.port, pgB.port, rdA.port, rdB.port]) expect(await isPortFree(port)).toBe(true);
  });

  it('stop() ends both servers: their ports are free and their directories are gone', async () => {
    for (const client of redisClients.splice(0)) client.disconnect();
    await Promise.all(pgClients.splice(0).map((client) => client.end().catch(() => {})));
    expect(await isPortFree(postgres.port)).toBe(false);
    expect(await isPortFree(redis.port)).toBe(false);

    const stopped = performance.now();
    await Promise.all([postgres.stop(), redis.stop()]);
    console.log(`services: both stopped in ${Math.round(performance.now() - stopped)} ms`);
    expect(await isPortFree(postgres.port)).toBe(true);
    expect(await isPortFree(redis.port)).toBe(true);
    expect(existsSync(postgres.dir)).toBe(false);
    expect(existsSync(redis.dir)).toBe(false);
  });
});

async function timed<T>(name: string, start: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await start();
  console.log(`services: ${name} ready in ${Math.round(performance.now() - started)} ms`);
  return result;
}
