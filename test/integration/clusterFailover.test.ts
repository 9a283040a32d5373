import { rmSync } from 'node:fs';
import { readShortText, sectionMap, toModel } from '@caseroom/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  api,
  connectClient,
  connectSynced,
  makeTempDataDir,
  type NodeClient,
  type ServerProcess,
  spawnServerProcess,
  waitFor,
} from '../support/server.ts';
import { createDatabase, startPostgres, startRedis, type TestPostgres, type TestRedis } from '../support/services.ts';
import { caseWithParties } from './accessFixtures.ts';

/**
 * Issue 14: the case's owner is killed (SIGKILL) while two people type — one connected to it,
 * one to another process. The other process takes the case over when the lease runs out; both
 * browsers reconnect (behind a load balancer the first one would land on a live process: here it
 * is pointed at one) and every character either of them had typed is stored. A process started
 * afterwards reads it all from the database.
 */
let postgres: TestPostgres;
let redis: TestRedis;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

describe('[issue 14] the owner dies mid-session', () => {
  const processes: ServerProcess[] = [];
  const clients: NodeClient[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of processes.splice(0)) await server.kill('SIGKILL');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function spawn(databaseUrl: string): Promise<ServerProcess> {
    const dir = makeTempDataDir();
    dirs.push(dir);
    const server = await spawnServerProcess(dir, 30_000, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      CASEROOM_LEASE_MS: '2000',
    });
    processes.push(server);
    return server;
  }

  it('another process takes the case over; every character typed on either side is stored', async () => {
    const databaseUrl = await createDatabase(postgres.url, `failover_${process.pid}`);
    const [a, b] = await Promise.all([spawn(databaseUrl), spawn(databaseUrl)]);
    const parties = await caseWithParties(a.url);
    // Anna's browser reached A first: A owns the case. Bo is tunnelled from B.
    const anna = await connectSynced(a.wsUrl, parties.id, { token: parties.facilitator });
    const bo = await connectSynced(b.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(anna, bo);
    const title = (client: NodeClient) => readShortText(sectionMap(client.doc, 'facts')!, 'title') ?? '';
    const type = (client: NodeClient, text: string) => {
      const facts = sectionMap(client.doc, 'facts')!;
      const field = facts.get('title') as Y.Text;
      client.doc.transact(() => field.insert(field.length, text));
    };

    // Both type; A is killed in the middle of it.
    const typed = { anna: '', bo: '' };
    for (let i = 0; i < 20; i++) {
      type(anna, `a${i % 10}`);
      type(bo, `b${i % 10}`);
      typed.anna += `a${i % 10}`;
      typed.bo += `b${i % 10}`;
      await new Promise((resolve) => setTimeout(resolve, 25));
      if (i === 10) await a.kill('SIGKILL');
    }
    expect(a.process.signalCode).toBe('SIGKILL');

    // Behind a load balancer Anna's browser reconnects to a live process: her copy, with what
    // she typed while A was dying, goes to B. Bo's tunnel closes (1012) and he reconnects to B.
    anna.provider.destroy();
    const annaAgain = connectClient(b.wsUrl, parties.id, { token: parties.facilitator, doc: anna.doc });
    clients.push(annaAgain);
    const holdsAll = (client: NodeClient) => title(client).length === typed.anna.length + typed.bo.length;
    await waitFor(() => holdsAll(anna) && holdsAll(bo) && title(anna) === title(bo), {
      what: 'both hold every character',
      timeoutMs: 30_000,
      intervalMs: 100,
    });

    // Stored: a process started now reads it from the database, in the order the copies agree on.
    const c = await spawn(databaseUrl);
    await waitFor(
      async () =>
        (await api(c.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`)).body?.facts?.title ===
        title(bo),
      { what: 'the model read through a new process', timeoutMs: 15_000, intervalMs: 200 },
    );
    const stored = toModel(bo.doc).facts.title ?? '';
    for (const piece of [...typed.anna.matchAll(/a\d/g), ...typed.bo.matchAll(/b\d/g)].map((m) => m[0])) {
      expect(stored).toContain(piece);
    }
  }, 90_000);
});
