/**
 * Writes this page still owes to this browser's storage — each open case's offline copy
 * registers how to wait for its own. A reload into a new version waits for them first. Kept
 * apart from the copies themselves, so the start page does not load the sync stack for it.
 */
const pending = new Set<() => Promise<unknown>>();

/** Registers a way to wait for a store's writes; returns how to take it back. */
export function registerPendingWrites(flush: () => Promise<unknown>): () => void {
  pending.add(flush);
  return () => pending.delete(flush);
}

/** Resolves once every registered store has written what was asked of it so far. */
export async function flushPendingWrites(): Promise<void> {
  await Promise.all([...pending].map((flush) => flush().catch(() => undefined)));
}
