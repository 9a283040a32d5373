import type { CaseModelDraft, VoteList } from '@caseroom/shared';

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
