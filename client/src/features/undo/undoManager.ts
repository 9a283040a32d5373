import { SECTIONS } from '@caseroom/shared';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * Undo and redo of this person's own changes only. The manager spans every section's root map
 * and tracks two origins: `localOrigin`, with which every form write is made, and the rich-text
 * binding's `ySyncPluginKey`, with which Tiptap writes typed text into the document. Remote
 * updates arrive with the provider as origin and offline copies with the IndexedDB store, so
 * they are never captured — undo cannot take back someone else's change.
 */
export function createUndoManager(doc: Y.Doc, localOrigin: object): Y.UndoManager {
  return new Y.UndoManager(
    SECTIONS.map((section) => doc.getMap(section)),
    {
      trackedOrigins: new Set<unknown>([localOrigin, ySyncPluginKey]),
      // The binding marks its own bookkeeping transactions `addToHistory: false`.
      captureTransaction: (transaction) => transaction.meta.get('addToHistory') !== false,
    },
  );
}
