import { clearDocument } from 'y-indexeddb';
import * as Y from 'yjs';
import { COPY_PARTY_KEY, legacyCopyName, type OfflineCopy } from './offlineCopy.ts';

/**
 * Offline edits across a new link (issue 10, docs/access.md A12). A link that expired or was
 * ended (or replaced) leaves its offline copy in this browser, with the edits made offline that
 * never reached the server. When the same party opens a new link for the case, the session
 * takes those copies over: their state goes into the new session's document (and so into its
 * own copy and to the server, which binds Yjs client ids to parties and accepts the party's own
 * old ones), then the old copies are deleted. Copies of another party — a shared meeting-room
 * PC — and copies whose party was never recorded stay untouched.
 */

/** The origin of the merged state: not the person's typing in this session, never undone. */
export const MERGED_COPY_ORIGIN = { name: 'caseroom-merged-offline-copy' };

/**
 * Applies the older copies of `caseId` that belong to `partyId` into `doc` — the session whose
 * own copy is `copy` — and deletes them once the session's copy holds their state. Returns the
 * names of the copies taken over. Without a copy of its own, the session takes nothing over
 * (it could not keep it); without `indexedDB.databases()` there is nothing to find.
 */
export async function mergeOlderCopies(
  caseId: string,
  partyId: string,
  doc: Y.Doc,
  copy: OfflineCopy,
): Promise<string[]> {
  const own = await copy.name;
  if (own === undefined) return [];
  await copy.whenLoaded;
  const prefix = `${legacyCopyName(caseId)}:`;
  const names = (await listDatabases()).filter((name) => name.startsWith(prefix) && name !== own);
  const merged: string[] = [];
  for (const name of names) {
    const updates = await readCopy(name, partyId);
    if (!updates) continue;
    // Not local: a refusal of this state says it came from the copy on this device (localChanges.ts).
    Y.transact(
      doc,
      () => {
        for (const update of updates) Y.applyUpdate(doc, update);
      },
      MERGED_COPY_ORIGIN,
      false,
    );
    merged.push(name);
  }
  // Deleted only once the session's own copy holds what they held.
  if (merged.length > 0 && (await copy.flush())) {
    await Promise.all(merged.map((name) => clearDocument(name).catch(() => {})));
  }
  return merged;
}

/** Every IndexedDB database name of this origin (none where the browser cannot list them). */
async function listDatabases(): Promise<string[]> {
  try {
    return (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : []));
  } catch {
    return [];
  }
}

/**
 * The stored updates of a y-indexeddb copy whose recorded party is `partyId`; undefined for a
 * copy of another party, of no recorded party, or one that cannot be read. Read directly, not
 * through y-indexeddb, which would write into the copy as it opens it.
 */
async function readCopy(name: string, partyId: string): Promise<Uint8Array[] | undefined> {
  const db = await openExisting(name);
  if (!db) return undefined;
  try {
    const party = await request(db.transaction(['custom'], 'readonly').objectStore('custom').get(COPY_PARTY_KEY));
    if (party !== partyId) return undefined;
    const updates = await request(db.transaction(['updates'], 'readonly').objectStore('updates').getAll());
    return Array.isArray(updates) ? updates.filter((update) => update instanceof Uint8Array) : undefined;
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

/** Opens a database that exists, without creating one that does not. */
function openExisting(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    const opening = indexedDB.open(name);
    // An upgrade means it did not exist (it was deleted meanwhile): create nothing.
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => resolve(undefined);
    opening.onblocked = () => resolve(undefined);
  });
}

function request<T>(pending: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error);
  });
}
