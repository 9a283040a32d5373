import { type CaseModelDraft, initCaseDoc, type Party, writeModel } from '@caseroom/shared';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type CaseState, openCaseState } from '../../../caseState/caseStore.ts';
import type { CaseView } from '../../../caseState/sessionContext.ts';

/** A kept version opened for reading: the view the sections read, its own case store, and its end. */
export type SnapshotView = { view: CaseView; caseState: CaseState; destroy: () => void };

/**
 * A kept version opened for reading (W11): a local Y.Doc filled with the snapshot's model,
 * never connected to the server or IndexedDB, with presence of its own (nobody else is in it)
 * and its own case store — so its sections show the version's workshop record and comments
 * (none), never the live case's. This person is an observer in it: every section view is
 * read-only, and writes go nowhere.
 */
export function openSnapshotView(live: CaseView, model: CaseModelDraft): SnapshotView {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  writeModel(doc, model);
  const awareness = new Awareness(doc);
  const self = live.me.get();
  const observer: Party | undefined = self ? { ...self, role: 'observer' } : undefined;
  const me: CaseView['me'] = { get: () => observer, subscribe: () => () => {} };
  const ignore = () => {};
  const caseState = openCaseState();
  caseState.feed({ doc, awareness, me });
  return {
    view: {
      caseId: live.caseId,
      token: live.token,
      doc,
      provider: { awareness },
      undo: new Y.UndoManager(doc, { trackedOrigins: new Set() }),
      me,
      write: ignore,
      writeStep: ignore,
    },
    caseState,
    destroy: () => {
      caseState.dispose();
      awareness.destroy();
      doc.destroy();
    },
  };
}
