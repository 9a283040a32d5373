import { isFinalClose } from '@caseroom/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type ConnectionTracker, trackConnection } from '../connection/connectionState.ts';
import { createUndoManager } from '../undo/undoManager.ts';

/**
 * Everything one open case needs: its Y.Doc, the websocket provider (sync + awareness), the
 * offline copy in IndexedDB, the undo manager for this person's own changes and the
 * connection state. Created when the case room opens, destroyed when it closes.
 */
export type CaseSession = {
  caseId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  undo: Y.UndoManager;
  connection: ConnectionTracker;
  /**
   * Makes a local change: one transaction with this person's origin, so undo can find it.
   * Changes within half a second merge into one undo step (typing); `writeStep` never merges.
   */
  write: (change: () => void) => void;
  /** A local change that is its own undo step (a committed number, a choice, a move). */
  writeStep: (change: () => void) => void;
  destroy: () => void;
};

/** The websocket endpoint on the page's own origin (the vite dev server proxies it). */
export function websocketBase(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

/** Opens a case: loads the offline copy, connects to the server and starts tracking undo. */
export function openCaseSession(caseId: string): CaseSession {
  const doc = new Y.Doc();
  const localOrigin = { name: 'caseroom-local-edit' };
  const persistence = new IndexeddbPersistence(`caseroom:${caseId}`, doc);
  const provider = new WebsocketProvider(websocketBase(), caseId, doc, {
    // Reconnect after anything but "this case does not exist" (y-websocket's default would also
    // give up after 4400 MalformedMessage, which asks for a fresh connection instead).
    shouldReconnect: (event) => !isFinalClose(event.code),
    maxBackoffTime: 5000,
  });
  const connection = trackConnection(provider);
  const undo = createUndoManager(doc, localOrigin);
  let destroyed = false;

  return {
    caseId,
    doc,
    provider,
    undo,
    connection,
    write: (change) => {
      doc.transact(change, localOrigin);
    },
    writeStep: (change) => {
      undo.stopCapturing();
      doc.transact(change, localOrigin);
      undo.stopCapturing();
    },
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      connection.destroy();
      undo.destroy();
      provider.awareness.setLocalState(null);
      provider.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
