import type { Refusal } from '@caseroom/shared';
import type * as Y from 'yjs';

/**
 * Which parts of the case this session changed itself (issue 9, item 8), to tell a refusal of
 * the person's own change from a refusal of what the offline copy replayed. Every update a
 * browser sends after it connects carries what the server lacks — its own edits, but also
 * anything the copy holds that the server has lost (a restored backup, a data directory set
 * back). The honest room writes only into sections, so a refused `workshop` the session never
 * touched can only have come from the copy.
 */
export type LocalChanges = {
  /** The roots (sections, `workshop`, …) a local transaction of this session has changed. */
  roots: () => ReadonlySet<string>;
  /**
   * Whether a refusal concerns only what this session did not change: none of its sections,
   * or — a refusal naming no section — nothing at all.
   */
  refusedFromCopy: (refusal: Pick<Refusal, 'sections'>) => boolean;
  destroy: () => void;
};

/** Follows the document's local transactions (forms, editors, undo; not the provider's or the copy's). */
export function trackLocalChanges(doc: Y.Doc): LocalChanges {
  const roots = new Set<string>();
  const onTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local) return;
    for (const type of transaction.changed.keys()) {
      const root = rootName(doc, type);
      if (root !== undefined) roots.add(root);
    }
  };
  doc.on('afterTransaction', onTransaction);
  return {
    roots: () => roots,
    refusedFromCopy: ({ sections }) =>
      sections.length > 0 ? !sections.some((section) => roots.has(section)) : roots.size === 0,
    destroy: () => doc.off('afterTransaction', onTransaction),
  };
}

/** A shared type as far as this walks it: up through the items it is nested in. */
type Nested = { _item: Y.Item | null };

/** The top-level name of the shared type a changed type lives in. */
function rootName(doc: Y.Doc, type: Nested): string | undefined {
  let current: Nested | null = type;
  for (let depth = 0; current?._item && depth < 10_000; depth++) current = current._item.parent as Nested | null;
  for (const [name, shared] of doc.share) if ((shared as Nested) === current) return name;
  return undefined;
}
