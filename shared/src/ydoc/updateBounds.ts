import * as Y from 'yjs';
import type { z } from 'zod';
import {
  DEFAULT_SHORT_TEXT_CHARS,
  generalise,
  MAX_KEY_CHARS,
  mapEntryBound,
  RICH_TEXT_BOUND,
  shortTextBound,
} from '../bounds/bounds.ts';
import { LibraryLink, LibraryLinks } from '../library/libraryEntry.ts';
import { Id } from '../model/primitives.ts';
import { RefusalReason } from '../protocol/refusal.ts';
import type { Placement, Resolved, UpdateInspection } from './inspectUpdate.ts';
import { ITEM_MAP_PATHS, layoutVersion, RETIRED_ITEM_PATHS, SHORT_TEXT_PATHS } from './layout.ts';

/** A bound an update would pass: which, where (a document path), and the limit. */
export type BoundViolation = {
  reason:
    | typeof RefusalReason.TextTooLong
    | typeof RefusalReason.RichTextTooLarge
    | typeof RefusalReason.ListTooLong
    | typeof RefusalReason.SchemaOutdated
    | typeof RefusalReason.MalformedValue;
  path: string;
  limit: number;
};

/** The shape of a plain value at a key: the value's schema and, for a map's entries (`…/*`), the key's. */
export type PlainValueShape = { value: z.ZodType; key?: z.ZodType };

/**
 * Keys that hold one plain value of a known shape, by general path (`…/*`: every entry of that
 * map): an outcome's library link per department (issue 15, layout 5: the key a department id)
 * and, in a document before layout 5, its links as one value. Anything else there — a shared
 * type, several values, a value or key that does not parse — is refused (`malformedValue`),
 * checked after the value's size bound.
 */
export const PLAIN_VALUE_SHAPES: ReadonlyMap<string, PlainValueShape> = new Map([
  ['outcomes/items/*/libraryLinks/*', { value: LibraryLink, key: Id }],
  ['outcomes/items/*/libraryLinks', { value: LibraryLinks }],
]);

/** The shape the value at `path` must have, if any (by general path, then as an entry of its map). */
function plainValueShape(path: string): PlainValueShape | undefined {
  const general = generalise(path);
  return PLAIN_VALUE_SHAPES.get(general) ?? PLAIN_VALUE_SHAPES.get(`${general.slice(0, general.lastIndexOf('/'))}/*`);
}

/** Nested maps below a root (section → list → item → sources is 3). */
const MAX_MAP_DEPTH = 6;

/** What one placement is: its field path, map depth and, inside rich text, its fragment and depth. */
type Described = {
  path: string;
  mapDepth: number;
  /** The rich-text field (an existing fragment or a new one's item) this placement lies in. */
  fragment?: Y.AbstractType<unknown> | Y.Item;
  /** Depth below the fragment (the fragment itself is 0). */
  xmlDepth: number;
};

type FieldTotals = { path: string; chars: number; nodes: number; existing?: { chars: number; nodes: number } };

/**
 * The first bound of `shared/src/bounds` the inspected update would pass once applied: a short
 * text's length, a map's or list's entries, a rich-text field's characters, nodes or depth,
 * a key's length, nesting of maps. Counts what the document holds plus what the update adds,
 * so a bound cannot be passed in small steps (a short text's characters the same update deletes
 * are taken off). In a document of layout 2 the short texts' shape is a bound too
 * (`schemaOutdated`): only a Y.Text created with its new item may be written at a short text's
 * key, and a short text's Y.Text is deleted only with its item; in layout 3 an item key kept in
 * the chosen candidate or replaced by a rate card (RETIRED_ITEM_PATHS) is never written; in layout
 * 5 an outcome's library links map (ITEM_MAP_PATHS) is written only with its new outcome and
 * deleted only with it, each of its links one plain `LibraryLink` (PLAIN_VALUE_SHAPES).
 * Undefined if the update stays within every bound.
 */
export function checkUpdateBounds(doc: Y.Doc, inspection: UpdateInspection): BoundViolation | undefined {
  const resolved = new Map(inspection.additions.map(({ item, parent, key }) => [item, { parent, key }]));
  const describer = new PlacementDescriber((item) => resolved.get(item) ?? { parent: undefined, key: null });
  const layout = layoutVersion(doc);
  const shortTextsAreYText = layout >= 2;
  // A short text's Y.Text (layout 2) and an item map a layout added (ITEM_MAP_PATHS) go only with their item.
  const withItemOnly = (general: string) =>
    (shortTextsAreYText && SHORT_TEXT_PATHS.has(general)) || (ITEM_MAP_PATHS.get(general) ?? Infinity) <= layout;
  for (const item of inspection.deletedTypes) {
    if (item.parentSub === null || !(item.parent instanceof Y.AbstractType)) continue;
    const path = `${describer.describe({ kind: 'type', type: item.parent }).path}/${item.parentSub}`;
    const owner = item.parent._item;
    const ownerGoes = owner !== null && (owner.deleted || Y.isDeleted(inspection.deleteSet, owner.id));
    if (withItemOnly(generalise(path)) && !ownerGoes) {
      return { reason: RefusalReason.SchemaOutdated, path, limit: 0 };
    }
  }
  const newKeys = new Map<unknown, { path: string; keys: Set<string>; existing: number }>();
  const fields = new Map<unknown, FieldTotals>();
  const sequences = new Map<unknown, { path: string; length: number }>();

  for (const { item, parent, key } of inspection.additions) {
    if (!parent) continue; // Yjs turns an item without a type to live in into a GC struct.
    const where = describer.describe(parent);
    const content = item.content;
    if (key !== null) {
      if (key.length > MAX_KEY_CHARS)
        return { reason: RefusalReason.TextTooLong, path: where.path, limit: MAX_KEY_CHARS };
      const identity = placementIdentity(parent);
      let entry = newKeys.get(identity);
      if (!entry) {
        entry = { path: where.path, keys: new Set(), existing: liveEntries(doc, parent) };
        newKeys.set(identity, entry);
      }
      if (!hasLiveKey(doc, parent, key)) entry.keys.add(key);
      const valuePath = `${where.path}/${key}`;
      if (shortTextsAreYText && SHORT_TEXT_PATHS.has(generalise(valuePath))) {
        const newYText = content instanceof Y.ContentType && content.type instanceof Y.Text && parent.kind === 'new';
        if (!newYText) return { reason: RefusalReason.SchemaOutdated, path: valuePath, limit: 0 };
      }
      // A key a newer layout retired (P19's expected rate, P7's single price): an older client.
      const retiredSince = RETIRED_ITEM_PATHS.get(generalise(valuePath));
      if (retiredSince !== undefined && layout >= retiredSince) {
        return { reason: RefusalReason.SchemaOutdated, path: valuePath, limit: 0 };
      }
      // An item map a layout added: from that layout on only one created with its new item;
      // before it (a case the server could not migrate) the first write may convert to it.
      const mapSince = ITEM_MAP_PATHS.get(generalise(valuePath));
      const isMap = content instanceof Y.ContentType && content.type instanceof Y.Map;
      if (mapSince !== undefined && layout >= mapSince && !(isMap && parent.kind === 'new')) {
        return { reason: RefusalReason.SchemaOutdated, path: valuePath, limit: 0 };
      }
      const size = valueSize(content);
      if (size !== undefined && size > shortTextBound(valuePath)) {
        return { reason: RefusalReason.TextTooLong, path: valuePath, limit: shortTextBound(valuePath) };
      }
      const shape = mapSince !== undefined && isMap ? undefined : plainValueShape(valuePath);
      if (
        shape &&
        !(
          content instanceof Y.ContentAny &&
          content.arr.length === 1 &&
          shape.value.safeParse(content.arr[0]).success &&
          (shape.key?.safeParse(key).success ?? true)
        )
      ) {
        return { reason: RefusalReason.MalformedValue, path: valuePath, limit: 0 };
      }
      // Every nested type counts, rich-text fragments too: Yjs deletes and collects types
      // recursively, so no chain of them may grow without bound.
      if (content instanceof Y.ContentType && where.mapDepth + 1 > MAX_MAP_DEPTH) {
        return { reason: RefusalReason.ListTooLong, path: valuePath, limit: MAX_MAP_DEPTH };
      }
      continue;
    }
    // A sequence child: rich text (XML) or a plain Y.Text / Y.Array.
    if (where.fragment) {
      let totals = fields.get(where.fragment);
      if (!totals) {
        totals = { path: where.path, chars: 0, nodes: 0, existing: existingRichText(where.fragment) };
        fields.set(where.fragment, totals);
      }
      if (content instanceof Y.ContentType) {
        totals.nodes++;
        // Inside rich text only XML nodes (an array or map there nests outside every bound).
        if (!isXml(content.type)) return { reason: RefusalReason.RichTextTooLarge, path: where.path, limit: 0 };
        if (where.xmlDepth + 1 > RICH_TEXT_BOUND.maxDepth) {
          return { reason: RefusalReason.RichTextTooLarge, path: where.path, limit: RICH_TEXT_BOUND.maxDepth };
        }
      } else {
        const size = content instanceof Y.ContentString ? content.str.length : (valueSize(content) ?? 0);
        if (content instanceof Y.ContentFormat && size > DEFAULT_SHORT_TEXT_CHARS) {
          return { reason: RefusalReason.RichTextTooLarge, path: where.path, limit: DEFAULT_SHORT_TEXT_CHARS };
        }
        // A formatting mark counts as one character: a field cannot hold them without end.
        totals.chars += content instanceof Y.ContentFormat ? 1 : size;
      }
      continue;
    }
    // A plain sequence (Y.Text, Y.Array) is not part of the case's layout: no types inside one.
    if (content instanceof Y.ContentType) return { reason: RefusalReason.ListTooLong, path: where.path, limit: 0 };
    const identity = placementIdentity(parent);
    let sequence = sequences.get(identity);
    if (!sequence) {
      sequence = { path: where.path, length: existingLength(parent) - deletedLength(parent, inspection.deleteSet) };
      sequences.set(identity, sequence);
    }
    sequence.length += content instanceof Y.ContentString ? content.str.length : (valueSize(content) ?? 1);
  }

  for (const { path, keys, existing } of newKeys.values()) {
    const limit = mapEntryBound(path);
    if (existing + keys.size > limit && keys.size > 0) return { reason: RefusalReason.ListTooLong, path, limit };
  }
  for (const totals of fields.values()) {
    const chars = (totals.existing?.chars ?? 0) + totals.chars;
    const nodes = (totals.existing?.nodes ?? 0) + totals.nodes;
    if (totals.chars > 0 && chars > RICH_TEXT_BOUND.maxChars) {
      return { reason: RefusalReason.RichTextTooLarge, path: totals.path, limit: RICH_TEXT_BOUND.maxChars };
    }
    if (totals.nodes > 0 && nodes > RICH_TEXT_BOUND.maxNodes) {
      return { reason: RefusalReason.RichTextTooLarge, path: totals.path, limit: RICH_TEXT_BOUND.maxNodes };
    }
  }
  for (const { path, length } of sequences.values()) {
    if (length > shortTextBound(path)) return { reason: RefusalReason.TextTooLong, path, limit: shortTextBound(path) };
  }
  return undefined;
}

/** Size in characters of a value an item carries (strings by length, other values as JSON); undefined for types. */
function valueSize(content: Y.Item['content']): number | undefined {
  if (content instanceof Y.ContentAny) {
    let size = 0;
    for (const value of content.arr) size += typeof value === 'string' ? value.length : jsonLength(value);
    return size;
  }
  if (content instanceof Y.ContentString) return content.str.length;
  if (content instanceof Y.ContentBinary) return content.content.length;
  if (content instanceof Y.ContentEmbed) return jsonLength(content.embed);
  if (content instanceof Y.ContentJSON) return jsonLength(content.arr);
  if (content instanceof Y.ContentFormat) return content.key.length + jsonLength(content.value);
  return undefined;
}

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value ?? null)?.length ?? 0;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

function placementIdentity(placement: Placement): unknown {
  return placement.kind === 'root'
    ? `root:${placement.name}`
    : placement.kind === 'type'
      ? placement.type
      : placement.item;
}

function typeOf(doc: Y.Doc, placement: Placement): Y.AbstractType<unknown> | undefined {
  if (placement.kind === 'type') return placement.type;
  if (placement.kind === 'root') return doc.share.get(placement.name) as Y.AbstractType<unknown> | undefined;
  return undefined;
}

function liveEntries(doc: Y.Doc, placement: Placement): number {
  const type = typeOf(doc, placement);
  if (!type) return 0;
  let count = 0;
  for (const item of type._map.values()) if (!item.deleted) count++;
  return count;
}

function hasLiveKey(doc: Y.Doc, placement: Placement, key: string): boolean {
  const item = typeOf(doc, placement)?._map.get(key);
  return item !== undefined && !item.deleted;
}

/** Characters of an existing sequence that the update deletes (a replacement is not an addition). */
function deletedLength(placement: Placement, deleteSet: UpdateInspection['deleteSet']): number {
  if (placement.kind !== 'type') return 0;
  let deleted = 0;
  for (let item = placement.type._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    // An item may be split by the deletion: count its deleted clocks one by one (short texts are short).
    for (let offset = 0; offset < item.length; offset++) {
      if (Y.isDeleted(deleteSet, Y.createID(item.id.client, item.id.clock + offset))) deleted++;
    }
  }
  return deleted;
}

function existingLength(placement: Placement): number {
  return placement.kind === 'type' ? placement.type._length : 0;
}

/** Characters and nodes of an existing fragment (walked without recursion); zero for a new one. */
function existingRichText(fragment: Y.AbstractType<unknown> | Y.Item): { chars: number; nodes: number } {
  if (fragment instanceof Y.Item) return { chars: 0, nodes: 0 };
  let chars = 0;
  let nodes = 0;
  const stack: Y.AbstractType<unknown>[] = [fragment];
  while (stack.length > 0) {
    const type = stack.pop() as Y.AbstractType<unknown>;
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      if (item.content instanceof Y.ContentType) {
        nodes++;
        stack.push(item.content.type);
      } else if (item.content instanceof Y.ContentString) {
        chars += item.content.str.length;
      } else if (item.content instanceof Y.ContentFormat) {
        chars += 1;
      }
    }
  }
  return { chars, nodes };
}

function isXml(type: Y.AbstractType<unknown>): boolean {
  return type instanceof Y.XmlFragment || type instanceof Y.XmlText || type instanceof Y.XmlHook;
}

/** Describes placements (path, depth, rich-text field), memoised and without recursion. */
class PlacementDescriber {
  private readonly memo = new Map<unknown, Described>();

  constructor(
    /** Where a new type item goes and its key (from the inspection). */
    private readonly resolve: (item: Y.Item) => Resolved,
  ) {}

  describe(placement: Placement): Described {
    // Walk up through new types to the first described or existing placement, then down again.
    const chain: Y.Item[] = [];
    let current: Placement | undefined = placement;
    let base: Described | undefined;
    while (current) {
      const known = this.memo.get(placementIdentity(current));
      if (known) {
        base = known;
        break;
      }
      if (current.kind === 'root') {
        base = { path: current.name, mapDepth: 0, xmlDepth: 0 };
        this.memo.set(placementIdentity(current), base);
        break;
      }
      if (current.kind === 'type') {
        base = this.describeType(current.type);
        this.memo.set(current.type, base);
        break;
      }
      chain.push(current.item);
      current = this.resolve(current.item).parent;
    }
    let described: Described = base ?? { path: '?', mapDepth: 0, xmlDepth: 0 };
    for (let i = chain.length - 1; i >= 0; i--) {
      const item = chain[i] as Y.Item;
      described = describeChild(described, item, this.resolve(item).key);
      this.memo.set(item, described);
    }
    return described;
  }

  private describeType(type: Y.AbstractType<unknown>): Described {
    // Up through XML to the field's fragment, counting depth; then the map keys to the root.
    let xmlDepth = 0;
    let fragment: Y.AbstractType<unknown> | undefined;
    let current: Y.AbstractType<unknown> = type;
    if (isXml(current)) {
      while (current._item && !current._item.parentSub && isXml(current._item.parent as Y.AbstractType<unknown>)) {
        xmlDepth++;
        current = current._item.parent as Y.AbstractType<unknown>;
      }
      fragment = current;
    }
    const keys: string[] = [];
    let mapDepth = 0;
    let walker: Y.AbstractType<unknown> = current;
    while (walker._item) {
      const key = walker._item.parentSub;
      if (key === null)
        keys.length = 0; // inside a sequence: the field is further up
      else keys.unshift(key);
      mapDepth++;
      walker = walker._item.parent as Y.AbstractType<unknown>;
    }
    let root = '?';
    try {
      root = Y.findRootTypeKey(walker);
    } catch {
      // a type of no root: its path stays '?'
    }
    return { path: [root, ...keys].join('/'), mapDepth, fragment, xmlDepth };
  }
}

/** The description of a new type created by `item` under a described parent. */
function describeChild(parent: Described, item: Y.Item, key: string | null): Described {
  const type = (item.content as Y.ContentType).type;
  if (key === null && parent.fragment && isXml(type)) {
    return { path: parent.path, mapDepth: parent.mapDepth, fragment: parent.fragment, xmlDepth: parent.xmlDepth + 1 };
  }
  const path = key === null ? parent.path : `${parent.path}/${key}`;
  if (type instanceof Y.XmlFragment || isXml(type))
    return { path, mapDepth: parent.mapDepth + 1, fragment: item, xmlDepth: 0 };
  return { path, mapDepth: parent.mapDepth + 1, xmlDepth: 0 };
}
