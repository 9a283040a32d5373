import { type PresenceParty, PresenceState } from '@caseroom/shared';
import type { AwarenessEntry } from '../sync/awarenessUpdate.ts';

/**
 * Whether a presence state may be relayed (issue 10, `shared/src/presence/presenceState.ts`):
 * known keys only, a self-entered name of at most 80 characters, a colour of the palette. A
 * null state (the client leaving) always may. Otherwise the first problem, for the log line.
 */
export function checkPresenceState(state: unknown): { ok: true } | { ok: false; problem: string } {
  if (state === null) return { ok: true };
  const parsed = PresenceState.safeParse(state);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  // The message may quote a key the sender chose: short enough for a log line.
  const problem = `${issue?.path.join('.') || 'state'}: ${issue?.message ?? 'invalid'}`;
  return { ok: false, problem: problem.length > 200 ? `${problem.slice(0, 200)}…` : problem };
}

/**
 * Presence comes from the server (docs/access.md A8): every non-null awareness state a
 * connection sends gets `user.party` set to the connection's party, overwriting whatever the
 * client claimed. Other `user` fields (a self-entered name, a colour) are kept. Only states
 * that passed checkPresenceState reach here, so every non-null state is an object.
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
