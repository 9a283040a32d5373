import type { VoteList } from './record.ts';

/**
 * The path of an item in a list people vote on — the one convention findings, form fields
 * (`data-path`), comments and decisions share: `interventions/candidates/<id>`, `outcomes/<id>`.
 */
export function listItemPath(list: VoteList, itemId: string): string {
  return list === 'interventions' ? `interventions/candidates/${itemId}` : `outcomes/${itemId}`;
}
