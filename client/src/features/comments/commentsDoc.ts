import type * as Y from 'yjs';

/**
 * Comments (docs/workshop.md W9): ordinary document content in the top-level Y.Map
 * `comments`, id → a plain JSON value `{ itemPath, parentId?, text, partyId, partyName, at,
 * resolved }`. The map is top-level, so getting it is safe even before anyone has commented
 * (Yjs merges top-level types by name); nothing nested is ever created here. A comment is
 * changed by writing its whole value again (resolving, reopening).
 */
export const COMMENTS = 'comments';

/** One comment as stored. `itemPath` names what it is about: `outcomes/<id>`, `problem`, … */
export type Comment = {
  itemPath: string;
  parentId?: string;
  text: string;
  partyId: string;
  partyName: string;
  /** ISO 8601. */
  at: string;
  resolved: boolean;
};

/** The `comments` map of a document (undefined if a crafted document defined it otherwise). */
export function commentsMap(doc: Y.Doc): Y.Map<unknown> | undefined {
  try {
    return doc.getMap(COMMENTS);
  } catch {
    return undefined;
  }
}

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

/** Adds a comment (call inside the session's write). */
export function addComment(doc: Y.Doc, id: string, comment: Comment): void {
  commentsMap(doc)?.set(id, comment);
}

/** Marks a comment (a thread's first comment) resolved or open again. */
export function setResolved(doc: Y.Doc, id: string, resolved: boolean): void {
  const map = commentsMap(doc);
  const comment = readComment(map?.get(id));
  if (map && comment) map.set(id, { ...comment, resolved });
}

/** The section a comment belongs to: the first segment of its path. */
export function sectionOf(itemPath: string): string {
  return itemPath.split('/')[0] ?? '';
}
