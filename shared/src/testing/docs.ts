import * as Y from 'yjs';
import { initCaseDoc } from '../ydoc/initCaseDoc.ts';

/** A fresh case document as the server creates it. */
export function makeCaseDoc(): Y.Doc {
  const doc = new Y.Doc();
  initCaseDoc(doc, { startYear: 2027, priceYear: 2026 });
  return doc;
}

/** A second replica of a document, synced to the same state. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Exchanges the missing updates between two replicas in both directions. */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}
