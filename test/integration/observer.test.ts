import { sectionMap, setField, toModel, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { bearer, connectSynced, makeTempDataDir, openRawSocket, startTestServer, waitFor } from '../support/server.ts';
import { caseWithParties, pause, recordCloses, syncFrame, updateOnTopOf } from './accessFixtures.ts';

/**
 * docs/access.md A7: the server never applies, stores or relays a document update from an
 * observer — not from a stock client that edits its own copy, not from a hand-crafted frame —
 * and does not close the observer's connection; the observer keeps receiving live edits.
 */
describe('[A7] observers are read-only', () => {
  const { clients, servers, dirs } = cleanupAfterEach();

  it('updates from an observer are dropped (stock provider and raw frames), the observer stays connected and live', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const server = await startTestServer({ dataDir });
    servers.push(server);
    const parties = await caseWithParties(server.url);
    const connect = async (token: string) => {
      const client = await connectSynced(server.wsUrl, parties.id, { token });
      clients.push(client);
      return client;
    };
    const facilitator = await connect(parties.facilitator);
    const editor = await connect(parties.editor.token);
    const observer = await connect(parties.observer.token);
    const observerCloses = recordCloses(observer);
    const editorSaw: Uint8Array[] = [];
    editor.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== null && origin !== undefined) editorSaw.push(update);
    });

    // 1. A stock provider whose observer edits its own copy: the edit goes out as an update message.
    observer.doc.transact(() => writeShortText(sectionMap(observer.doc, 'facts')!, 'municipality', 'Observatørby'));
    // 2. A raw socket with the observer's token sends a crafted update and a crafted sync step 2.
    const raw = await openRawSocket(server.wsUrl, parties.id, parties.observer.token);
    await waitFor(() => raw.received.length > 0, { what: 'the server greeting' });
    const crafted = updateOnTopOf(facilitator.doc, (doc) =>
      writeShortText(sectionMap(doc, 'facts')!, 'title', 'Falsk titel'),
    );
    raw.socket.send(syncFrame(2, crafted));
    const craftedStep2 = updateOnTopOf(facilitator.doc, (doc) =>
      setField(sectionMap(doc, 'facts')!, 'horizonYears', 99),
    );
    raw.socket.send(syncFrame(1, craftedStep2));
    // 3. The observer reconnects: its offline copy goes out as a sync step 2.
    observer.provider.disconnect();
    await waitFor(() => !observer.provider.wsconnected, { what: 'observer disconnected' });
    observer.provider.connect();
    await waitFor(() => observer.provider.synced, { what: 'observer synced again' });
    await pause(300);

    // Live edits from an editor still reach the observer and the raw observer socket.
    const rawCountBefore = raw.received.length;
    facilitator.doc.transact(() => writeShortText(sectionMap(facilitator.doc, 'facts')!, 'title', 'Rigtig titel'));
    await waitFor(() => toModel(observer.doc).facts.title === 'Rigtig titel', { what: 'observer sees a live edit' });
    await waitFor(() => toModel(editor.doc).facts.title === 'Rigtig titel', { what: 'editor sees a live edit' });
    await waitFor(() => raw.received.length > rawCountBefore, { what: 'raw observer socket receives the edit' });

    // Nobody else ever received the observer's changes.
    for (const client of [facilitator, editor]) {
      const facts = toModel(client.doc).facts;
      expect(facts.municipality).toBeUndefined();
      expect(facts.horizonYears).not.toBe(99);
    }
    expect(editorSaw.length).toBe(1); // only the facilitator's title
    // The server's copy does not have them either.
    const served = (await (
      await fetch(`${server.url}/api/cases/${parties.id}/model`, { headers: bearer(parties.facilitator) })
    ).json()) as ReturnType<typeof toModel>;
    expect(served.facts.title).toBe('Rigtig titel');
    expect(served.facts.municipality).toBeUndefined();
    expect(served.facts.horizonYears).not.toBe(99);
    // Neither connection was closed.
    expect(observerCloses).toEqual([]);
    expect(observer.provider.wsconnected).toBe(true);
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    const dropped = server.logs.filter((line) => line.message === 'document update from an observer dropped');
    expect(dropped.length).toBeGreaterThanOrEqual(2);
    expect(dropped[0]!.fields).toMatchObject({ caseId: parties.id, partyId: parties.observer.party.id });

    // And not in the store: restart on the same data dir.
    raw.socket.close();
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const restarted = await startTestServer({ dataDir });
    servers.push(restarted);
    const after = await connectSynced(restarted.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(after);
    expect(toModel(after.doc).facts.title).toBe('Rigtig titel');
    expect(toModel(after.doc).facts.municipality).toBeUndefined();
    expect(toModel(after.doc).facts.horizonYears).not.toBe(99);
  });

  it('(control) the same crafted frame from an editor is applied and relayed', async () => {
    const server = await startTestServer();
    servers.push(server);
    const parties = await caseWithParties(server.url);
    const reader = await connectSynced(server.wsUrl, parties.id, { token: parties.observer.token });
    clients.push(reader);
    const raw = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    await waitFor(() => raw.received.length > 0, { what: 'the server greeting' });
    raw.socket.send(
      syncFrame(
        2,
        updateOnTopOf(reader.doc, (doc) => writeShortText(sectionMap(doc, 'facts')!, 'title', 'Fra en redaktør')),
      ),
    );
    await waitFor(() => toModel(reader.doc).facts.title === 'Fra en redaktør', { what: 'the editor’s crafted update' });
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    raw.socket.close();
  });
});
