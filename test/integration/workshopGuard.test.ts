import {
  addItem,
  readWorkshop,
  removeItem,
  sectionMap,
  setField,
  toModel,
  type WorkshopRecord,
  workshopChild,
  writeShortText,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectSynced, makeTempDataDir, openRawSocket, startTestServer, waitFor } from '../support/server.ts';
import { caseWithParties, pause, syncFrame, updateOnTopOf } from './accessFixtures.ts';
import { recordRefusals, refusalsIn } from './workshopFixtures.ts';

/**
 * docs/workshop.md W2 and W4: the server inspects every client update before applying it.
 * One that touches the `workshop` record (any role) or, from an editor, a locked section is
 * not applied, stored or relayed; the sender gets message type 100 and stays connected.
 */
describe('[W2][W4] refused document updates', () => {
  const { clients, sockets, servers, dirs } = cleanupAfterEach();

  async function setup(options: { dataDir?: string } = {}) {
    const server = await startTestServer(options);
    servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const connect = async (token: string) => {
      const client = await connectSynced(server.wsUrl, parties.id, { token });
      clients.push(client);
      return client;
    };
    const raw = async (token: string) => {
      const socket = await openRawSocket(server.wsUrl, parties.id, token);
      sockets.push(socket);
      await waitFor(() => socket.received.length > 0, { what: 'the server greeting' });
      return socket;
    };
    return { server, parties, connect, raw };
  }

  it('[W2] an editor (or the facilitator) cannot change phase, locks, votes, decisions or sign-offs by editing the document', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const { server, parties, connect, raw } = await setup({ dataDir });
    const watcher = await connect(parties.observer.token);
    const watcherUpdates: Uint8Array[] = [];
    watcher.doc.on('update', (update: Uint8Array) => watcherUpdates.push(update));
    const editorSocket = await raw(parties.editor.token);
    const facilitatorSocket = await raw(parties.facilitator);
    const before = readWorkshop(watcher.doc);

    const forgeries: [string, (doc: Y.Doc) => void][] = [
      ['phase', (doc) => doc.getMap('workshop').set('phase', 3)],
      ['lock', (doc) => workshopChild(doc, 'locks')!.set('problem', { partyId: 'x', partyName: 'x', at: 'x' })],
      ['vote', (doc) => workshopChild(doc, 'votes')!.set('v', { list: 'interventions', status: 'revealed' })],
      ['decision', (doc) => workshopChild(doc, 'decisions')!.set('d', { text: 'forged' })],
      [
        'sign-off',
        (doc) =>
          workshopChild(doc, 'signoffs')!.set(parties.observer.party.id, {
            hash: 'a'.repeat(64),
            partyName: 'x',
            at: 'x',
          }),
      ],
      ['required signers', (doc) => workshopChild(doc, 'requiredSigners')!.set(parties.editor.party.id, true)],
      ['deleting the phase', (doc) => doc.getMap('workshop').delete('phase')],
      ['a new nested map', (doc) => doc.getMap('workshop').set('extra', new Y.Map())],
    ];
    for (const [what, forge] of forgeries) {
      const crafted = updateOnTopOf(watcher.doc, forge);
      editorSocket.socket.send(syncFrame(2, crafted)); // an update message
      editorSocket.socket.send(syncFrame(1, crafted)); // a sync step 2
      facilitatorSocket.socket.send(syncFrame(2, crafted)); // the facilitator may not either
      await waitFor(() => refusalsIn(editorSocket.received).length >= 2, { what: `refusal of ${what}` });
      await waitFor(() => refusalsIn(facilitatorSocket.received).length >= 1, { what: `refusal of ${what}` });
      expect(refusalsIn(editorSocket.received)).toEqual([
        { reason: 'workshopIsServerOnly', sections: ['workshop'] },
        { reason: 'workshopIsServerOnly', sections: ['workshop'] },
      ]);
      expect(refusalsIn(facilitatorSocket.received)).toEqual([
        { reason: 'workshopIsServerOnly', sections: ['workshop'] },
      ]);
      editorSocket.received.length = 0;
      facilitatorSocket.received.length = 0;
    }
    await pause(200);

    // Never relayed, never applied; both sockets stay open.
    expect(watcherUpdates).toEqual([]);
    expect(readWorkshop(watcher.doc)).toEqual(before);
    expect(editorSocket.socket.readyState).toBe(editorSocket.socket.OPEN);
    expect(facilitatorSocket.socket.readyState).toBe(facilitatorSocket.socket.OPEN);
    const workshop = (await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/workshop`)).body
      .workshop as WorkshopRecord;
    expect(workshop).toEqual({ ...before, timer: workshop.timer });
    expect(workshop.phase).toBe(2);
    // One log line per refusal, with party, case, reason and sections.
    const lines = server.logs.filter((line) => line.message === 'document update refused');
    expect(lines).toHaveLength(forgeries.length * 3);
    expect(lines[0]!.fields).toMatchObject({
      caseId: parties.id,
      partyId: parties.editor.party.id,
      reason: 'workshopIsServerOnly',
      sections: ['workshop'],
    });

    // Not in the store either.
    for (const raw of sockets.splice(0)) raw.socket.close();
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const restarted = await startTestServer({ dataDir });
    servers.push(restarted);
    const after = await connectSynced(restarted.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(after);
    expect(readWorkshop(after.doc)).toEqual(before);
  });

  it('[W2] a stock client that edits its own workshop copy is told (message 100) and nothing reaches the others', async () => {
    const { parties, connect } = await setup();
    const facilitator = await connect(parties.facilitator);
    const editor = await connect(parties.editor.token);
    const refusals = recordRefusals(editor);
    editor.doc.getMap('workshop').set('phase', 3);
    await waitFor(() => refusals.length > 0, { what: 'the refusal' });
    expect(refusals).toEqual([{ reason: 'workshopIsServerOnly', sections: ['workshop'] }]);
    await pause(150);
    expect(toModel(facilitator.doc).facts.phase).toBe(2);
    expect(editor.provider.wsconnected).toBe(true);
  });

  it('[W4] a locked section: an editor’s update is refused (message 100 names it), the facilitator’s is accepted; unlocking lets editors in again', async () => {
    const { server, parties, connect, raw } = await setup();
    const facilitator = await connect(parties.facilitator);
    const editor = await connect(parties.editor.token);
    const other = await connect(parties.observer.token);
    const refusals = recordRefusals(editor);
    const locked = await api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/workshop/locks`, {
      section: 'problem',
      locked: true,
    });
    expect(locked.status).toBe(200);
    expect(locked.body.locks.problem).toMatchObject({ partyId: expect.any(String), partyName: 'Facilitator' });
    await waitFor(() => readWorkshop(editor.doc).locks.problem !== undefined, { what: 'the lock reaches the editor' });
    // Locks are facilitator-only.
    const byEditor = await api(server.url, parties.editor.token, 'POST', `/api/cases/${parties.id}/workshop/locks`, {
      section: 'facts',
      locked: true,
    });
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.error.code).toBe('forbidden');

    // A crafted frame from an editor touching the locked section, mixed with an unlocked one.
    const editorSocket = await raw(parties.editor.token);
    const crafted = updateOnTopOf(other.doc, (doc) => {
      writeShortText(sectionMap(doc, 'facts')!, 'title', 'Sneaky title');
      const text = sectionMap(doc, 'problem')!.get('text') as Y.XmlFragment;
      text.insert(0, [new Y.XmlText('forged')]);
    });
    editorSocket.socket.send(syncFrame(2, crafted));
    await waitFor(() => refusalsIn(editorSocket.received).length > 0, { what: 'the refusal' });
    expect(refusalsIn(editorSocket.received)).toEqual([{ reason: 'sectionLocked', sections: ['problem'] }]);

    // The stock editor client edits the locked section.
    editor.doc.transact(() => setField(sectionMap(editor.doc, 'problem')!, 'note', 'x'));
    await waitFor(() => refusals.length > 0, { what: 'the stock client’s refusal' });
    expect(refusals).toEqual([{ reason: 'sectionLocked', sections: ['problem'] }]);

    // The same crafted update from the facilitator is accepted and relayed.
    const facilitatorSocket = await raw(parties.facilitator);
    facilitatorSocket.socket.send(syncFrame(2, crafted));
    await waitFor(() => toModel(other.doc).facts.title === 'Sneaky title', { what: 'the facilitator’s edit' });
    expect(refusalsIn(facilitatorSocket.received)).toEqual([]);
    expect((sectionMap(other.doc, 'problem')!.get('text') as Y.XmlFragment).toString()).toContain('forged');
    expect(toModel(facilitator.doc).facts.title).toBe('Sneaky title');
    expect(editorSocket.socket.readyState).toBe(editorSocket.socket.OPEN);

    // Unlocked: a fresh editor connection may edit the section again.
    await api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/workshop/locks`, {
      section: 'problem',
      locked: false,
    });
    const fresh = await connect(parties.editor.token);
    const freshRefusals = recordRefusals(fresh);
    await waitFor(() => readWorkshop(fresh.doc).locks.problem === undefined, { what: 'unlock' });
    fresh.doc.transact(() => setField(sectionMap(fresh.doc, 'problem')!, 'note', 'allowed'));
    await waitFor(() => sectionMap(other.doc, 'problem')!.get('note') === 'allowed', { what: 'the editor’s edit' });
    expect(freshRefusals).toEqual([]);
  });

  it('[W2] a reconnecting client with earlier edits and deletions (its sync step 2 carries its whole delete set) is accepted', async () => {
    const { server, parties, connect } = await setup();
    const facilitator = await connect(parties.facilitator);
    const editor = await connect(parties.editor.token);
    const refusals = recordRefusals(editor);
    const url = (path: string) => `/api/cases/${parties.id}/workshop/${path}`;
    // Edits and deletions of content by the editor, and server overwrites in workshop (deleted items there).
    editor.doc.transact(() => writeShortText(sectionMap(editor.doc, 'facts')!, 'title', 'One'));
    editor.doc.transact(() => writeShortText(sectionMap(editor.doc, 'facts')!, 'title', 'Two'));
    editor.doc.transact(() => addItem(editor.doc, 'outcome', 'out-temporary', { name: 'Temporary' }));
    editor.doc.transact(() => addItem(editor.doc, 'outcome', 'out-gone', { name: 'Gone' }));
    editor.doc.transact(() => removeItem(editor.doc, 'outcome', 'out-gone'));
    const text = sectionMap(editor.doc, 'problem')!.get('text') as Y.XmlFragment;
    editor.doc.transact(() => text.insert(0, [new Y.XmlText('draft words')]));
    editor.doc.transact(() => text.delete(0, 1));
    await api(server.url, parties.facilitator, 'POST', url('timer'), { action: 'start', seconds: 600 });
    await api(server.url, parties.facilitator, 'POST', url('timer'), { action: 'pause' });
    await api(server.url, parties.facilitator, 'POST', url('timer'), { action: 'add', seconds: 60 });
    await api(server.url, parties.facilitator, 'POST', url('locks'), { section: 'evaluation', locked: true });
    await api(server.url, parties.facilitator, 'POST', url('locks'), { section: 'evaluation', locked: false });
    await waitFor(() => toModel(facilitator.doc).facts.title === 'Two', { what: 'the editor’s edits' });
    await waitFor(() => readWorkshop(editor.doc).timer.status === 'paused', { what: 'the timer' });

    for (let round = 0; round < 2; round++) {
      editor.provider.disconnect();
      await waitFor(() => !editor.provider.wsconnected, { what: 'disconnected' });
      // An offline edit goes out in the sync step 2 as well.
      editor.doc.transact(() => writeShortText(sectionMap(editor.doc, 'targetGroup')!, 'name', `Offline ${round}`));
      editor.provider.connect();
      await waitFor(() => editor.provider.synced, { what: 'resynced' });
      await waitFor(() => toModel(facilitator.doc).targetGroup.name === `Offline ${round}`, {
        what: 'the offline edit',
      });
    }
    await pause(200);
    expect(refusals).toEqual([]);
    expect(server.logs.filter((line) => line.message === 'document update refused')).toEqual([]);
    expect(toModel(facilitator.doc)).toEqual(toModel(editor.doc));
  });
});
