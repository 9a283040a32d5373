import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { registerPendingWrites } from '../../app/pendingWrites.ts';

/**
 * This browser's offline copy of a case (docs/access.md A12): the case's Y.Doc kept in
 * IndexedDB, one copy per case *and link*. A meeting-room PC on which party A and then party
 * B open the same case must not replay A's edits (and A's Yjs client ids) under B's link: the
 * server binds every client id to the party that first used it and refuses another's.
 *
 * The copy must open before the server has answered, so it cannot be named after the party
 * (known only from `GET /me`); it is named after the token, which is on this device offline —
 * hashed, since IndexedDB names are readable by anyone with the browser profile. A rotated link
 * starts a new copy (the old one is not read again).
 */

/** The name the copy had before it was kept per link: `caseroom:<caseId>`. Deleted unread. */
export function legacyCopyName(caseId: string): string {
  return `caseroom:${caseId}`;
}

/** Hex characters of the token's SHA-256 in a copy's name (64 bits: no two links of a case collide). */
const HASH_CHARS = 16;

/**
 * The IndexedDB name of a case's copy for one link: `caseroom:<caseId>:<first 16 hex of
 * SHA-256(token)>`. Rejects where the browser has no Web Crypto (a page not served over https
 * or from localhost).
 */
export async function offlineCopyName(caseId: string, token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${legacyCopyName(caseId)}:${hex.slice(0, HASH_CHARS)}`;
}

/** The key in a copy's `custom` store naming the party its link belonged to (issue 10). */
export const COPY_PARTY_KEY = 'party';

/** A case's offline copy for one link, attached to the session's document. */
export type OfflineCopy = {
  /** The copy's IndexedDB name, or undefined where no copy can be kept (no Web Crypto). */
  name: Promise<string | undefined>;
  /** Resolves once the copy is attached (its stored state is then being loaded), or could not be. */
  whenOpened: Promise<void>;
  /** Resolves once the stored state is in the document (at once if there is no copy). */
  whenLoaded: Promise<void>;
  /**
   * Records which party the link names (the server's answer to `GET /me`), so that once the
   * link expires or is ended, a new link of the same party can take this copy's edits over.
   */
  recordParty: (partyId: string) => Promise<void>;
  /** Resolves once every update of the document so far is stored in IndexedDB (false: no copy). */
  flush: () => Promise<boolean>;
  /** Stops keeping the copy (it stays on the device for the next session). */
  close: () => Promise<void>;
  /** Closes the copy and deletes it, so the next session loads the server's state (W2). */
  forget: () => Promise<void>;
};

/**
 * Attaches the link's offline copy to `doc`: its stored updates are applied with the
 * persistence as origin (so undo never takes them) and every later update is stored. The
 * document keeps its own fresh client id: Yjs changes a client id only when a remote update
 * writes under it, and the copy holds only ids of earlier sessions.
 *
 * The copy under the old per-case name is deleted, not imported: nothing tells whose it was.
 * Without Web Crypto the case works online only (no copy is kept).
 */
export function openOfflineCopy(caseId: string, token: string, doc: Y.Doc): OfflineCopy {
  let closed = false;
  let onClosed = () => {};
  const closedSignal = new Promise<void>((resolve) => {
    onClosed = resolve;
  });
  const name = offlineCopyName(caseId, token).catch(() => undefined);
  const persistence = name.then((resolved) => {
    if (closed || resolved === undefined) return undefined;
    forgetLegacyCopy(caseId);
    return new IndexeddbPersistence(resolved, doc);
  });
  // y-indexeddb never settles `whenSynced` for a copy closed before it loaded.
  const whenLoaded = persistence
    .then((opened) => Promise.race([opened?.whenSynced, closedSignal]))
    .then(
      () => undefined,
      () => undefined,
    );
  const close = async () => {
    closed = true;
    unregister();
    onClosed();
    await (await persistence)?.destroy();
  };
  const copy: OfflineCopy = {
    name,
    whenOpened: persistence.then(() => undefined),
    whenLoaded,
    recordParty: async (partyId) => {
      const opened = await persistence;
      if (!opened || closed) return;
      if ((await opened.get(COPY_PARTY_KEY).catch(() => undefined)) !== partyId) {
        await opened.set(COPY_PARTY_KEY, partyId).catch(() => {});
      }
    },
    flush: async () => {
      await whenLoaded;
      const db = (await persistence)?.db;
      return db && !closed ? settled(db, 'updates') : false;
    },
    close,
    forget: async () => {
      await close();
      const resolved = await name;
      if (resolved !== undefined) await clearDocument(resolved);
    },
  };
  // A reload into a new version of Caseroom waits until the copy has stored every edit.
  const unregister = registerPendingWrites(() => copy.flush());
  return copy;
}

/**
 * Resolves once the writes already asked of a store are done: IndexedDB runs read-write
 * transactions over the same store in the order they were created, so an empty one completes
 * after y-indexeddb's pending ones (it stores each update in a transaction of its own).
 */
function settled(db: IDBDatabase, store: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction([store], 'readwrite');
      transaction.oncomplete = () => resolve(true);
      transaction.onerror = () => resolve(false);
      transaction.onabort = () => resolve(false);
    } catch {
      // The database was closed meanwhile: what was asked of it before is done or lost with it.
      resolve(false);
    }
  });
}

/** Deletes the per-case copy of older versions (in the background; a missing one is no error). */
function forgetLegacyCopy(caseId: string): void {
  try {
    void clearDocument(legacyCopyName(caseId)).catch(() => {});
  } catch {
    // IndexedDB unavailable (a private window in some browsers): there is nothing to delete.
  }
}
