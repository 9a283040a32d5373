import { type CaseModelDraft, initCaseDoc, type Party, writeModel } from '@caseroom/shared';
import { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { WhoAmI } from '../access/whoAmI.ts';
import type { CaseSession } from '../caseRoom/caseSession.ts';

/**
 * A throw-away session over a kept version (W11): a local Y.Doc filled with the snapshot's
 * model, never connected to the server or IndexedDB. This person acts as an observer in it,
 * so every section view is read-only; writes are dropped.
 */
export function snapshotSession(live: CaseSession, model: CaseModelDraft): CaseSession {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  writeModel(doc, model);
  const awareness = new Awareness(doc);
  const self = live.me.get();
  const observer: Party | undefined = self ? { ...self, role: 'observer' } : undefined;
  const me: WhoAmI = {
    get: () => observer,
    // Never confirmed: a kept version takes no offline copies over.
    whenConfirmed: new Promise(() => {}),
    subscribe: () => () => {},
    destroy: () => {},
  };
  const ignore = () => {};
  return {
    ...live,
    doc,
    provider: { awareness } as unknown as WebsocketProvider,
    undo: new Y.UndoManager(doc, { trackedOrigins: new Set() }),
    me,
    write: ignore,
    writeStep: ignore,
    onRefused: () => ignore,
    destroy: () => {
      awareness.destroy();
      doc.destroy();
    },
    destroyAndForgetLocalCopy: async () => {},
  };
}
