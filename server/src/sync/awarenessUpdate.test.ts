import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { stampParty } from '../access/presence.ts';
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from './awarenessUpdate.ts';
import { MalformedMessageError } from './messages.ts';

const party = { id: 'p1', name: 'Jobcenter', kind: 'department', role: 'editor' } as const;

describe('awareness updates', () => {
  it('decode what y-protocols encodes and encode what it applies', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Ole', party: { role: 'facilitator' } }, cursor: 1 });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
    const entries = decodeAwarenessUpdate(update);
    expect(entries).toEqual([
      { clientId: awareness.clientID, clock: expect.any(Number), state: awareness.getLocalState() },
    ]);

    const server = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(server, encodeAwarenessUpdate(stampParty(entries, party)), 'test');
    expect(server.getStates().get(awareness.clientID)).toEqual({ user: { name: 'Ole', party }, cursor: 1 });
  });

  it('[A8] stamping keeps null (a client leaving) and replaces non-object states and users', () => {
    const stamped = stampParty(
      [
        { clientId: 1, clock: 2, state: null },
        { clientId: 2, clock: 1, state: 'x' },
        { clientId: 3, clock: 1, state: { user: ['a'] } },
      ],
      { ...party, departmentId: 'd' } as typeof party,
    );
    expect(stamped).toEqual([
      { clientId: 1, clock: 2, state: null },
      { clientId: 2, clock: 1, state: { user: { party } } },
      { clientId: 3, clock: 1, state: { user: { party } } },
    ]);
  });

  it('truncated, trailing or non-JSON input is malformed', () => {
    const good = encodeAwarenessUpdate([{ clientId: 5, clock: 1, state: { a: 1 } }]);
    expect(() => decodeAwarenessUpdate(good.slice(0, good.length - 2))).toThrow(MalformedMessageError);
    expect(() => decodeAwarenessUpdate(new Uint8Array([...good, 0]))).toThrow(MalformedMessageError);
    const notJson = encodeAwarenessUpdate([{ clientId: 5, clock: 1, state: 1 }]);
    notJson[notJson.length - 1] = '{'.charCodeAt(0);
    expect(() => decodeAwarenessUpdate(notJson)).toThrow(MalformedMessageError);
  });
});
