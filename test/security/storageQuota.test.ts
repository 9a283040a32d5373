/**
 * Issue 9: a per-case storage quota — at least 100× a full example workshop; every client is
 * told at 80 % (`workshop.storage`); at the quota an edit is refused (`quotaExceeded`) and not
 * stored; the facilitator compacts the case (`POST …/storage/compact`) and edits are accepted
 * again. Against a real server, with stock y-websocket clients.
 */
import { FaultInjectingStores } from '@caseroom/server';
import { readShortText, readWorkshop, STORAGE_BOUNDS, sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { caseWithParties } from '../integration/accessFixtures.ts';
import { recordRefusals } from '../integration/workshopFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  connectSynced,
  createCase,
  inviteParty,
  makeTempDataDir,
  type NodeClient,
  openTestStores,
  startTestServer,
  waitFor,
} from '../support/server.ts';
import { playExampleWorkshop, prose } from './exampleWorkshop.ts';

/** Connection limits out of the way: the workshop is played faster than people type. */
const UNTHROTTLED = {
  messagesPerSecond: 1e6,
  messageBurst: 1e6,
  workMsPerSecond: 1e6,
  workBurstMs: 1e6,
};

describe('[9] the storage quota per case', () => {
  const { clients, servers, dirs } = cleanupAfterEach();

  it('[9] a full example workshop stores less than 1 % of the default quota, even with its log never compacted', async () => {
    const server = await startTestServer({ compactEvery: 1e9, connectionLimits: UNTHROTTLED });
    servers.push(server);
    const { id, token: facilitator } = await createCase(server.url, { example: true });
    const usage = async () => (await api(server.url, facilitator, 'GET', `/api/cases/${id}/storage`)).body;
    const created = await usage();
    const editors = [];
    for (const [name, departmentId] of [
      ['Jobcenter', 'dep-jobcenter'],
      ['Socialforvaltningen', 'dep-social'],
      ['Sundhed og Omsorg', 'dep-health'],
    ] as const) {
      const invited = await inviteParty(server.url, id, facilitator, {
        name,
        kind: 'department',
        role: 'editor',
        departmentId,
      });
      editors.push(invited);
    }
    editors.push(
      await inviteParty(server.url, id, facilitator, { name: 'Eksempel Indsats', kind: 'provider', role: 'editor' }),
    );
    const cast = [];
    for (const editor of editors) {
      const client = await connectSynced(server.wsUrl, id, { token: editor.token });
      clients.push(client);
      cast.push({ client, token: editor.token, partyId: editor.party.id });
    }

    const started = Date.now();
    const played = await playExampleWorkshop({
      url: server.url,
      caseId: id,
      facilitator,
      editors: cast,
      watchers: cast.map((editor) => editor.client),
    });
    const log = await usage();
    const compacted = (await api(server.url, facilitator, 'POST', `/api/cases/${id}/storage/compact`)).body;
    console.log(
      `[9] example workshop: created ${created.usedBytes} B; after ${played.transactions} transactions ` +
        `(${played.richTextChars} rich-text and ${played.shortTextChars} short-text characters typed, ` +
        `${played.workshopRequests} workshop requests) the uncompacted log holds ${log.usedBytes} B, ` +
        `compacted ${compacted.usedBytes} B; quota ${log.quotaBytes} B = ${(log.quotaBytes / log.usedBytes).toFixed(0)}× the log; ` +
        `played in ${Date.now() - started} ms`,
    );
    expect(log.quotaBytes).toBe(STORAGE_BOUNDS.caseQuotaBytes);
    expect(log.usedBytes).toBeGreaterThan(created.usedBytes);
    expect(compacted.usedBytes).toBeLessThan(log.usedBytes);
    expect(log.usedBytes * 100).toBeLessThanOrEqual(STORAGE_BOUNDS.caseQuotaBytes);
  }, 180_000);

  /** An edit of about a kilobyte: the evaluation's data sources, a short text of up to 2.000 characters. */
  function writeKilobyte(client: NodeClient, seed: number): string {
    const value = `${seed}: ${prose(1000, seed)}`;
    client.doc.transact(() => writeShortText(sectionMap(client.doc, 'evaluation')!, 'dataSources', value));
    return value;
  }
  const dataSourcesIn = (client: NodeClient) => readShortText(sectionMap(client.doc, 'evaluation'), 'dataSources');

  it('[9] from 80 % every client reads the warning; at the quota an edit is refused (quotaExceeded) and not stored; the facilitator compacts, the log of small updates becomes one state row and edits are accepted again; an editor or observer may not compact', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    // The example's stored size, measured on a server with the default quota, sets a small one.
    const first = await startTestServer({ dataDir });
    const parties = await caseWithParties(first.url, { example: true });
    const exampleBytes = (await api(first.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/storage`)).body
      .usedBytes as number;
    await first.close();
    const quota = 3 * exampleBytes;
    const store = new FaultInjectingStores(await openTestStores(dataDir));
    const server = await startTestServer({
      dataDir,
      stores: store.stores,
      caseQuotaBytes: quota,
      compactEvery: 100_000,
    });
    servers.push(server);
    const storagePath = `/api/cases/${parties.id}/storage`;
    const usage = async () => (await api(server.url, parties.facilitator, 'GET', storagePath)).body;

    const writer = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    const room = await connectSynced(server.wsUrl, parties.id, { token: parties.facilitator });
    const watcher = await connectSynced(server.wsUrl, parties.id, { token: parties.observer.token });
    clients.push(writer, room, watcher);
    const everyone = [writer, room, watcher];
    const refusals = recordRefusals(writer);
    expect((await usage()).quotaBytes).toBe(quota);
    expect(everyone.every((client) => readWorkshop(client.doc).storage === undefined)).toBe(true);

    // Up to 80 %: no notice; past it, every client (the observer too) reads level warn.
    let seed = 0;
    let used = (await usage()).usedBytes as number;
    while (used < STORAGE_BOUNDS.warnShare * quota) {
      expect(readWorkshop(room.doc).storage).toBeUndefined();
      const value = writeKilobyte(writer, ++seed);
      await waitFor(() => dataSourcesIn(room) === value, { what: `edit ${seed} relayed` });
      used = (await usage()).usedBytes;
    }
    expect(refusals).toEqual([]);
    await waitFor(() => everyone.every((client) => readWorkshop(client.doc).storage?.level === 'warn'), {
      what: 'every client reads the warning',
    });
    const warning = readWorkshop(watcher.doc).storage!;
    expect(warning.quotaBytes).toBe(quota);
    expect(warning.usedBytes / quota).toBeGreaterThanOrEqual(STORAGE_BOUNDS.warnShare);

    // On until the quota: the edit that would pass it is refused, and stored nowhere.
    let refused: string | undefined;
    for (let i = 0; i < 100 && refused === undefined; i++) {
      const value = writeKilobyte(writer, ++seed);
      await waitFor(() => dataSourcesIn(room) === value || refusals.length > 0, { what: `edit ${seed} answered` });
      if (refusals.length > 0) refused = value;
    }
    expect(refused).toBeDefined();
    expect(refusals[0]).toMatchObject({ reason: 'quotaExceeded', sections: ['evaluation'], limit: quota });
    const full = await usage();
    expect(full.usedBytes).toBeLessThanOrEqual(quota);
    expect(full.usedBytes + 1000).toBeGreaterThan(quota);
    const model = await api(server.url, parties.observer.token, 'GET', `/api/cases/${parties.id}/model`);
    expect(model.body.evaluation.dataSources).not.toBe(refused);
    expect(dataSourcesIn(room)).not.toBe(refused);
    expect(dataSourcesIn(watcher)).not.toBe(refused);
    // Usage stays just below the quota, but the refused edit turns the notice to full.
    await waitFor(() => everyone.every((client) => readWorkshop(client.doc).storage?.level === 'full'), {
      what: 'level full after a refused edit',
    });

    // Any party reads the usage; only the facilitator compacts.
    const observed = await api(server.url, parties.observer.token, 'GET', storagePath);
    expect(observed).toMatchObject({ status: 200, body: { usedBytes: full.usedBytes, quotaBytes: quota } });
    const byEditor = await api(server.url, parties.editor.token, 'POST', `${storagePath}/compact`);
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.error.code).toBe('forbidden');
    expect((await api(server.url, parties.observer.token, 'POST', `${storagePath}/compact`)).status).toBe(403);
    expect(await store.stores.updates.count(parties.id)).toBeGreaterThan(seed);

    const compacted = await api(server.url, parties.facilitator, 'POST', `${storagePath}/compact`);
    expect(compacted.status).toBe(200);
    expect(compacted.body.quotaBytes).toBe(quota);
    expect(compacted.body.usedBytes).toBeLessThan(STORAGE_BOUNDS.warnShare * quota);
    expect(compacted.body.usedBytes).toBeLessThan(full.usedBytes / 2);
    // The log of many small updates is one state row now (the notice's removal may follow it).
    expect(await store.stores.updates.count(parties.id)).toBeLessThanOrEqual(2);
    await waitFor(() => everyone.every((client) => readWorkshop(client.doc).storage === undefined), {
      what: 'the notice is gone for everyone',
    });

    // Edits are accepted again (by a fresh copy, as the browser resets its own after a refusal).
    writer.destroy();
    const fresh = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(fresh);
    const freshRefusals = recordRefusals(fresh);
    const accepted = writeKilobyte(fresh, ++seed);
    await waitFor(() => dataSourcesIn(room) === accepted && dataSourcesIn(watcher) === accepted, {
      what: 'the edit after compaction relayed',
    });
    expect(freshRefusals).toEqual([]);
    expect(toModel(room.doc).evaluation.dataSources).toBe(accepted);

    // Stored: it is there after a restart.
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const restarted = await startTestServer({ dataDir, caseQuotaBytes: quota });
    servers.push(restarted);
    const reread = await api(restarted.url, parties.observer.token, 'GET', `/api/cases/${parties.id}/model`);
    expect(reread.body.evaluation.dataSources).toBe(accepted);
  }, 60_000);

  it('[9] at the quota: a refused edit turns the notice to full, a decision over HTTP is refused too (507 storageFull, nothing written), and full lasts until the facilitator compacts', async () => {
    const server = await startTestServer({ compactEvery: 100_000, caseQuotaBytes: 64 * 1024 });
    servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const writer = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    const watcher = await connectSynced(server.wsUrl, parties.id, { token: parties.observer.token });
    clients.push(writer, watcher);
    const refusals = recordRefusals(writer);
    for (let seed = 1; refusals.length === 0 && seed < 200; seed++) {
      const value = writeKilobyte(writer, seed);
      await waitFor(() => dataSourcesIn(watcher) === value || refusals.length > 0, { what: `edit ${seed} answered` });
    }
    expect(refusals[0]?.reason).toBe('quotaExceeded');
    await waitFor(() => readWorkshop(watcher.doc).storage?.level === 'full', { what: 'level full after the refusal' });
    const decision = await api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/workshop/decisions`, {
      text: prose(2000, 7),
    });
    expect(decision.status).toBe(507);
    expect(decision.body.error.code).toBe('storageFull');
    expect(Object.keys(readWorkshop(watcher.doc).decisions)).toEqual([]);
    expect(readWorkshop(watcher.doc).storage?.level).toBe('full');

    const compacted = await api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/storage/compact`);
    expect(compacted.status).toBe(200);
    await waitFor(() => readWorkshop(watcher.doc).storage === undefined, { what: 'the notice is gone' });
  }, 60_000);

  it('[9] compaction while the store cannot write answers 503 storageUnavailable; once it writes again, 200', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const store = new FaultInjectingStores(await openTestStores(dataDir));
    const server = await startTestServer({ dataDir, stores: store.stores, storageRetryMs: 50 });
    servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const compact = () => api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/storage/compact`);
    expect((await compact()).status).toBe(200);

    store.failWrites = true;
    const refused = await compact();
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('storageUnavailable');
    expect(server.logs.some((line) => line.level === 'error' && /compaction refused/.test(line.message))).toBe(true);

    store.failWrites = false;
    const accepted = await compact();
    expect(accepted.status).toBe(200);
    expect(accepted.body.usedBytes).toBeGreaterThan(0);
  });
});
