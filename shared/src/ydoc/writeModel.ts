import type * as Y from 'yjs';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { reconcileModel } from './reconcile.ts';

/**
 * Writes a whole model into a freshly initialised document (initCaseDoc), in one
 * transaction: the built-in example, an imported case. Never used to replace a live
 * document's content wholesale — restoring a version uses `reconcileModel`, which edits only
 * what differs.
 */
export function writeModel(doc: Y.Doc, model: CaseModelDraft): void {
  reconcileModel(doc, model);
}
