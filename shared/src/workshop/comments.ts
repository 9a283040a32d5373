import type * as Y from 'yjs';

/**
 * Comments (docs/workshop.md W9): the top-level Y.Map `comments`, id → a plain JSON value
 * `Comment`. Written only by the server (`POST …/workshop/comments`, `…/resolve`), so the
 * author party and time come from the token and the server clock; clients read it live.
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
