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
 *
 * Layout 2 (issue 11): every short text (a name, a definition, a partner) is a Y.Text, created
 * with its section or item like the rich text, so two people typing in it both keep their
 * words. `meta.layoutVersion` says which layout a document has (absent: 1, short texts as
 * plain strings); the server migrates older documents on load (`migrations/`).
 */
export const META = 'meta';

/** The layout new documents get and the server migrates every document to. */
export const LAYOUT_VERSION = 2;

/** The key in `meta` that records a document's layout. */
export const LAYOUT_VERSION_KEY = 'layoutVersion';

/** A document's layout: `meta.layoutVersion`, 1 when absent (documents from before layout 2). */
export function layoutVersion(doc: Y.Doc): number {
  let value: unknown;
  try {
    value = doc.getMap(META).get(LAYOUT_VERSION_KEY);
  } catch {
    return 1;
  }
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

/** The nested shared types of a section or an item: maps, rich texts, short texts (Y.Text). */
type Children = { maps: readonly string[]; richText: readonly string[]; shortText: readonly string[] };

/**
 * Keys of nested shared types per section (created with the case, see initCaseDoc). A short
 * text inside one of the section's maps is named by its path below the section
 * (`partners/authority`). The currency (a code), ids (`chosenId`) and source notes (a map keyed
 * by field) stay plain strings.
 */
export const SECTION_CHILDREN = {
  facts: {
    maps: ['partners', 'departments', 'sources'],
    richText: [],
    shortText: [
      'title',
      'municipality',
      'partners/authority',
      'partners/provider',
      'partners/investor',
      'partners/guarantor',
    ],
  },
  problem: { maps: [], richText: ['text'], shortText: [] },
  targetGroup: { maps: ['intake', 'sources'], richText: ['eligibility', 'baseline'], shortText: ['name'] },
  interventions: { maps: ['candidates'], richText: ['rationale'], shortText: [] },
  outcomes: { maps: ['items'], richText: [], shortText: [] },
  paymentModel: { maps: ['payerShares', 'scenarios', 'sources'], richText: [], shortText: [] },
  evaluation: {
    maps: ['signatories'],
    richText: ['notes', 'earlyStop'],
    shortText: ['dataSources', 'measurementPoints', 'evaluator', 'contractParties'],
  },
} as const satisfies Record<SectionName, Children>;

/** Keys of nested shared types per list item kind (created with the item, see items.ts). */
export const ITEM_CHILDREN = {
  department: { maps: [], richText: [], shortText: ['name'] },
  intervention: { maps: ['sources'], richText: ['description'], shortText: ['name', 'provider'] },
  outcome: {
    maps: ['valuePerDepartment', 'sources'],
    richText: [],
    shortText: ['name', 'definition', 'dataSource', 'measurementMethod'],
  },
  signatory: { maps: [], richText: [], shortText: ['name', 'organisation'] },
} as const satisfies Record<string, Children>;
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

/**
 * Every short text of layout 2 as a general document path (`facts/partners/authority`,
 * `outcomes/items/*\/definition`), in the form `generalise` (bounds.ts) gives a path.
 */
export const SHORT_TEXT_PATHS: ReadonlySet<string> = new Set([
  ...Object.entries(SECTION_CHILDREN).flatMap(([section, { shortText }]) =>
    shortText.map((key) => `${section}/${key}`),
  ),
  ...Object.entries(LISTS).flatMap(([kind, { section, key }]) =>
    ITEM_CHILDREN[kind as ItemKind].shortText.map((field) => `${section}/${key}/*/${field}`),
  ),
]);

/**
 * The map and key a section's short text lives under (`partners/authority` → the partners
 * map, `authority`); undefined when the nested map is missing.
 */
export function shortTextHome(section: Y.Map<unknown>, path: string): { map: Y.Map<unknown>; key: string } | undefined {
  const parts = path.split('/');
  const key = parts.pop() as string;
  let map: Y.Map<unknown> = section;
  for (const part of parts) {
    const inner = map.get(part);
    if (!(inner instanceof Y.Map)) return undefined;
    map = inner;
  }
  return { map, key };
}
