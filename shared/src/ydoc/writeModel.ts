import type * as Y from 'yjs';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { Phase } from '../model/facts.ts';
import { WORKSHOP } from '../workshop/record.ts';
import { reconcileModel } from './reconcile.ts';

/**
 * Writes a whole model into a freshly initialised document (initCaseDoc), in one
 * transaction: the built-in example, an imported case. Never used to replace a live
 * document's content wholesale — restoring a version uses `reconcileModel`, which edits only
 * what differs. The model's phase goes to `workshop.phase` (docs/workshop.md W1): only the
 * server writes a fresh case, so it may write the workshop record too.
 */
export function writeModel(doc: Y.Doc, model: CaseModelDraft): void {
  doc.transact(() => {
    reconcileModel(doc, model);
    const phase = Phase.safeParse(model.facts.phase);
    if (phase.success) doc.getMap(WORKSHOP).set('phase', phase.data);
  });
}
