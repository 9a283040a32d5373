import { type CaseModelDraft, canEdit, type Role, type Vote, type VoteList } from '@caseroom/shared';

/** A candidate of a vote: its id and the name people know it by. */
export type VoteItem = { id: string; name: string };

/** The items of a list that can be voted on, in the case's order. */
export function voteItems(model: CaseModelDraft, list: VoteList): VoteItem[] {
  const items = list === 'interventions' ? model.interventions.candidates : model.outcomes;
  return items.map((item) => ({ id: item.id, name: item.name ?? '' }));
}

/** The newest vote, by when it was opened. */
export function latestVote<T extends { openedAt: string }>(votes: Record<string, T>): [string, T] | undefined {
  return Object.entries(votes).sort(([, a], [, b]) => b.openedAt.localeCompare(a.openedAt))[0];
}

/** How many have voted of how many may: `cast` is unknown while the vote is open (see `voteTurnout`). */
export type VoteTurnout = { cast: number | undefined; eligible: number };

/**
 * "n of m have voted" (W7). m: the parties present that may vote (editors and the facilitator,
 * the roles `vote.ballot` needs), each counted once however many tabs it has open — never fewer
 * than have voted, since a voter may have left. n: the server's count of parties with a dot —
 * `voted` while open (updated on each ballot), `voters` from the reveal on; ballots themselves
 * stay on the server.
 */
export function voteTurnout(
  vote: Pick<Vote, 'status' | 'voters' | 'voted'>,
  present: readonly PresentParty[],
): VoteTurnout {
  const eligible = new Set(present.filter((party) => canEdit(party.role)).map((party) => party.id)).size;
  // While open, the server's running count (`voted`); a vote opened before it was counted: unknown.
  const cast = vote.status === 'open' ? vote.voted : (vote.voters ?? 0);
  return { cast, eligible: Math.max(eligible, cast ?? 0) };
}

/** A party in the room, as presence knows it (server-stamped, A8). */
export type PresentParty = { id: string; role: Role };

/** Each revealed item's bar as a share of the vote's highest count: same scale on every screen, 0 for no dots. */
export function barShare(points: number, counts: Readonly<Record<string, number>>): number {
  const max = Math.max(0, ...Object.values(counts));
  return max === 0 ? 0 : points / max;
}
