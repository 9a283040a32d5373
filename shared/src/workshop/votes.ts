/** One person's dot votes in a vote: item ids, one entry per dot (an item may get several). */
export type Ballot = { voterId: string; itemIds: string[] };

export type BallotCheck = { ok: true } | { ok: false; reason: 'tooManyVotes' | 'unknownItem' };

/**
 * Whether a ballot fits the vote: at most `votesPerPerson` dots, only on the vote's items. An
 * empty ballot is allowed: a person may withdraw every dot (they then count as not voting).
 */
export function checkBallot(ballot: Ballot, itemIds: readonly string[], votesPerPerson: number): BallotCheck {
  if (ballot.itemIds.length > votesPerPerson) return { ok: false, reason: 'tooManyVotes' };
  if (ballot.itemIds.some((id) => !itemIds.includes(id))) return { ok: false, reason: 'unknownItem' };
  return { ok: true };
}

/** The revealed result: dots per item (every item listed, 0 included), and how many voted (≥ 1 dot). */
export function tally(
  ballots: readonly Ballot[],
  itemIds: readonly string[],
): { counts: Record<string, number>; voters: number } {
  const counts: Record<string, number> = Object.fromEntries(itemIds.map((id) => [id, 0]));
  for (const ballot of ballots) {
    for (const id of ballot.itemIds) if (id in counts) counts[id] = (counts[id] ?? 0) + 1;
  }
  const voted = ballots.filter((b) => b.itemIds.length > 0);
  return { counts, voters: new Set(voted.map((b) => b.voterId)).size };
}

/** The items with the most dots (several when tied; none when nobody voted). */
export function winners(counts: Record<string, number>): string[] {
  const max = Math.max(0, ...Object.values(counts));
  return max === 0 ? [] : Object.keys(counts).filter((id) => counts[id] === max);
}
