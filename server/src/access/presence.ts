import type { PresenceParty } from '@caseroom/shared';
import type { AwarenessEntry } from '../sync/awarenessUpdate.ts';

/**
 * Presence comes from the server (docs/access.md A8): every non-null awareness state a
 * connection sends gets `user.party` set to the connection's party, overwriting whatever the
 * client claimed. Other `user` fields (a self-entered name, a colour) are kept. A state that
 * is not an object is replaced by one that only says who it is.
 */
export function stampParty(entries: readonly AwarenessEntry[], party: PresenceParty): AwarenessEntry[] {
  const stamp = { id: party.id, name: party.name, kind: party.kind, role: party.role };
  return entries.map((entry) => {
    if (entry.state === null) return entry;
    const state = isRecord(entry.state) ? entry.state : {};
    const user = isRecord(state.user) ? state.user : {};
    return { ...entry, state: { ...state, user: { ...user, party: stamp } } };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
