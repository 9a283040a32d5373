import {
  type CaseExportSource,
  contentHash,
  IMPORTED_HISTORY,
  ImportedHistory,
  isAgreed,
  readWorkshop,
  toModel,
  workshopMap,
} from '@caseroom/shared';
import * as Y from 'yjs';
import type { Stores } from '../storage/Stores.ts';

/** The plain data of one version of a case: model, workshop record, imported history, and whether it is agreed. */
export type DocView = Omit<CaseExportSource, 'caseId' | 'source' | 'now'> & { agreed: boolean };

/** A version of a case: 'current' or a snapshot (with its stored name), and its plain data. */
export type VersionView = { source: string; sourceName?: { name: string; kind: string }; view: DocView };

/** The plain data a version is read as, from a document. */
export function docView(doc: Y.Doc): DocView {
  const model = toModel(doc);
  const workshop = readWorkshop(doc);
  const history = ImportedHistory.safeParse(workshopMap(doc)?.get(IMPORTED_HISTORY));
  const signoffs = Object.entries(workshop.signoffs).map(([partyId, s]) => ({ partyId, ...s }));
  return {
    model,
    workshop,
    ...(history.success ? { importedHistory: history.data } : {}),
    agreed: isAgreed(workshop.requiredSigners, signoffs, contentHash(model)),
  };
}

/** The same from a stored state (a snapshot, or a case's updates merged). */
export function stateView(...states: readonly Uint8Array[]): DocView {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const state of states) Y.applyUpdate(doc, state);
    });
    return docView(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The agreed version of a case — the current one if every required signatory signed it, else the
 * newest sign-off snapshot that is agreed — or else the current one (what exports and the
 * portfolio show by default).
 */
export async function agreedOrCurrent(stores: Stores, caseId: string, current: DocView): Promise<VersionView> {
  if (current.agreed) return { source: 'current', view: current };
  for (const info of await stores.snapshots.list(caseId)) {
    if (info.kind !== 'signoff') continue;
    const key = JSON.stringify([caseId, info.id, info.createdAt]);
    if (notAgreedSnapshots.has(key)) continue;
    const snapshot = await stores.snapshots.get(caseId, info.id);
    const view = snapshot && stateView(snapshot.state);
    if (view?.agreed) return { source: info.id, sourceName: { name: info.name, kind: info.kind }, view };
    if (view) rememberNotAgreed(key);
  }
  return { source: 'current', view: current };
}

/** Sign-off snapshots remembered as not agreed, at most. */
const NOT_AGREED_MEMO_SIZE = 10_000;

/**
 * Sign-off snapshots known not to be agreed (case, id and time: a snapshot never changes once
 * stored), so that the portfolio and exports do not decode them again on every request for a
 * case that is not agreed now. Oldest forgotten first past NOT_AGREED_MEMO_SIZE.
 */
const notAgreedSnapshots = new Set<string>();

function rememberNotAgreed(key: string): void {
  if (notAgreedSnapshots.size >= NOT_AGREED_MEMO_SIZE) {
    notAgreedSnapshots.delete(notAgreedSnapshots.values().next().value as string);
  }
  notAgreedSnapshots.add(key);
}

/**
 * A mark of everything `agreedOrCurrent` over the stored updates reads — the update log's
 * revision and the ids of the case's sign-off snapshots — for a reader that keeps what it
 * decoded (the portfolio). Read it before the updates: a change in between then makes the
 * next mark differ, and is never hidden behind an old one.
 */
export async function storedVersionRevision(stores: Stores, caseId: string): Promise<string> {
  const [updates, snapshots] = await Promise.all([stores.updates.revision(caseId), stores.snapshots.list(caseId)]);
  const signoffs = snapshots.filter((info) => info.kind === 'signoff').map((info) => info.id);
  return JSON.stringify([updates, signoffs]);
}
