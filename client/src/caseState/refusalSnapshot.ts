import { type CaseModelDraft, diffModels, isCaseDocReady, type ModelChange, toModel } from '@caseroom/shared';
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
};

/** Captures a refusal from the refused session's document, before that session is closed. */
export function captureRefusal(refusal: ReceivedRefusal, doc: Y.Doc): RefusalCapture {
  return { refusal, localModel: modelOf(doc), scope: [...refusal.sections] };
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
    return diffModels(server, capture.localModel).filter(inScope);
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
