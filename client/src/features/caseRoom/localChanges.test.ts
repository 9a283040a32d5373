import { addItem, initCaseDoc } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { trackLocalChanges } from './localChanges.ts';

/** A browser's document loaded from the server (remote origin), as a session starts. */
function loadedCase(): { server: Y.Doc; doc: Y.Doc } {
  const server = new Y.Doc();
  initCaseDoc(server);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), { name: 'provider' });
  return { server, doc };
}

describe('trackLocalChanges (issue 9, item 8)', () => {
  it('counts neither the server’s updates nor the offline copy’s replay', () => {
    const { server, doc } = loadedCase();
    const changes = trackLocalChanges(doc);
    server.getMap('workshop').set('phase', 3);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), { name: 'provider' });
    const copy = new Y.Doc();
    copy.getMap('facts').set('title', 'fra kopien');
    Y.transact(doc, () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy)), { name: 'indexeddb' }, false);
    expect([...changes.roots()]).toEqual([]);
    expect(changes.refusedFromCopy({ sections: ['workshop'] })).toBe(true);
    expect(changes.refusedFromCopy({ sections: [] })).toBe(true);
  });

  it('finds the root of nested changes, and tells the copy’s refused sections from the session’s own', () => {
    const { doc } = loadedCase();
    const changes = trackLocalChanges(doc);
    const localOrigin = { name: 'caseroom-local-edit' };
    doc.transact(() => addItem(doc, 'outcome', 'o1', { name: 'Beskæftigelse' }), localOrigin);
    doc.transact(() => (doc.getMap('problem').get('text') as Y.XmlFragment).insert(0, [new Y.XmlText('x')]));
    expect([...changes.roots()].sort()).toEqual(['outcomes', 'problem']);
    // A workshop refusal after the person edited sections only: the copy's (item 8's message).
    expect(changes.refusedFromCopy({ sections: ['workshop'] })).toBe(true);
    // A lock or a bound on a section the person changed: theirs.
    expect(changes.refusedFromCopy({ sections: ['outcomes'] })).toBe(false);
    // A refusal naming no section, after any change of this session: theirs.
    expect(changes.refusedFromCopy({ sections: [] })).toBe(false);
  });

  it('a forged write into the workshop record (a modified client) is the session’s own', () => {
    const { doc } = loadedCase();
    const changes = trackLocalChanges(doc);
    doc.getMap('workshop').set('phase', 3);
    expect(changes.refusedFromCopy({ sections: ['workshop'] })).toBe(false);
    changes.destroy();
    doc.getMap('comments').set('c', { text: 'efter destroy' });
    expect(changes.roots().has('comments')).toBe(false);
  });
});
