import {
  type CaseModelDraft,
  diffModels,
  isCaseDocReady,
  type ModelChange,
  RefusalReason,
  toModel,
} from '@caseroom/shared';
import type * as Y from 'yjs';
import type { ReceivedRefusal } from './workshopViewSlice.ts';

/**
 * What a refusal (W2, bounds of issue 9) took from this browser, captured the moment it
 * arrives: this browser's version of the case and the sections the refused update was about
 * (all of them when the server named none: a change too large to send). The list of lost
 * changes is drawn from this capture alone, so an edit the person makes afterwards (accepted,
 * in another section or the same) never enters it.
 */
export type RefusalCapture = {
  refusal: ReceivedRefusal;
  /** This browser's version of the case when the refusal arrived; absent if it could not be read. */
  localModel?: CaseModelDraft;
  /** The roots (sections) the refused update concerned. Empty: the whole case. */
  scope: readonly string[];
  /**
   * For a write from an older Caseroom (schemaOutdated, issue 11): the offline copy as it
   * loaded. Its short texts were plain strings; merged with the server's upgraded case, a
   * string loses to the server's Y.Text when its writer's client id is the lower one, so the
   * person's text is read from here.
   */
  copyModel?: CaseModelDraft;
};

/** Captures a refusal from the refused session's document, before that session is closed. */
export function captureRefusal(refusal: ReceivedRefusal, doc: Y.Doc, copyModel?: CaseModelDraft): RefusalCapture {
  const outdated = refusal.reason === RefusalReason.SchemaOutdated && copyModel !== undefined;
  return { refusal, localModel: modelOf(doc), scope: [...refusal.sections], ...(outdated ? { copyModel } : {}) };
}

/**
 * The changes of the capture the server did not keep: this browser's version against the
 * server's, in the refused scope only. `server` is the case as the fresh session loaded it
 * from the server, before the person could type again.
 */
export function refusedChanges(capture: RefusalCapture, server: CaseModelDraft): ModelChange[] {
  if (!capture.localModel) return [];
  const inScope = (change: ModelChange) => capture.scope.length === 0 || capture.scope.includes(change.section);
  try {
    const lost = diffModels(server, capture.localModel).filter(inScope);
    if (!capture.copyModel) return lost;
    // The copy's texts the merged version no longer shows (see copyModel).
    const listed = new Set(lost.map((change) => change.path.join('/')));
    const fromCopy = diffModels(server, capture.copyModel).filter(
      (change) =>
        inScope(change) &&
        change.kind === 'field' &&
        typeof change.after === 'string' &&
        !listed.has(change.path.join('/')),
    );
    return [...lost, ...fromCopy];
  } catch {
    return [];
  }
}

/**
 * Settles a capture once the fresh session has the server's state (its first sync): calls
 * `settled` with the lost changes, once. Returns a function that stops waiting.
 */
export function settleOnSync(
  capture: RefusalCapture,
  session: { doc: Y.Doc; provider: { synced: boolean; on: SyncEvents; off: SyncEvents } },
  settled: (lost: ModelChange[]) => void,
): () => void {
  let done = false;
  const settle = () => {
    if (done || !isCaseDocReady(session.doc)) return;
    const server = modelOf(session.doc);
    if (!server) return;
    done = true;
    session.provider.off('sync', onSync);
    settled(refusedChanges(capture, server));
  };
  const onSync = (synced: boolean) => {
    if (synced) settle();
  };
  session.provider.on('sync', onSync);
  if (session.provider.synced) settle();
  return () => {
    done = true;
    session.provider.off('sync', onSync);
  };
}

type SyncEvents = (name: 'sync', listener: (synced: boolean) => void) => void;

/** A document's case model, if it can be read (a fresh document has no case yet). */
function modelOf(doc: Y.Doc): CaseModelDraft | undefined {
  try {
    return toModel(doc);
  } catch {
    return undefined;
  }
}
