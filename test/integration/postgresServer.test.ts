import { rmSync } from 'node:fs';
import { sectionMap, setField, toModel, writeShortText } from '@caseroom/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  connectSynced,
  createCase,
  inviteParty,
  makeTempDataDir,
  type NodeClient,
  type ServerProcess,
  spawnServerProcess,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';
import { createDatabase, startPostgres, type TestPostgres } from '../support/services.ts';

/**
 * Issue 14: the whole server on PostgreSQL (DATABASE_URL) — a real PostgreSQL started for the
 * test, one database per test. What SQLite's tests show for the embedded default holds here:
 * edits are stored before they are relayed (SIGKILL loses nothing another client saw), a case
 * and its links live in the database (another process with another data directory serves it),
 * and the workshop record's refusals hold.
 */
let postgres: TestPostgres;
let databases = 0;
const newDatabase = () => createDatabase(postgres.url, `server_${process.pid}_${++databases}`);

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

describe('[issue 14] Caseroom on PostgreSQL', () => {
  const clients: NodeClient[] = [];
  const processes: ServerProcess[] = [];
  const servers: TestServer[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of processes.splice(0)) await server.kill('SIGKILL');
    for (const server of servers.splice(0)) await server.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('an edit a second client received survives SIGKILL; another process with its own data directory serves the case and its links', async () => {
    const databaseUrl = await newDatabase();
    const firstDir = makeTempDataDir();
    const secondDir = makeTempDataDir();
    dirs.push(firstDir, secondDir);
    const first = await spawnServerProcess(firstDir, 20_000, { DATABASE_URL: databaseUrl });
    processes.push(first);
    expect(first.output()).toMatch(/data in PostgreSQL 127\.0\.0\.1:\d+\/server_/);
    const { id: caseId, token } = await createCase(first.url);
    const editor = await inviteParty(first.url, caseId, token, {
      name: 'Jobcenter',
      kind: 'department',
      role: 'editor',
    });
    const writer = await connectSynced(first.wsUrl, caseId, { token: editor.token });
    const reader = await connectSynced(first.wsUrl, caseId, { token });
    clients.push(writer, reader);

    const facts = sectionMap(writer.doc, 'facts')!;
    for (let i = 1; i <= 30; i++) writer.doc.transact(() => setField(facts, 'horizonYears', i));
    writer.doc.transact(() => writeShortText(facts, 'title', 'Lige før nedbruddet'));
    await waitFor(() => toModel(reader.doc).facts.title === 'Lige før nedbruddet', { what: 'reader got the edit' });
    await first.kill('SIGKILL');
    for (const client of clients.splice(0)) client.destroy();

    // Another process, another data directory, the same database: the case, its edits and both links.
    const second = await spawnServerProcess(secondDir, 20_000, { DATABASE_URL: databaseUrl });
    processes.push(second);
    const after = await connectSynced(second.wsUrl, caseId, { token: editor.token });
    clients.push(after);
    expect(toModel(after.doc).facts.title).toBe('Lige før nedbruddet');
    expect(toModel(after.doc).facts.horizonYears).toBe(30);
    const listed = await api(second.url, token, 'GET', `/api/cases/${caseId}/parties`);
    expect(listed.status).toBe(200);
    expect((listed.body as { name: string }[]).map((party) => party.name)).toContain('Jobcenter');
  }, 60_000);

  it('the workshop record, ballots, versions, activity and exports work on PostgreSQL; a locked section refuses an editor', async () => {
    const server = await startTestServer({ databaseUrl: await newDatabase() });
    servers.push(server);
    const { id: caseId, token } = await createCase(server.url, { example: true });
    const editor = await inviteParty(server.url, caseId, token, {
      name: 'Økonomi',
      kind: 'department',
      role: 'editor',
    });
    const call = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, as = token) =>
      api(server.url, as, method, `/api/cases/${caseId}${path}`, body);

    const client = await connectSynced(server.wsUrl, caseId, { token: editor.token });
    clients.push(client);
    const facts = sectionMap(client.doc, 'facts')!;
    client.doc.transact(() => writeShortText(facts, 'title', 'Før låsen'));
    await waitFor(async () => (await call('GET', '/model')).body.facts.title === 'Før låsen', { what: 'edit stored' });

    expect((await call('POST', '/workshop/locks', { section: 'facts', locked: true })).status).toBe(200);
    client.doc.transact(() => writeShortText(facts, 'title', 'Efter låsen'));
    // Refused by the guard: the server's model keeps the title from before the lock.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await call('GET', '/model')).body.facts.title).toBe('Før låsen');

    const outcomeIds = ((await call('GET', '/model')).body.outcomes as { id: string }[]).map((o) => o.id);
    const vote = await call('POST', '/workshop/votes', { list: 'outcomes', itemIds: outcomeIds, votesPerPerson: 1 });
    expect(vote.status).toBe(201);
    const voteId = vote.body.voteId as string;
    const itemId = outcomeIds[0];
    expect((await call('PUT', `/workshop/votes/${voteId}/ballot`, { itemIds: [itemId] }, editor.token)).status).toBe(
      200,
    );
    const revealed = await call('POST', `/workshop/votes/${voteId}/reveal`);
    expect(revealed.status).toBe(200);
    expect(revealed.body.vote.voters).toBe(1);

    const snapshot = await call('POST', '/snapshots', { name: 'Efter afstemningen' });
    expect(snapshot.status).toBe(201);
    const versions = await call('GET', '/snapshots');
    expect((versions.body as { name: string }[]).map((v) => v.name)).toContain('Efter afstemningen');
    const activity = await call('GET', '/activity');
    expect((activity.body as { partyName: string }[]).some((a) => a.partyName === 'Økonomi')).toBe(true);

    const exported = await fetch(`${server.url}/api/cases/${caseId}/export.json`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(200);
    const imported = await fetch(`${server.url}/api/cases/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: await exported.text(),
    });
    expect(imported.status).toBe(201);
    const list = await fetch(`${server.url}/api/cases`, {
      headers: { authorization: `Bearer ${token}, ${((await imported.json()) as { token: string }).token}` },
    });
    expect(((await list.json()) as { importedAt?: string }[]).filter((c) => c.importedAt).length).toBe(1);
  }, 60_000);
});
