import type { Party } from '@caseroom/shared';
import { COMMENTS, createWorkshop, WORKSHOP } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { openCaseState } from './caseStore.ts';
import type { CaseSource } from './liveCase.ts';

const facilitator: Party = { id: 'p-fac', name: 'Fonden', kind: 'facilitator', role: 'facilitator' };
const editor: Party = { id: 'p-ed', name: 'Jobcenter', kind: 'department', role: 'editor' };

/** One open case as a browser has it: a real document with its workshop, and real presence. */
function openCase(self: Party = editor): CaseSource & { remote: (state: object) => void; leave: () => void } {
  const doc = new Y.Doc();
  doc.transact(() => createWorkshop(doc));
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name: 'Me', department: '', color: '#0072B2', section: 'facts' });
  // Another browser in the same case: its own awareness, relayed as the server relays it.
  const other = new Awareness(new Y.Doc());
  return {
    doc,
    awareness,
    me: { get: () => self, subscribe: () => () => {} },
    remote: (state) => {
      other.setLocalState(state);
      applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
    },
    leave: () => {
      other.setLocalState(null);
      applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
    },
  };
}

const user = (name: string, section = 'facts', party?: Party) => ({
  user: { name, department: '', color: '#E69F00', section, ...(party ? { party } : {}) },
});

const comment = (itemPath: string, at: string, extra: object = {}) => ({
  itemPath,
  text: 'Hvor kommer tallet fra?',
  partyId: 'p-ed',
  partyName: 'Jobcenter',
  at,
  resolved: false,
  ...extra,
});

describe('the case store follows its case (issue 11)', () => {
  it('peers, the leader, the workshop record and comments come from the document and presence', () => {
    const source = openCase();
    const caseState = openCaseState();
    caseState.feed(source);
    const store = caseState.store;
    expect(store.getState().peers.map((p) => [p.name, p.isSelf, p.party?.id])).toEqual([['Me', true, 'p-ed']]);

    source.remote({ ...user('Fie', 'outcomes', facilitator), followMe: true });
    expect(store.getState().peers.map((p) => p.name)).toEqual(['Me', 'Fie']);
    expect(store.getState().leader).toMatchObject({ section: 'outcomes' });

    (source.doc.getMap(WORKSHOP).get('locks') as Y.Map<unknown>).set('targetGroup', {
      partyId: 'p-fac',
      partyName: 'Fonden',
      at: '2025-01-01T10:00:00Z',
    });
    expect(Object.keys(store.getState().workshop.locks)).toEqual(['targetGroup']);

    const comments = source.doc.getMap(COMMENTS);
    comments.set('c2', comment('outcomes/o1', '2025-01-01T10:02:00Z'));
    comments.set('c1', comment('problem', '2025-01-01T10:01:00Z'));
    comments.set('c3', comment('problem', '2025-01-01T10:03:00Z', { parentId: 'c1' }));
    expect(store.getState().comments.map(([id]) => id)).toEqual(['c1', 'c2', 'c3']);
    expect(store.getState().openCommentCounts).toEqual({ problem: 1, outcomes: 1 });

    source.leave();
    expect(store.getState().peers.map((p) => p.name)).toEqual(['Me']);
    expect(store.getState().leader).toBeUndefined();
  });

  it('an editor asking to be followed is not followed: only a server-stamped facilitator leads', () => {
    const source = openCase();
    const { store, feed } = openCaseState();
    feed(source);
    source.remote({ ...user('Eve', 'outcomes', editor), followMe: true });
    expect(store.getState().leader).toBeUndefined();
  });

  it('replaces only the slice that changed, and keeps unchanged parts of it', () => {
    const source = openCase();
    const { store, feed } = openCaseState();
    feed(source);
    source.remote(user('Fie', 'facts', facilitator));
    source.doc.getMap(COMMENTS).set('c1', comment('problem', '2025-01-01T10:01:00Z'));
    const before = store.getState();

    // A vote opened: the workshop record changes, its locks do not; presence and comments stay.
    source.doc.getMap(WORKSHOP).set('phase', 2);
    const after = store.getState();
    expect(after.workshop).not.toBe(before.workshop);
    expect(after.workshop.phase).toBe(2);
    expect(after.workshop.locks).toBe(before.workshop.locks);
    expect(after.peers).toBe(before.peers);
    expect(after.comments).toBe(before.comments);

    // Someone else moved: the peers array is new, this person's own entry is the same object.
    source.remote(user('Fie', 'outcomes', facilitator));
    const moved = store.getState();
    expect(moved.peers).not.toBe(after.peers);
    expect(moved.peers[0]).toBe(after.peers[0]);
    expect(moved.workshop).toBe(after.workshop);

    // A new reply: comments change, the open-thread counts (replies do not count) keep their identity.
    source.doc.getMap(COMMENTS).set('c2', comment('problem', '2025-01-01T10:02:00Z', { parentId: 'c1' }));
    const replied = store.getState();
    expect(replied.comments).not.toBe(moved.comments);
    expect(replied.comments[0]).toBe(moved.comments[0]);
    expect(replied.openCommentCounts).toBe(moved.openCommentCounts);
  });

  it('case A fed, disposed, case B opened: B holds B’s peers, workshop and comments only; A’s late events reach nobody', () => {
    const a = openCase();
    const caseA = openCaseState();
    caseA.feed(a);
    a.remote({ ...user('Fie', 'outcomes', facilitator), followMe: true });
    a.doc.getMap(WORKSHOP).set('phase', 3);
    a.doc.getMap(COMMENTS).set('a1', comment('problem', '2025-01-01T10:01:00Z'));
    caseA.store.getState().setFollowMe(true);
    const lastOfA = caseA.store.getState();
    caseA.dispose();

    const b = openCase();
    const caseB = openCaseState();
    caseB.feed(b);
    b.remote(user('Bo', 'facts', editor));

    // A's case goes on without this browser: none of it reaches A's store or B's.
    a.remote({ ...user('Fie', 'payment', facilitator), followMe: true });
    a.doc.getMap(WORKSHOP).set('phase', 2);
    a.doc.getMap(COMMENTS).set('a2', comment('outcomes/o1', '2025-01-01T10:05:00Z'));
    expect(caseA.store.getState()).toBe(lastOfA);

    const stateB = caseB.store.getState();
    expect(stateB.peers.map((p) => p.name)).toEqual(['Me', 'Bo']);
    expect(stateB.leader).toBeUndefined();
    expect(stateB.followMe).toBe(false);
    expect(stateB.openSection).toBe('facts');
    expect(stateB.workshop.phase).toBe(1);
    expect(stateB.comments).toEqual([]);
    expect(stateB.openCommentCounts).toEqual({});
  });

  it('a session reopened under the same store (after a refusal) replaces the old one’s state, and the old one falls silent', () => {
    const first = openCase();
    const caseState = openCaseState();
    const stopFirst = caseState.feed(first);
    first.remote(user('Fie', 'facts', facilitator));
    first.doc.getMap(COMMENTS).set('c1', comment('problem', '2025-01-01T10:01:00Z'));
    stopFirst();

    const second = openCase();
    caseState.feed(second);
    expect(caseState.store.getState().peers.map((p) => p.name)).toEqual(['Me']);
    expect(caseState.store.getState().comments).toEqual([]);

    first.remote({ ...user('Fie', 'outcomes', facilitator), followMe: true });
    first.doc.getMap(COMMENTS).set('c2', comment('problem', '2025-01-01T10:02:00Z'));
    expect(caseState.store.getState().leader).toBeUndefined();
    expect(caseState.store.getState().comments).toEqual([]);
  });
});
