import { CloseCode, readShortText, sectionMap, toModel } from '@caseroom/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { api, connectSynced, type NodeClient, startTestServer, type TestServer, waitFor } from '../support/server.ts';
import { createDatabase, startPostgres, startRedis, type TestPostgres, type TestRedis } from '../support/services.ts';
import { caseWithParties } from './accessFixtures.ts';

/**
 * Issue 14: Redis restarted and PostgreSQL stopped in the middle of a session. Meanwhile an edit
 * is not taken silently — the browser is disconnected with a code it shows (StorageUnavailable,
 * or "try again later" while the owner cannot be reached) and keeps the edit in its own copy;
 * afterwards everyone converges and everything is stored.
 */
let postgres: TestPostgres;
let redis: TestRedis;
let databases = 0;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

describe('[issue 14] outages of Redis and PostgreSQL', () => {
  const servers: TestServer[] = [];
  const clients: NodeClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.close();
  });

  async function pair(): Promise<[TestServer, TestServer]> {
    const databaseUrl = await createDatabase(postgres.url, `outage_${process.pid}_${++databases}`);
    const options = { databaseUrl, redisUrl: redis.url, storageRetryMs: 200 };
    servers.push(await startTestServer(options), await startTestServer(options));
    return [servers.at(-2)!, servers.at(-1)!];
  }
  async function connect(server: TestServer, caseId: string, token: string): Promise<NodeClient> {
    const client = await connectSynced(server.wsUrl, caseId, { token });
    clients.push(client);
    return client;
  }
  const append = (client: NodeClient, text: string) => {
    const field = sectionMap(client.doc, 'facts')!.get('title') as Y.Text;
    client.doc.transact(() => field.insert(field.length, text));
  };
  const title = (client: NodeClient) => readShortText(sectionMap(client.doc, 'facts')!, 'title') ?? '';
  const closeCodes = (client: NodeClient) => {
    const codes: number[] = [];
    client.provider.on('connection-close', (event: { code: number } | null) => codes.push(event?.code ?? 0));
    return codes;
  };

  it('Redis restarted mid-session: the tunnelled browser is told to come back, nothing is lost, everyone converges', async () => {
    const [a, b] = await pair();
    const parties = await caseWithParties(a.url);
    const anna = await connect(a, parties.id, parties.facilitator);
    const bo = await connect(b, parties.id, parties.editor.token);
    append(anna, 'A1');
    append(bo, 'B1');
    await waitFor(() => title(anna).length === 4 && title(bo).length === 4, { what: 'first edits everywhere' });
    const boClosed = closeCodes(bo);

    await redis.restart();
    append(anna, 'A2');
    append(bo, 'B2');
    await waitFor(() => title(anna).length === 8 && title(bo).length === 8 && title(anna) === title(bo), {
      what: 'convergence after the restart',
      timeoutMs: 20_000,
      intervalMs: 100,
    });
    // Bo's tunnel went with Redis: his browser was closed with "try again later" or "service restart" and came back.
    expect(boClosed.some((code) => code === 1013 || code === 1012)).toBe(true);
    await waitFor(
      async () =>
        (await api(b.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`)).body.facts.title === title(bo),
      { what: 'stored', timeoutMs: 10_000, intervalMs: 100 },
    );
  }, 60_000);

  it('PostgreSQL stopped mid-session: edits are refused with StorageUnavailable meanwhile, kept, and stored once it is back', async () => {
    const [a, b] = await pair();
    const parties = await caseWithParties(a.url);
    const anna = await connect(a, parties.id, parties.facilitator);
    const bo = await connect(b, parties.id, parties.editor.token);
    append(anna, 'A1');
    await waitFor(() => title(bo) === 'A1', { what: 'first edit relayed' });
    const annaClosed = closeCodes(anna);

    await postgres.pause();
    try {
      append(anna, 'A2');
      append(bo, 'B2');
      await waitFor(() => annaClosed.includes(CloseCode.StorageUnavailable), {
        what: 'Anna told the case cannot be stored',
        timeoutMs: 15_000,
        intervalMs: 100,
      });
    } finally {
      await postgres.resume();
    }
    await waitFor(() => title(anna).length === 6 && title(anna) === title(bo), {
      what: 'convergence once PostgreSQL is back',
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    await waitFor(
      async () =>
        (await api(a.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`)).body?.facts?.title ===
        title(anna),
      { what: 'stored', timeoutMs: 10_000, intervalMs: 100 },
    );
    expect(toModel(anna.doc).facts.title).toContain('A2');
    expect(toModel(anna.doc).facts.title).toContain('B2');
  }, 90_000);
});
