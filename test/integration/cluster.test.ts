import { sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, connectSynced, type NodeClient, startTestServer, type TestServer, waitFor } from '../support/server.ts';
import { createDatabase, startPostgres, startRedis, type TestPostgres, type TestRedis } from '../support/services.ts';
import { caseWithParties } from './accessFixtures.ts';
import { recordRefusals } from './workshopFixtures.ts';

/**
 * Issue 14: several Caseroom processes, one PostgreSQL, one Redis. One process owns a case (a
 * lease); a browser that reached another process is tunnelled to the owner, and HTTP requests
 * that change the case are forwarded to it — so the guard, locks and workshop record decide on
 * one document. Three servers in this test process stand for three processes (each its own
 * process id, bus connections, lease and data directory); killing one is in clusterFailover.
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

type UserState = { user?: { name?: string; party?: { id?: string } } };

describe('[issue 14] three processes, one truth', () => {
  const servers: TestServer[] = [];
  const clients: NodeClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.close();
  });

  async function cluster(size: number): Promise<TestServer[]> {
    const databaseUrl = await createDatabase(postgres.url, `cluster_${process.pid}_${++databases}`);
    for (let i = 0; i < size; i++) servers.push(await startTestServer({ databaseUrl, redisUrl: redis.url }));
    return servers.slice(-size);
  }
  async function connect(server: TestServer, caseId: string, token: string): Promise<NodeClient> {
    const client = await connectSynced(server.wsUrl, caseId, { token });
    clients.push(client);
    return client;
  }

  it('clients on three processes co-edit one case and converge, and see each other present', async () => {
    const [a, b, c] = await cluster(3);
    const parties = await caseWithParties(a!.url, { example: true });
    const onA = await connect(a!, parties.id, parties.facilitator);
    const onB = await connect(b!, parties.id, parties.editor.token);
    const onC = await connect(c!, parties.id, parties.editor.token);

    const edit = (client: NodeClient, title: string) =>
      client.doc.transact(() => writeShortText(sectionMap(client.doc, 'facts')!, 'title', title));
    edit(onB, 'Skrevet på B');
    for (const client of [onA, onB, onC]) {
      await waitFor(() => toModel(client.doc).facts.title === 'Skrevet på B', { what: 'B’s edit everywhere' });
    }
    edit(onC, 'Skrevet på C');
    edit(onA, 'Skrevet på A');
    await waitFor(() => new Set([onA, onB, onC].map((client) => toModel(client.doc).facts.title)).size === 1, {
      what: 'convergence',
    });
    // The owner stored what everyone sees: a fresh reader on another process gets it from the store.
    const agreed = toModel(onA.doc).facts.title;
    await waitFor(
      async () =>
        (await api(c!.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`)).body.facts.title === agreed,
      { what: 'model read on C' },
    );

    onB.provider.awareness.setLocalStateField('user', { name: 'Bente' });
    const stateOnC = () => onC.provider.awareness.getStates().get(onB.doc.clientID) as UserState | undefined;
    await waitFor(() => stateOnC()?.user?.name === 'Bente', { what: 'B’s presence on C' });
    // Stamped by the owner with the party B's token names, wherever B connected.
    expect(stateOnC()!.user!.party!.id).toBe(parties.editor.party.id);

    // B leaves: its presence leaves C's room too.
    onB.destroy();
    clients.splice(clients.indexOf(onB), 1);
    await waitFor(() => stateOnC() === undefined, { what: 'B gone from C', timeoutMs: 10_000 });
  }, 60_000);

  it('a lock taken through process A refuses an edit from a client on process B; the record is one', async () => {
    const [a, b] = await cluster(2);
    const parties = await caseWithParties(a!.url, { example: true });
    // The editor's browser reached B first: B owns the case.
    const editor = await connect(b!, parties.id, parties.editor.token);
    const refusals = recordRefusals(editor);
    const facts = sectionMap(editor.doc, 'facts')!;
    editor.doc.transact(() => writeShortText(facts, 'title', 'Før låsen'));
    const model = async () => (await api(a!.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`)).body;
    await waitFor(async () => (await model()).facts.title === 'Før låsen', { what: 'edit stored' });

    // The facilitator locks through A: the request is run by B, the owner.
    const locked = await api(a!.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/workshop/locks`, {
      section: 'facts',
      locked: true,
    });
    expect(locked.status).toBe(200);
    expect(Object.keys(locked.body.locks)).toEqual(['facts']);
    editor.doc.transact(() => writeShortText(facts, 'title', 'Efter låsen'));
    await waitFor(() => refusals.length > 0, { what: 'the editor is told' });
    expect(refusals[0]!.reason).toBe('sectionLocked');
    expect((await model()).facts.title).toBe('Før låsen');

    // Both processes read the same record.
    for (const server of [a!, b!]) {
      const workshop = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/workshop`);
      expect(workshop.status).toBe(200);
      expect(Object.keys(workshop.body.workshop.locks)).toEqual(['facts']);
    }
  }, 60_000);

  it('a link rotated through one process closes its connection on another', async () => {
    const [a, b] = await cluster(2);
    const parties = await caseWithParties(a!.url);
    // The facilitator's browser on A owns the case; the editor is tunnelled from B.
    await connect(a!, parties.id, parties.facilitator);
    const editor = await connect(b!, parties.id, parties.editor.token);
    const closed = new Promise<number>((resolve) => {
      editor.provider.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0));
    });
    const rotated = await api(
      b!.url,
      parties.facilitator,
      'POST',
      `/api/cases/${parties.id}/parties/${parties.editor.party.id}/rotate`,
    );
    expect(rotated.status).toBe(200);
    expect(await closed).toBe(4403);
  }, 60_000);

  it('a process drained (SIGTERM) hands its cases over: its browsers are told to reconnect, and continue on another process', async () => {
    const [a, b] = await cluster(2);
    const parties = await caseWithParties(a!.url);
    const anna = await connect(a!, parties.id, parties.facilitator);
    const bo = await connect(b!, parties.id, parties.editor.token);
    const codes = { anna: [] as number[], bo: [] as number[] };
    anna.provider.on('connection-close', (event: { code: number } | null) => codes.anna.push(event?.code ?? 0));
    bo.provider.on('connection-close', (event: { code: number } | null) => codes.bo.push(event?.code ?? 0));
    const type = (client: NodeClient, title: string) =>
      client.doc.transact(() => writeShortText(sectionMap(client.doc, 'facts')!, 'title', title));
    type(anna, 'Før drænet');
    await waitFor(() => toModel(bo.doc).facts.title === 'Før drænet', { what: 'relayed before the drain' });

    await a!.close();
    servers.splice(servers.indexOf(a!), 1);
    // Both are told "service restart" — Anna directly, Bo through his tunnel — at once, not after a timeout.
    await waitFor(() => codes.anna.includes(1012) && codes.bo.includes(1012), { what: 'both told to reconnect' });
    // Behind the balancer Anna lands on B; Bo reconnects to B by himself. B owns the case now.
    anna.provider.destroy();
    const annaOnB = await connect(b!, parties.id, parties.facilitator);
    type(bo, 'Efter drænet');
    await waitFor(() => toModel(annaOnB.doc).facts.title === 'Efter drænet', {
      what: 'editing goes on',
      timeoutMs: 15_000,
    });
    const model = await api(b!.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`);
    expect(model.body.facts.title).toBe('Efter drænet');
  }, 60_000);
});
