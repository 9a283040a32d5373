import * as Y from 'yjs';
import type { SectionName } from '../model/caseModel.ts';

/**
 * How a case lives in a Y.Doc. One top-level Y.Map per section, so a section can be locked
 * and diffed on its own; `meta` holds the schema version.
 *
 * Inside a section: scalar fields are separate map entries (two people editing different
 * fields never overwrite each other); rich text is a Y.XmlFragment (Tiptap edits it); lists
 * are Y.Maps from a stable item id to the item's Y.Map, ordered by a fractional `order` key
 * (Yjs has no move; delete-and-reinsert would drop a concurrent edit to the moved item).
 * Every nested shared type is created in the same transaction as its parent item or, for a
 * section, when the case is created — never lazily, because two clients creating the same
 * nested type at once would silently lose one of them.
 */
export const META = 'meta';

/** Keys of nested shared types per section (created with the case, see initCaseDoc). */
export const SECTION_CHILDREN = {
  facts: { maps: ['partners', 'departments', 'sources'], richText: [] },
  problem: { maps: [], richText: ['text'] },
  targetGroup: { maps: ['intake', 'sources'], richText: ['eligibility', 'baseline'] },
  interventions: { maps: ['candidates'], richText: ['rationale'] },
  outcomes: { maps: ['items'], richText: [] },
  paymentModel: { maps: ['payerShares', 'scenarios', 'sources'], richText: [] },
  evaluation: { maps: ['signatories'], richText: ['notes', 'earlyStop'] },
} as const satisfies Record<SectionName, { maps: readonly string[]; richText: readonly string[] }>;

/** Keys of nested shared types per list item kind (created with the item, see items.ts). */
export const ITEM_CHILDREN = {
  department: { maps: [], richText: [] },
  intervention: { maps: ['sources'], richText: ['description'] },
  outcome: { maps: ['valuePerDepartment', 'sources'], richText: [] },
  signatory: { maps: [], richText: [] },
} as const;
export type ItemKind = keyof typeof ITEM_CHILDREN;

/** Where each list lives: its section and the key of its Y.Map of items. */
export const LISTS = {
  department: { section: 'facts', key: 'departments' },
  intervention: { section: 'interventions', key: 'candidates' },
  outcome: { section: 'outcomes', key: 'items' },
  signatory: { section: 'evaluation', key: 'signatories' },
} as const satisfies Record<ItemKind, { section: SectionName; key: string }>;

/** The section's top-level map, or undefined if a crafted document defined it otherwise. */
export function sectionMap(doc: Y.Doc, section: SectionName): Y.Map<unknown> | undefined {
  try {
    return doc.getMap(section);
  } catch {
    return undefined;
  }
}

/** The Y.Map holding the items of a list (undefined before the case is initialised). */
export function listMap(doc: Y.Doc, kind: ItemKind): Y.Map<unknown> | undefined {
  const { section, key } = LISTS[kind];
  const value = sectionMap(doc, section)?.get(key);
  return value instanceof Y.Map ? value : undefined;
}
