import { addItem, COMMENTS, initCaseDoc, removeItem, rootsTouchedBy, WORKSHOP } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager } from './undoManager.ts';

/**
 * Issue 9, item 8 asks whether undo could ever write into the workshop record (refused as
 * `workshopIsServerOnly`). Undo and redo are played here against a server document that keeps
 * writing the workshop record and comments meanwhile; every update this browser sends is
 * traced to its roots the way the server's guard does.
 */
describe('undo never touches the workshop record or comments', () => {
  it('undo and redo of form and list edits send updates that touch sections only', () => {
    const server = new Y.Doc();
    initCaseDoc(server);
    const browser = new Y.Doc();
    const provider = { name: 'provider' };
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(server), provider);

    // What the browser sends, checked against the server's document, then applied there.
    const sent: Set<string>[] = [];
    browser.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === provider) return;
      sent.push(rootsTouchedBy(server, update));
      Y.applyUpdate(server, update, 'client');
    });
    server.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'client') Y.applyUpdate(browser, update, provider);
    });
    const serverWrites = (n: number) =>
      server.transact(() => {
        const workshop = server.getMap(WORKSHOP);
        const locks = workshop.get('locks') as Y.Map<unknown>;
        if (n % 2 === 0) locks.set('facts', { by: 'facilitator', at: n });
        else locks.delete('facts');
        workshop.set('phase', 1 + (n % 3));
        server.getMap(COMMENTS).set(`c${n}`, { text: `kommentar ${n}`, itemPath: 'outcomes/o1' });
      }, 'server');

    const localOrigin = { name: 'caseroom-local-edit' };
    const undo = createUndoManager(browser, localOrigin);
    const edit = (change: () => void) => {
      undo.stopCapturing();
      browser.transact(change, localOrigin);
    };
    edit(() => browser.getMap('facts').set('title', 'Sygedagpenge'));
    serverWrites(0);
    edit(() => addItem(browser, 'outcome', 'o1', { name: 'Beskæftigelse' }));
    serverWrites(1);
    edit(() => removeItem(browser, 'outcome', 'o1'));
    serverWrites(2);
    edit(() => browser.getMap('facts').set('municipality', 'Holbæk'));

    for (let round = 0; round < 2; round++) {
      while (undo.canUndo()) {
        undo.undo();
        serverWrites(round + 3);
      }
      while (undo.canRedo()) {
        undo.redo();
        serverWrites(round + 4);
      }
    }

    expect(sent.length).toBeGreaterThan(8);
    for (const roots of sent) {
      expect([...roots]).not.toContain(WORKSHOP);
      expect([...roots]).not.toContain(COMMENTS);
    }
    // Both documents agree, the workshop record included.
    expect(browser.getMap(WORKSHOP).toJSON()).toEqual(server.getMap(WORKSHOP).toJSON());
    expect(browser.getMap('facts').get('municipality')).toBe('Holbæk');
  });
});
