/**
 * Issue 9 items 1, 2 and the write guard's rules: raw frames from a modified client against a
 * real server. Each attack is refused (the sender is told with a type 100 message), /health
 * keeps answering, two honest clients keep syncing, and what was accepted survives a restart.
 */
import { RICH_TEXT_BOUND, readShortText, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pause, syncFrame, updateOnTopOf } from '../integration/accessFixtures.ts';
import { refusalsIn } from '../integration/workshopFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectSynced, openRawSocket, startTestServer, waitFor } from '../support/server.ts';
import {
  deleteOnlyUpdate,
  expectHonestSync,
  gcClaimUpdate,
  handWrittenUpdate,
  healthProbe,
  honestRoom,
  updateWithSkip,
  varStringBytes,
  varUintBytes,
  writerOf,
} from './attackFixtures.ts';

describe('issue 9: the write guard', () => {
  const resources = cleanupAfterEach();

  async function room() {
    const { server, dataDir, parties, facilitator, editor } = await honestRoom(resources);
    const attacker = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(attacker);
    return { server, dataDir, parties, facilitator, editor, attacker };
  }

  async function refusalAfter(attacker: { received: Uint8Array[] }, count: number) {
    await waitFor(() => refusalsIn(attacker.received).length > count, { what: 'a refusal (type 100)' });
    return refusalsIn(attacker.received)[count];
  }

  it('[9.1] a delete-only update for the server’s future clocks is refused; later decisions, locks and sign-offs stay', async () => {
    const { server, dataDir, parties, facilitator, editor, attacker } = await room();
    const comment = await api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/workshop/comments`, {
      itemPath: 'problem',
      text: 'Hvor kommer tallet fra?',
    });
    expect(comment.status).toBe(201);
    const commentId: string = comment.body.commentId;
    await waitFor(() => facilitator.doc.getMap('comments').size > 0, { what: 'the comment reaches a client' });
    // The server's client id, learned from the relayed comment (as an attacker would).
    const serverClient = writerOf(facilitator.doc.getMap('comments'), commentId);
    const future = Y.getState(facilitator.doc.store, serverClient);

    const probe = healthProbe(server.url);
    attacker.socket.send(syncFrame(2, deleteOnlyUpdate(serverClient, future, 10_000)));
    const refusal = await refusalAfter(attacker, 0);
    expect(refusal?.reason).toBe('inconsistent');

    // Later server writes are not eaten by a pending delete set.
    const decision = await api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/workshop/decisions`, {
      text: 'Vi vælger mentorforløbet',
    });
    expect(decision.status).toBe(201);
    const lock = await api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/workshop/locks`, {
      section: 'targetGroup',
      locked: true,
    });
    expect(lock.status).toBe(200);
    const workshop = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/workshop`);
    expect(JSON.stringify(workshop.body)).toContain('Vi vælger mentorforløbet');
    expect(JSON.stringify(workshop.body)).toContain('targetGroup');
    await waitFor(() => JSON.stringify(facilitator.doc.getMap('workshop').toJSON()).includes('Vi vælger'), {
      what: 'the decision reaches the facilitator',
    });
    // The locked section refuses the editor's edit.
    writeShortText(editor.doc.getMap('targetGroup'), 'name', 'after the lock');
    await pause(300);
    const model = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`);
    expect(model.body.targetGroup.name).not.toBe('after the lock');
    expect(await probe.stop()).toBeLessThan(1_000);
    expect(server.logs.some((line) => line.message === 'document update refused')).toBe(true);

    // After a restart, everything accepted is still there.
    await server.close();
    const again = await startTestServer({ dataDir });
    resources.servers.push(again);
    const after = await api(again.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/workshop`);
    expect(JSON.stringify(after.body)).toContain('Vi vælger mentorforløbet');
  });

  it('[9.1] a gap (Skip), a missing origin and a struct past the document’s state are refused as inconsistent', async () => {
    const { facilitator, attacker, editor, server, parties } = await room();
    const client = 1_234_567;
    attacker.socket.send(syncFrame(2, updateWithSkip(facilitator.doc, client)));
    expect((await refusalAfter(attacker, 0))?.reason).toBe('inconsistent');
    // A struct that builds on an item the server never got (its origin is missing).
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(facilitator.doc));
    writeShortText(offline.getMap('facts'), 'title', 'never sent');
    const before = Y.encodeStateVector(offline);
    writeShortText(offline.getMap('facts'), 'title', 'depends on it');
    attacker.socket.send(syncFrame(2, Y.encodeStateAsUpdate(offline, before)));
    expect((await refusalAfter(attacker, 1))?.reason).toBe('inconsistent');
    await expectHonestSync(facilitator, editor, 'after gaps');
    const model = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`);
    expect(model.body.facts.title).not.toMatch(/first|third|depends on it/);
  });

  it('[9.2] a GC struct or an item under another party’s client id is refused; her offline edits arrive when she reconnects', async () => {
    const { server, parties, facilitator, editor, attacker } = await room();
    // The facilitator's client id is visible in presence; she has written with it before.
    facilitator.provider.awareness.setLocalStateField('user', { name: 'Facilitator' });
    writeShortText(facilitator.doc.getMap('facts'), 'title', 'Online');
    await waitFor(() => readShortText(editor.doc.getMap('facts'), 'title') === 'Online', {
      what: 'the edit is relayed',
    });
    const victim = facilitator.doc.clientID;
    facilitator.provider.disconnect();
    writeShortText(facilitator.doc.getMap('facts'), 'municipality', 'Offline-kommune');
    const serverState = Y.getState(editor.doc.store, victim);

    attacker.socket.send(syncFrame(2, gcClaimUpdate(victim, serverState, 50)));
    expect((await refusalAfter(attacker, 0))?.reason).toBe('foreignClient');
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(editor.doc));
    // After the state: Yjs would change a client id it sees in a remote update.
    forged.clientID = victim;
    const sv = Y.encodeStateVector(forged);
    writeShortText(forged.getMap('facts'), 'municipality', 'forged');
    attacker.socket.send(syncFrame(2, Y.encodeStateAsUpdate(forged, sv)));
    expect((await refusalAfter(attacker, 1))?.reason).toBe('foreignClient');

    facilitator.provider.connect();
    await waitFor(() => readShortText(editor.doc.getMap('facts'), 'municipality') === 'Offline-kommune', {
      what: 'the offline edit reaches the editor',
    });
    const model = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`);
    expect(model.body.facts.municipality).toBe('Offline-kommune');
  });

  it('[9.2] a client id stays bound to its party across a restart: the same party’s offline copy reconnects, another party’s cannot', async () => {
    const { server, dataDir, parties, editor } = await room();
    // The editor's browser writes, then the server restarts.
    writeShortText(editor.doc.getMap('targetGroup'), 'name', 'Unge 18-29');
    const online = async (url: string) =>
      (await api(url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`)).body.targetGroup.name as string;
    for (let i = 0; i < 50 && (await online(server.url)) !== 'Unge 18-29'; i++) await pause(20);
    editor.provider.disconnect();
    writeShortText(editor.doc.getMap('targetGroup'), 'name', 'Unge 18-30 (offline)');
    await server.close();
    const again = await startTestServer({ dataDir });
    resources.servers.push(again);
    // Another party presenting the editor's offline copy (a shared PC with a modified client).
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(editor.doc));
    const raw = await openRawSocket(again.wsUrl, parties.id, parties.facilitator);
    resources.sockets.push(raw);
    await waitFor(() => raw.received.length > 0, { what: 'the server’s sync step 1' });
    raw.socket.send(syncFrame(1, Y.encodeStateAsUpdate(copy)));
    await waitFor(() => refusalsIn(raw.received).length > 0, { what: 'a refusal' });
    expect(refusalsIn(raw.received)[0]?.reason).toBe('foreignClient');
    // The editor's own browser, same client id, same party: accepted.
    const back = await connectSynced(again.wsUrl, parties.id, { token: parties.editor.token, doc: editor.doc });
    resources.clients.push(back);
    let name = '';
    for (let i = 0; i < 100 && name !== 'Unge 18-30 (offline)'; i++) {
      name = await online(again.url);
      await pause(50);
    }
    expect(name).toBe('Unge 18-30 (offline)');
  });

  it('[9.1] meta, workshop and comments are the server’s; an unknown root is refused', async () => {
    const { facilitator, attacker, editor } = await room();
    attacker.socket.send(
      syncFrame(
        2,
        updateOnTopOf(facilitator.doc, (d) => d.getMap('meta').set('schemaVersion', 99)),
      ),
    );
    const meta = await refusalAfter(attacker, 0);
    expect(meta).toMatchObject({ reason: 'workshopIsServerOnly', sections: ['meta'] });
    attacker.socket.send(
      syncFrame(
        2,
        updateOnTopOf(facilitator.doc, (d) => d.getMap('junk').set('x', 1)),
      ),
    );
    expect((await refusalAfter(attacker, 1))?.reason).toBe('inconsistent');
    await expectHonestSync(facilitator, editor, 'after meta');
  });

  it('[9.3] bounds: a long short text, too many outcomes and too deep rich text are refused, naming the field and the limit', async () => {
    const { facilitator, attacker, editor } = await room();
    attacker.socket.send(
      syncFrame(
        2,
        updateOnTopOf(facilitator.doc, (d) => writeShortText(d.getMap('facts'), 'title', 'x'.repeat(201))),
      ),
    );
    expect(await refusalAfter(attacker, 0)).toMatchObject({
      reason: 'textTooLong',
      path: 'facts/title',
      limit: 200,
      sections: ['facts'],
    });
    attacker.socket.send(
      syncFrame(
        2,
        updateOnTopOf(facilitator.doc, (d) => {
          const items = d.getMap('outcomes').get('items') as Y.Map<unknown>;
          for (let i = 0; i < 101; i++) items.set(`o-${i}`, new Y.Map());
        }),
      ),
    );
    expect(await refusalAfter(attacker, 1)).toMatchObject({
      reason: 'listTooLong',
      path: 'outcomes/items',
      limit: 100,
    });
    attacker.socket.send(
      syncFrame(
        2,
        updateOnTopOf(facilitator.doc, (d) => {
          const text = d.getMap('problem').get('text') as Y.XmlFragment;
          let parent: Y.XmlFragment | Y.XmlElement = text;
          for (let i = 0; i < RICH_TEXT_BOUND.maxDepth + 5; i++) {
            const quote = new Y.XmlElement('blockquote');
            parent.insert(0, [quote]);
            parent = quote;
          }
        }),
      ),
    );
    expect(await refusalAfter(attacker, 2)).toMatchObject({
      reason: 'richTextTooLarge',
      path: 'problem/text',
      limit: RICH_TEXT_BOUND.maxDepth,
    });
    // Within the bounds is fine: a 200-character title from the same sender.
    attacker.socket.send(
      syncFrame(
        2,
        updateOnTopOf(facilitator.doc, (d) => writeShortText(d.getMap('facts'), 'title', 'y'.repeat(200))),
      ),
    );
    await waitFor(() => readShortText(facilitator.doc.getMap('facts'), 'title') === 'y'.repeat(200), {
      what: 'an in-bounds title is accepted',
    });
    await expectHonestSync(facilitator, editor, 'after bounds');
  });

  it('[9.1] review: padded message types, straddling structs, overlapping deletions, repeated blocks, nested arrays and unowned ids', async () => {
    const { server, parties, facilitator, editor, attacker } = await room();
    const probe = healthProbe(server.url);
    // An observer's update with its sub-type written as a padded varUint (0x82 0x00 = 2).
    const observer = await openRawSocket(server.wsUrl, parties.id, parties.observer.token);
    resources.sockets.push(observer);
    const forgedTitle = updateOnTopOf(facilitator.doc, (d) =>
      writeShortText(d.getMap('facts'), 'title', 'observer wrote this'),
    );
    observer.socket.send(new Uint8Array([0x00, 0x82, 0x00, ...varUintBytes(forgedTitle.length), ...forgedTitle]));
    await waitFor(() => server.logs.some((l) => l.message === 'document update from an observer dropped'), {
      what: 'the padded observer update dropped',
    });

    // The facilitator's client id has written: a struct straddling its state whose origin is its own later clock.
    writeShortText(facilitator.doc.getMap('facts'), 'municipality', 'Holbæk');
    await waitFor(() => readShortText(editor.doc.getMap('facts'), 'municipality') === 'Holbæk', { what: 'relayed' });
    const client = facilitator.doc.clientID;
    const known = Y.getState(editor.doc.store, client);
    const straddle = handWrittenUpdate({
      structs: [
        1,
        1,
        ...varUintBytes(client),
        ...varUintBytes(known - 1),
        0x84,
        ...varUintBytes(client),
        ...varUintBytes(known),
        ...varStringBytes('ab'),
      ],
      deletes: [0],
    });
    attacker.socket.send(syncFrame(2, straddle));
    expect((await refusalAfter(attacker, 0))?.reason).toBe('inconsistent');
    // The same from the facilitator's own party (the owner): refused as well, no endless loop.
    const own = await openRawSocket(server.wsUrl, parties.id, parties.facilitator);
    resources.sockets.push(own);
    own.socket.send(syncFrame(2, straddle));
    await waitFor(() => refusalsIn(own.received).length > 0, { what: 'the straddle refused' });
    expect(refusalsIn(own.received)[0]?.reason).toBe('inconsistent');
    // Overlapping deletions of the same range.
    const overlapping = handWrittenUpdate({
      structs: [0],
      deletes: [1, ...varUintBytes(client), 2, 0, ...varUintBytes(known), 0, ...varUintBytes(known)],
    });
    own.socket.send(syncFrame(2, overlapping));
    await waitFor(() => refusalsIn(own.received).length > 1, { what: 'overlapping deletions refused' });
    expect(refusalsIn(own.received)[1]?.reason).toBe('inconsistent');
    // Arrays nested in a section (outside the layout, and Yjs deletes them recursively).
    attacker.socket.send(
      syncFrame(
        2,
        updateOnTopOf(facilitator.doc, (d) => {
          let array = new Y.Array<unknown>();
          d.getMap('targetGroup').set('nested', array);
          for (let i = 0; i < 50; i++) {
            const inner = new Y.Array<unknown>();
            array.insert(0, [inner]);
            array = inner;
          }
        }),
      ),
    );
    expect((await refusalAfter(attacker, 1))?.reason).toBe('listTooLong');
    // A client id the document holds that nobody owns (the case was created under it).
    const creator = [...facilitator.doc.store.clients.keys()].find(
      (id) => id !== facilitator.doc.clientID && id !== editor.doc.clientID,
    ) as number;
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(facilitator.doc));
    forged.clientID = creator;
    const sv = Y.encodeStateVector(forged);
    writeShortText(forged.getMap('facts'), 'title', 'under the creator');
    attacker.socket.send(syncFrame(2, Y.encodeStateAsUpdate(forged, sv)));
    expect((await refusalAfter(attacker, 2))?.reason).toBe('foreignClient');
    // Two blocks for one client: malformed (Yjs would apply only the last).
    const repeated = handWrittenUpdate({
      structs: [2, 1, ...varUintBytes(777), 0, 0, 1, 1, ...varUintBytes(777), 1, 0, 1],
      deletes: [0],
    });
    attacker.socket.send(syncFrame(2, repeated));
    expect((await attacker.closed).code).toBe(4400);

    expect(await probe.stop()).toBeLessThan(1_000);
    const model = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`);
    expect(model.body.facts.title).not.toMatch(/observer wrote this|under the creator/);
    await expectHonestSync(facilitator, editor, 'after the review attacks');
  });
});
