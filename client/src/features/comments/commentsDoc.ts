import { type Comment, commentsMap } from '@caseroom/shared';
import type * as Y from 'yjs';

/**
 * Reading comments (docs/workshop.md W9): the top-level Y.Map `comments`, id → `Comment`.
 * Only the server writes it (commentsApi.ts); the map is top-level, so reading it is safe
 * even before anyone has commented (Yjs merges top-level types by name).
 */
export { COMMENTS, type Comment } from '@caseroom/shared';

const str = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length <= max ? value : undefined;

/** Reads one stored value defensively (it comes from other browsers); undefined if it is not a comment. */
export function readComment(value: unknown): Comment | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const itemPath = str(v.itemPath, 200);
  const text = str(v.text, 4000);
  const partyId = str(v.partyId, 64);
  const partyName = str(v.partyName, 200);
  const at = str(v.at, 40);
  if (!itemPath || text === undefined || !partyId || partyName === undefined || !at) return undefined;
  const parentId = str(v.parentId, 64);
  return { itemPath, text, partyId, partyName, at, resolved: v.resolved === true, ...(parentId ? { parentId } : {}) };
}

/** Every comment of the document, oldest first. */
export function readComments(doc: Y.Doc): [string, Comment][] {
  const rows: [string, Comment][] = [];
  commentsMap(doc)?.forEach((value, id) => {
    const comment = readComment(value);
    if (comment) rows.push([id, comment]);
  });
  return rows.sort(([, a], [, b]) => a.at.localeCompare(b.at));
}

/** The section a comment belongs to: the first segment of its path. */
export function sectionOf(itemPath: string): string {
  return itemPath.split('/')[0] ?? '';
}
