/**
 * Issue 9 items 4 and 5: what one connection can cost the server. Raw frames against a real
 * server: big frames, a reader that never reads, a flood of messages, ghost presences, frames
 * on a socket that is being refused. Each is bounded, the sender alone is cut off, /health
 * answers within a second, and two honest clients keep syncing.
 */

import type { StartServerOptions } from '@caseroom/server';
import { AWARENESS_BOUNDS, CloseCode, CONNECTION_BOUNDS } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { awarenessFrame, pause, updateOnTopOf } from '../integration/accessFixtures.ts';
import { EMPTY_SYNC_STEP_1, refusalsIn } from '../integration/workshopFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { openRawSocket, waitFor } from '../support/server.ts';
import { bigSyncFrame, expectHonestSync, healthProbe, honestRoom } from './attackFixtures.ts';

const MiB = 1024 * 1024;

describe('issue 9: resources per connection', () => {
  const resources = cleanupAfterEach();

  const room = (options: Partial<StartServerOptions> = {}) => honestRoom(resources, options);

  it('[9.4] an observer’s big update is dropped unread; a frame over maxPayload closes only that socket (1009)', async () => {
    const { server, parties, facilitator, editor } = await room();
    const observer = await openRawSocket(server.wsUrl, parties.id, parties.observer.token);
    resources.sockets.push(observer);
    const probe = healthProbe(server.url);
    // 7 MiB of "update" (garbage that would take long to decode): an observer's is never read.
    const big = new Uint8Array(7 * MiB).fill(7);
    for (let i = 0; i < 4; i++) observer.socket.send(bigSyncFrame(2, big));
    await waitFor(() => server.logs.some((l) => l.message === 'document update from an observer dropped'), {
      what: 'the observer’s update dropped',
    });
    expect(observer.socket.readyState).toBe(observer.socket.OPEN);
    // 64 MiB in one frame: ws refuses it by its length, before buffering it.
    const editorRaw = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(editorRaw);
    editorRaw.socket.send(new Uint8Array(64 * MiB));
    expect((await editorRaw.closed).code).toBe(CloseCode.MessageTooBig);
    expect(await probe.stop()).toBeLessThan(1_000);
    await expectHonestSync(facilitator, editor, 'after big frames');
  });

  it('[9.4] a reader that never reads is closed as a slow consumer; the others are not held up', async () => {
    const { server, parties, facilitator, editor } = await room({ connectionLimits: { maxBufferedBytes: 256 * 1024 } });
    const reader = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(reader);
    reader.socket.pause(); // reads nothing from now on
    const probe = healthProbe(server.url);
    // The room works on: big edits (typed and removed again) are relayed to everyone.
    const paragraph = (facilitator.doc.getMap('problem').get('text') as Y.XmlFragment).get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    for (
      let round = 0;
      round < 150 && !server.logs.some((l) => l.message === 'closing connection: slow consumer');
      round++
    ) {
      facilitator.doc.transact(() => text.insert(0, 'x'.repeat(60_000)));
      facilitator.doc.transact(() => text.delete(0, 60_000));
      await pause(5);
    }
    await waitFor(() => server.logs.some((l) => l.message === 'closing connection: slow consumer'), {
      timeoutMs: 15_000,
      what: 'the slow consumer cut off',
    });
    expect(await probe.stop()).toBeLessThan(1_000);
    await expectHonestSync(facilitator, editor, 'after a slow reader');
  });

  it('[9.4] sync requests (each answered with the whole case) beyond their bound close the sender (4429)', async () => {
    const { server, parties, facilitator, editor } = await room();
    const asker = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(asker);
    const probe = healthProbe(server.url);
    for (let i = 0; i < 200; i++) asker.socket.send(EMPTY_SYNC_STEP_1);
    expect((await asker.closed).code).toBe(CloseCode.TooManyMessages);
    expect(await probe.stop()).toBeLessThan(1_000);
    await expectHonestSync(facilitator, editor, 'after sync requests');
  });

  it('[9.4] a flood of small messages closes the sender with TooManyMessages (4429)', async () => {
    const { server, parties, facilitator, editor } = await room();
    const flooder = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(flooder);
    const probe = healthProbe(server.url);
    for (let i = 0; i < 5_000; i++) flooder.socket.send(new Uint8Array([3])); // query awareness
    expect((await flooder.closed).code).toBe(CloseCode.TooManyMessages);
    expect(await probe.stop()).toBeLessThan(1_000);
    await expectHonestSync(facilitator, editor, 'after a flood');
  });

  it('[9.4] one awareness message with 2,000 presences relays at most the bound; an oversized state is dropped', async () => {
    const { server, parties, facilitator, editor } = await room();
    const ghost = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(ghost);
    const entries = Array.from({ length: 2_000 }, (_, i) => ({
      clientId: 10_000 + i,
      clock: 1,
      state: { user: { name: `ghost ${i}` } },
    }));
    ghost.socket.send(awarenessFrame(entries));
    ghost.socket.send(awarenessFrame([{ clientId: 50_000, clock: 1, state: { user: { name: 'x'.repeat(10_000) } } }]));
    await waitFor(() => facilitator.provider.awareness.getStates().size > 2, { what: 'some presence relayed' });
    await pause(300);
    const ghosts = [...facilitator.provider.awareness.getStates().keys()].filter((id) => id >= 10_000 && id <= 50_000);
    expect(ghosts.length).toBe(AWARENESS_BOUNDS.maxEntriesPerConnection);
    expect(facilitator.provider.awareness.getStates().has(50_000)).toBe(false);
    expect(server.logs.some((l) => l.message === 'presence entries over a bound dropped')).toBe(true);
    await expectHonestSync(facilitator, editor, 'after ghosts');
  });

  it('[9.5] frames on a socket that is being refused are dropped and the socket is cut promptly', async () => {
    const { server, parties, facilitator, editor } = await room();
    const probe = healthProbe(server.url);
    const refused = await openRawSocket(server.wsUrl, parties.id, 'cr1_not-a-real-token');
    resources.sockets.push(refused);
    const started = performance.now();
    const chunk = new Uint8Array(4 * MiB).fill(1);
    for (let i = 0; i < 32 && refused.socket.readyState === refused.socket.OPEN; i++) refused.socket.send(chunk);
    const { code } = await refused.closed;
    expect([CloseCode.Unauthorized, 1006]).toContain(code);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(await probe.stop()).toBeLessThan(1_000);
    await expectHonestSync(facilitator, editor, 'after a refused flood');
  });

  it('[9.4] an update with more structs than the bound is refused before it is decoded', async () => {
    const { server, parties, facilitator, editor } = await room();
    const attacker = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(attacker);
    // Each key of a map is a struct of its own (decoding builds an object for each).
    const update = updateOnTopOf(facilitator.doc, (doc) => {
      const sources = doc.getMap('facts').get('sources') as Y.Map<unknown>;
      for (let i = 0; i <= CONNECTION_BOUNDS.maxStructsPerUpdate; i++) sources.set(`k${i}`, i);
    });
    const probe = healthProbe(server.url);
    attacker.socket.send(bigSyncFrame(2, update));
    await waitFor(() => refusalsIn(attacker.received).length > 0, { what: 'a refusal' });
    expect(refusalsIn(attacker.received)[0]).toMatchObject({
      reason: 'updateTooLarge',
      limit: CONNECTION_BOUNDS.maxStructsPerUpdate,
    });
    expect(await probe.stop()).toBeLessThan(1_000);
    await expectHonestSync(facilitator, editor, 'after many structs');
  });
});
