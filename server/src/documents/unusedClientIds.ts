import { type BoundClientId, SERVER_PARTY_ID } from '../storage/ClientIdStore.ts';

/** A binding nobody wrote under is forgotten when the case loads this long after it was made. */
export const UNUSED_CLIENT_ID_DAYS = 30;

/** At most this many bindings nobody wrote under are kept per case (the newest); older ones are forgotten. */
export const MAX_UNWRITTEN_CLIENT_IDS = 5_000;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which stored client-id bindings of a case to keep and which to forget (issue 9: every list has
 * a bound). A browser takes a fresh client id on every page load and its presence binds it, so
 * without this a case used for months gathers a binding per page load, all read at every load.
 *
 * Kept for good: the server's bindings, and every id with structs in the document — a binding
 * is what protects that party's clock range (an editor may not erase another party's offline
 * work by writing under its id). Forgotten: ids that never wrote, bound more than
 * UNUSED_CLIENT_ID_DAYS before `now`, and beyond the newest MAX_UNWRITTEN_CLIENT_IDS of them.
 *
 * Why forgetting an id that never wrote is safe: the server holds no structs under it, so there
 * is no clock range to protect. An old offline copy that later reconnects under that id sends
 * structs starting at clock 0; the write guard finds the id unbound and binds it again to the
 * party that sent them — its own. Residual risk: in the window after an id is forgotten, another
 * party who learnt it (presence shows it) could write under it first; the offline copy's later
 * edits under it are then refused as foreignClient (not lost from that browser, but not
 * accepted). That needs a presence-only id idle for UNUSED_CLIENT_ID_DAYS whose browser still
 * holds unsent edits, and a party ready to claim it; y-websocket takes a fresh id on reload.
 */
export function unusedClientIds(
  stored: readonly BoundClientId[],
  hasWritten: (clientId: number) => boolean,
  now: number,
): { kept: BoundClientId[]; forgotten: number[] } {
  const kept: BoundClientId[] = [];
  const forgotten: number[] = [];
  const unwritten: BoundClientId[] = [];
  const oldest = now - UNUSED_CLIENT_ID_DAYS * DAY_MS;
  for (const binding of stored) {
    if (binding.partyId === SERVER_PARTY_ID || hasWritten(binding.clientId)) kept.push(binding);
    else if (binding.boundAt < oldest) forgotten.push(binding.clientId);
    else unwritten.push(binding);
  }
  // Newest first; the same order on every engine and every load.
  unwritten.sort((a, b) => b.boundAt - a.boundAt || a.clientId - b.clientId);
  kept.push(...unwritten.slice(0, MAX_UNWRITTEN_CLIENT_IDS));
  forgotten.push(...unwritten.slice(MAX_UNWRITTEN_CLIENT_IDS).map((binding) => binding.clientId));
  return { kept, forgotten };
}
