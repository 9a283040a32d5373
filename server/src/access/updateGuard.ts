import { COMMENTS, type Role, rootsTouchedBy, UNKNOWN_ROOT, WORKSHOP, workshopChild } from '@caseroom/shared';
import type * as Y from 'yjs';

/** Why the server refused a client's document update (docs/workshop.md W2, W4). */
export const RefusalReason = {
  /** The update touches the `workshop` record or `comments`, which only the server writes. */
  WorkshopIsServerOnly: 'workshopIsServerOnly',
  /** An editor's update touches a section the facilitator has locked. */
  SectionLocked: 'sectionLocked',
  /** Part of the update could not be traced to a root (it depends on something this server lacks). */
  Unresolvable: 'unresolvable',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

/** What the sender is told (message type 100): the reason and the sections (roots) concerned. */
export type UpdateRefusal = { reason: RefusalReason; sections: string[] };

/**
 * Whether a document update from a connection with this role may be applied to `doc`, decided
 * before anything is applied (W2, W4). Refused, in this order:
 *  - anything that touches `workshop` or `comments` (any role): both are the server's (W2, W9);
 *  - anything with a part whose root cannot be traced (`?`, any role): once its missing
 *    dependency arrives it could land anywhere — also in `workshop` or a locked section;
 *  - an editor's update that touches a locked section. Facilitators may edit locked sections.
 * Deletions of items the server already deleted do not count (a reconnecting client's sync
 * step 2 carries its whole delete set), so legitimate resyncs pass. Observers never get here
 * (A7: their updates are dropped before).
 */
export function refuseUpdate(doc: Y.Doc, update: Uint8Array, role: Role): UpdateRefusal | undefined {
  const roots = rootsTouchedBy(doc, update);
  const serverOnly = [WORKSHOP, COMMENTS].filter((root) => roots.has(root));
  if (serverOnly.length > 0) return { reason: RefusalReason.WorkshopIsServerOnly, sections: serverOnly };
  if (roots.has(UNKNOWN_ROOT)) return { reason: RefusalReason.Unresolvable, sections: [] };
  if (role === 'facilitator') return undefined;
  // Lock keys are section names (the server writes them); read the keys only, this runs per edit.
  const locks = workshopChild(doc, 'locks');
  const locked = locks ? [...locks.keys()].filter((section) => roots.has(section)) : [];
  return locked.length > 0 ? { reason: RefusalReason.SectionLocked, sections: locked.sort() } : undefined;
}
