import { type DocumentMigration, migrateDocument } from '@caseroom/shared';
import * as Y from 'yjs';
import { signoffSnapshotId } from '../history/SnapshotService.ts';
import type { Log } from '../log.ts';
import type { Stores } from '../storage/Stores.ts';
import type { CaseDocument } from './CaseDocument.ts';

/**
 * Brings a case to the newest document layout when it loads (issue 11; shared's
 * `migrateDocument`): each migration is an ordinary server change, stored and relayed, so a
 * connected browser receives it like anyone's edit; a case already migrated is left alone.
 * A migration never un-signs: sign-offs on the content before a step that changes the content
 * hash are carried to the hash after (in the document), and so is each carried party's sign-off
 * snapshot (W10, one per party and hash): migrated the same way and stored under the new
 * hash, so the agreed version is still found and exported. A failing migration is logged;
 * the case still opens as it is and the migration is tried again at the next load.
 */
export async function migrateOnLoad(
  document: CaseDocument,
  options: { stores: Stores; log: Log; migrations?: readonly DocumentMigration[] },
): Promise<void> {
  const { log, migrations } = options;
  try {
    const steps = migrateDocument(document.doc, {
      ...(migrations ? { migrations } : {}),
      change: (change) => document.applyAsServer(change),
    });
    if (steps.length === 0) return;
    // Each step was applied at once; the case opens once they are all stored.
    await document.settled();
    if (document.storageFailed) throw new Error('the migrated document could not be stored');
    // Each party's hash before the first step that carried it, and after the last.
    const carried = new Map<string, { from: string; to: string }>();
    for (const step of steps) {
      for (const partyId of step.carried) {
        carried.set(partyId, { from: carried.get(partyId)?.from ?? step.hashBefore, to: step.hashAfter });
      }
    }
    for (const [partyId, { from, to }] of carried) await carrySignoffSnapshot(document.id, partyId, from, to, options);
    log('info', 'case migrated', {
      caseId: document.id,
      layouts: steps.map((step) => `${step.from}→${step.to}`).join(', '),
      signoffsCarried: carried.size,
    });
  } catch (error) {
    log('error', 'case could not be migrated', { caseId: document.id, error: String(error) });
  }
}

/** Stores the party's sign-off snapshot of `from`, migrated, as its sign-off snapshot of `to`. */
async function carrySignoffSnapshot(
  caseId: string,
  partyId: string,
  from: string,
  to: string,
  options: { stores: Stores; migrations?: readonly DocumentMigration[] },
): Promise<void> {
  const snapshot = await options.stores.snapshots.get(caseId, signoffSnapshotId(partyId, from));
  const id = signoffSnapshotId(partyId, to);
  if (!snapshot || (await options.stores.snapshots.get(caseId, id))) return;
  const scratch = new Y.Doc();
  let state: Uint8Array;
  try {
    Y.applyUpdate(scratch, snapshot.state);
    migrateDocument(scratch, options.migrations ? { migrations: options.migrations } : {});
    state = Y.encodeStateAsUpdate(scratch);
  } finally {
    scratch.destroy();
  }
  await options.stores.snapshots.add({ ...snapshot, id, state });
}
