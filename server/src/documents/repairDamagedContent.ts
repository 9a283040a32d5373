import { randomBytes } from 'node:crypto';
import { readModelWithNotices, setAsideDamagedRichText, workshopChild } from '@caseroom/shared';
import * as Y from 'yjs';
import type { Log } from '../log.ts';
import { SERVER_PARTY_ID } from '../storage/ClientIdStore.ts';
import type { Stores } from '../storage/Stores.ts';
import type { CaseDocument } from './CaseDocument.ts';

/** The saved version that keeps a damaged case as it was before its repair. */
export const REPAIR_SNAPSHOT_NAME = 'Før reparation: indhold sat til side';

/**
 * A case damaged by an earlier version (rich text nested or grown past its bounds, which no
 * editor and no restore could handle) is repaired when it loads (issue 9): the whole case is
 * kept as a saved version first, the damaged fields are rewritten to what can be read of them
 * (`setAsideDamagedRichText`, in shallow server changes), a decision in the workshop record
 * says what was set aside and where it is kept, and the log is compacted so the deep content
 * is never replayed again. A failing repair is logged; the case still opens (reading is
 * bounded) and the repair is tried again at the next load.
 */
export async function repairDamagedContent(
  document: CaseDocument,
  options: { stores: Stores; now: () => number; log: Log },
): Promise<void> {
  const { setAside } = readModelWithNotices(document.doc);
  if (setAside.length === 0) return;
  const at = options.now();
  try {
    await options.stores.snapshots.add({
      id: randomBytes(12).toString('base64url'),
      caseId: document.id,
      name: REPAIR_SNAPSHOT_NAME,
      kind: 'manual',
      createdAt: at,
      createdByPartyId: SERVER_PARTY_ID,
      state: Y.encodeStateAsUpdate(document.doc),
    });
    const rewritten = setAsideDamagedRichText(document.doc, (change) => document.applyAsServer(change));
    if (rewritten.length === 0) return;
    const fields = rewritten.map((entry) => entry.path).join(', ');
    await document.changeAsServer((doc) => {
      const decisions = workshopChild(doc, 'decisions');
      decisions?.set(`repair-${at}`, {
        text: `Caseroom satte indhold til side, som en tidligere version havde gemt ud over grænserne (${fields}). Hele sagen fra før er gemt som versionen »${REPAIR_SNAPSHOT_NAME}«.`,
        partyId: SERVER_PARTY_ID,
        partyName: 'Caseroom',
        at: new Date(at).toISOString(),
        order: decisions.size + 1,
      });
    });
    await document.compactNow();
    options.log('warn', 'damaged content set aside', { caseId: document.id, fields });
  } catch (error) {
    options.log('error', 'damaged content could not be set aside', { caseId: document.id, error: String(error) });
  }
}
