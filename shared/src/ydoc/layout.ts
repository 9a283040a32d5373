import * as Y from 'yjs';
import type { FieldSpec } from '../fields/kinds.ts';
import { CONTAINERS, type Container, type FieldHolder, fieldsOf, holderOf } from '../fields/registry.ts';
import { SECTIONS, type SectionName } from '../model/caseModel.ts';

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
 *
 * Layout 5 (issue 15): an outcome's library links are a nested map, one entry per department,
 * so two people taking library values for two departments at once both keep their link.
 *
 * Which keys are nested types is derived from the field registry (SECTION_CHILDREN,
 * ITEM_CHILDREN); what is not a field — lists, the scenario ranges, `sources`, `meta`, the
 * workshop record — is declared here or with its own module.
 */
export const META = 'meta';

/** The layout new documents get and the server migrates every document to. */
export const LAYOUT_VERSION = 5;

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

/**
 * The nested shared types of a section or an item: maps, rich texts (Y.XmlFragment), short
 * texts (Y.Text). A child inside one of the holder's maps is named by its path below the holder
 * (`partners/authority`); a map is listed before the children inside it.
 */
export type LayoutChildren = { maps: readonly string[]; richText: readonly string[]; shortText: readonly string[] };

/** Where each list lives: its section and the key of its Y.Map of items. */
export const LISTS = {
  department: { section: 'facts', key: 'departments' },
  intervention: { section: 'interventions', key: 'candidates' },
  outcome: { section: 'outcomes', key: 'items' },
  signatory: { section: 'evaluation', key: 'signatories' },
} as const satisfies Record<string, { section: SectionName; key: string }>;
export type ItemKind = keyof typeof LISTS;

/**
 * Nested maps of a section that hold no field of the registry: the payment model's scenario
 * ranges. (Lists come from LISTS, maps holding a container's fields from the registry's
 * holders, `sources` from the fields that take a source note.)
 */
const SECTION_STRUCTURE: Partial<Record<SectionName, readonly string[]>> = { paymentModel: ['scenarios'] };

/** The key of an outcome's library links: department id → { entryId, version, factor? } (docs/library.md). */
export const LIBRARY_LINKS_KEY = 'libraryLinks';

/**
 * Nested maps of a list item that hold no field of the registry, each with the layout that
 * added it: an outcome's library links (issue 15, layout 5; before, one plain value).
 */
const ITEM_STRUCTURE: Partial<Record<ItemKind, readonly { key: string; since: number }[]>> = {
  outcome: [{ key: LIBRARY_LINKS_KEY, since: 5 }],
};

/** The map a holder's source notes live in, keyed by field (created where a field takes a note). */
export const SOURCES = 'sources';

/**
 * The nested shared type a field lives in, by its kind: prose a fragment, a short text a
 * Y.Text (a `plain` one — a code — stays a string), numbers per department and cohorts a map;
 * undefined for a scalar map entry (numbers, choices, references).
 */
export function nestedTypeOf(field: FieldSpec): keyof LayoutChildren | undefined {
  switch (field.kind) {
    case 'richText':
      return 'richText';
    case 'shortText':
      return field.plain ? undefined : 'shortText';
    case 'numberRecord':
    case 'cohorts':
    case 'measurementPoints':
      return 'maps';
    case 'number':
    case 'choice':
    case 'reference':
      return undefined;
    default:
      return assertNever(field);
  }
}

function assertNever(field: never): never {
  throw new Error(`layout: a field kind without a layout: ${JSON.stringify((field as FieldSpec).kind)}`);
}

/**
 * The children of one holder (a section or a list item) from the registry: first the maps that
 * hold a nested container's fields, then per field its nested type, then the lists and other
 * structure (`extraMaps`), and last the `sources` map when any field takes a source note. The
 * order is the order of creation (initCaseDoc, newItem); for the fields of layout 2 it is the
 * order that layout was written in (layout.test.ts).
 */
function deriveChildren(
  holds: (holder: FieldHolder) => boolean,
  holderName: string,
  extraMaps: readonly string[],
): LayoutChildren {
  const containerMaps: string[] = [];
  const children = { maps: [] as string[], richText: [] as string[], shortText: [] as string[] };
  let takesNotes = false;
  for (const container of Object.keys(CONTAINERS) as Container[]) {
    const holder = holderOf(container);
    if (!holds(holder)) continue;
    const inMap = 'map' in holder ? holder.map : undefined;
    if (inMap !== undefined && !containerMaps.includes(inMap)) containerMaps.push(inMap);
    for (const field of fieldsOf(container)) {
      if (field.sourceNote) {
        // A note is kept in its holder's `sources` map by field key; one in a nested map has no home yet.
        if (inMap !== undefined) {
          throw new Error(`layout: ${field.labelKey} takes a source note inside ${holderName}/${inMap}`);
        }
        takesNotes = true;
      }
      const type = nestedTypeOf(field);
      if (type) children[type].push(inMap === undefined ? field.key : `${inMap}/${field.key}`);
    }
  }
  return {
    maps: [...containerMaps, ...children.maps, ...extraMaps, ...(takesNotes ? [SOURCES] : [])],
    richText: children.richText,
    shortText: children.shortText,
  };
}

/**
 * Keys of nested shared types per section (created with the case, see initCaseDoc), derived
 * from the field registry. The currency (a `plain` code), ids (`chosenId`) and source notes
 * (entries of the `sources` map) stay plain values.
 *
 * A new field whose kind lives in a nested type (prose, a short text, numbers per department,
 * cohorts) appears here, and so in new cases and new items, by its registry entry alone. A case
 * created before it lacks it, and no client may create it (see above): such a field also takes
 * a layout step — LAYOUT_VERSION + 1 and `addMissingChildrenStep(LAYOUT_VERSION)` appended to
 * DOCUMENT_MIGRATIONS (migrations/addMissingChildren.ts) — which creates it in every existing
 * section and item when the server loads the case. layout.test.ts fails until it is taken.
 */
export const SECTION_CHILDREN: Readonly<Record<SectionName, LayoutChildren>> = Object.fromEntries(
  SECTIONS.map((section) => [
    section,
    deriveChildren((holder) => 'section' in holder && holder.section === section, section, [
      ...Object.values(LISTS)
        .filter((list) => list.section === section)
        .map((list) => list.key),
      ...(SECTION_STRUCTURE[section] ?? []),
    ]),
  ]),
) as Record<SectionName, LayoutChildren>;

/** Keys of nested shared types per list item kind (created with the item, see items.ts), from the registry. */
export const ITEM_CHILDREN: Readonly<Record<ItemKind, LayoutChildren>> = Object.fromEntries(
  (Object.keys(LISTS) as ItemKind[]).map((kind) => [
    kind,
    deriveChildren(
      (holder) => 'list' in holder && holder.list === kind,
      kind,
      (ITEM_STRUCTURE[kind] ?? []).map(({ key }) => key),
    ),
  ]),
) as Record<ItemKind, LayoutChildren>;

/**
 * Item maps of ITEM_STRUCTURE by general path (`outcomes/items/*\/libraryLinks`) → the layout
 * that added them. From that layout on, the write guard lets only a map created with its new
 * item be written at the key, and deleted only with its item: a client from before (a plain
 * value there) gets `schemaOutdated`, as for short texts.
 */
export const ITEM_MAP_PATHS: ReadonlyMap<string, number> = new Map(
  (Object.keys(ITEM_STRUCTURE) as ItemKind[]).flatMap((kind) =>
    (ITEM_STRUCTURE[kind] ?? []).map(
      ({ key, since }) => [`${LISTS[kind].section}/${LISTS[kind].key}/*/${key}`, since] as const,
    ),
  ),
);

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
 * Item keys a document never holds from a layout on, by general path → that layout: a field
 * read from the chosen candidate (an outcome's expected rate, P19, layout 3) and the single
 * price and basis a rate card replaced (P7, layout 4). Only a client from before writes one;
 * the write guard refuses it as `schemaOutdated`.
 */
export const RETIRED_ITEM_PATHS: ReadonlyMap<string, number> = new Map([
  ...Object.entries(LISTS).flatMap(([kind, { section, key }]) =>
    fieldsOf(kind as ItemKind).flatMap((field) =>
      field.kind === 'number' && field.ofChosenCandidate ? [[`${section}/${key}/*/${field.key}`, 3] as const] : [],
    ),
  ),
  ['outcomes/items/*/pricePerOutcome', 4],
  ['outcomes/items/*/paymentBasis', 4],
]);

/**
 * The map and key a nested child lives under (`partners/authority` → the partners map,
 * `authority`; a plain key → the holder itself); undefined when the nested map is missing.
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

/** A holder's children as (path, type) in the order they are created: maps first (a path may lead through one), then prose, then short texts. */
export function layoutEntries(children: LayoutChildren): [path: string, type: keyof LayoutChildren][] {
  return [
    ...children.maps.map((path) => [path, 'maps'] as [string, 'maps']),
    ...children.richText.map((path) => [path, 'richText'] as [string, 'richText']),
    ...children.shortText.map((path) => [path, 'shortText'] as [string, 'shortText']),
  ];
}

/** A new, empty nested type of the kind (a map, a prose fragment, a short text's Y.Text). */
export function newChild(type: keyof LayoutChildren): Y.Map<unknown> | Y.XmlFragment | Y.Text {
  if (type === 'maps') return new Y.Map();
  return type === 'richText' ? new Y.XmlFragment() : new Y.Text();
}

/** Whether a value is the nested type a child of this kind must be. */
export function isChildOfType(value: unknown, type: keyof LayoutChildren): boolean {
  if (type === 'maps') return value instanceof Y.Map;
  return type === 'richText' ? value instanceof Y.XmlFragment : value instanceof Y.Text;
}
