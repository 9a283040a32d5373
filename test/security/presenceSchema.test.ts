import { PRESENCE_COLORS } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { awarenessFrame, pause } from '../integration/accessFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { type NodeClient, openRawSocket, waitFor } from '../support/server.ts';
import { expectHonestSync, healthProbe, honestRoom } from './attackFixtures.ts';

type PresenceSeen = { user?: { name?: string; color?: string; party?: { id?: string } } };

/**
 * Presence states are checked against a schema before they are relayed (issue 10,
 * shared/src/presence/presenceState.ts): known keys only, a self-entered name of at most 80
 * characters, a colour from the palette. The server still stamps the party (A8). A state that
 * does not fit is not applied or relayed; the sender is not cut off (like every other presence
 * over a bound: docs/security.md), and it is logged once per connection.
 */
describe('[10] presence states are checked against the schema', () => {
  const resources = cleanupAfterEach();

  const stateOf = (viewer: NodeClient, clientId: number) =>
    viewer.provider.awareness.getStates().get(clientId) as PresenceSeen | undefined;

  it('an unknown key, a 10 kB name, an 81-character name, a colour outside the palette and a non-object state are refused; an honest state passes, stamped', async () => {
    const { server, parties, facilitator, editor } = await honestRoom(resources);
    const raw = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(raw);
    await waitFor(() => raw.received.length > 0, { what: 'greeting' });
    const probe = healthProbe(server.url);

    const refused: [number, unknown][] = [
      [70_001, { user: { name: 'Ole' }, isFacilitator: true }],
      [70_002, { user: { name: 'x'.repeat(10_000) } }],
      [70_003, { user: { name: 'y'.repeat(81) } }],
      [70_004, { user: { name: 'Ole', color: '#c00' } }],
      [70_005, { user: { name: 'Ole', avatar: 'https://evil.example/pixel.png' } }],
      [70_006, 'I am the facilitator'],
    ];
    // One frame each: the bound of four presence entries per connection must not be what refuses them.
    for (const [clientId, state] of refused) raw.socket.send(awarenessFrame([{ clientId, clock: 1, state }]));
    const honest = {
      user: { name: 'z'.repeat(80), department: 'Jobcenter', color: PRESENCE_COLORS[3].color, section: 'outcomes' },
      cursor: null,
      followMe: false,
    };
    raw.socket.send(awarenessFrame([{ clientId: 70_100, clock: 1, state: honest }]));

    await waitFor(() => stateOf(facilitator, 70_100) !== undefined, { what: 'the honest state relayed' });
    expect(stateOf(facilitator, 70_100)).toEqual({
      ...honest,
      user: {
        ...honest.user,
        party: { id: parties.editor.party.id, name: 'Jobcenter Holbæk', kind: 'department', role: 'editor' },
      },
    });
    await pause(300);
    for (const [clientId] of refused) {
      expect(stateOf(facilitator, clientId), `client ${clientId}`).toBeUndefined();
      expect(stateOf(editor, clientId), `client ${clientId}`).toBeUndefined();
    }
    // Not cut off, and said once in the log (a modified client could otherwise fill it).
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    const lines = server.logs.filter((line) => line.message === 'presence state refused');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fields).toMatchObject({ caseId: parties.id, partyId: parties.editor.party.id });
    expect(String(lines[0]!.fields.problem)).toContain('isFacilitator');
    expect(await probe.stop()).toBeLessThan(1_000);
    await expectHonestSync(facilitator, editor, 'after refused presence');
  });

  it('a stock client’s own presence (a name, a palette colour, a caret) passes, and an honest state that turns bad is left as it was', async () => {
    const { facilitator, editor } = await honestRoom(resources);
    const fragment = editor.doc.getXmlFragment('problem');
    const caret = {
      anchor: Y.createRelativePositionFromTypeIndex(fragment, 0),
      head: Y.createRelativePositionFromTypeIndex(fragment, 0),
    };
    editor.provider.awareness.setLocalStateField('user', { name: 'Ole', color: PRESENCE_COLORS[0].color });
    editor.provider.awareness.setLocalStateField('cursor', caret);
    await waitFor(() => stateOf(facilitator, editor.doc.clientID)?.user?.name === 'Ole', { what: 'Ole' });
    expect(stateOf(facilitator, editor.doc.clientID)).toMatchObject({ cursor: JSON.parse(JSON.stringify(caret)) });

    editor.provider.awareness.setLocalStateField('user', { name: 'Ole', color: 'hotpink' });
    editor.provider.awareness.setLocalStateField('user', { name: 'Ole', color: PRESENCE_COLORS[0].color, hat: 1 });
    await pause(400);
    expect(stateOf(facilitator, editor.doc.clientID)?.user?.color).toBe(PRESENCE_COLORS[0].color);
    editor.provider.awareness.setLocalStateField('user', { name: 'Ole Hansen', color: PRESENCE_COLORS[1].color });
    await waitFor(() => stateOf(facilitator, editor.doc.clientID)?.user?.name === 'Ole Hansen', {
      what: 'a valid change after refused ones',
    });
  });
});
