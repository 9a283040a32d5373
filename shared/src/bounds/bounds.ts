import { DEFAULT_SHORT_TEXT_CHARS } from '../fields/kinds.ts';
import { allFields, holderOf, type RegisteredField } from '../fields/registry.ts';
import { LISTS } from '../ydoc/layout.ts';

/**
 * Every bound a case document and a connection must stay within (docs/security.md, issue 9):
 * one table, keyed by field path, that the server's write guard enforces before it applies
 * an update, that `toModel` respects when it reads, and that refusals name ("the text in
 * Problem is longer than 20.000 characters"). Fields' bounds (rich text, short-text lengths)
 * are declared in the field registry (shared/src/fields) and derived here.
 *
 * Paths are the document's own: a section, then map keys, with `*` for a list item's id —
 * `outcomes/items/*\/definition`, `interventions/candidates/*\/description`.
 */

/** A rich-text field's limits: characters of text, element/text nodes, nesting depth. */
export type RichTextBound = { maxChars: number; maxNodes: number; maxDepth: number };

/** Rich-text fields (Y.XmlFragment) and their bounds. */
export const RICH_TEXT_BOUND: RichTextBound = { maxChars: 100_000, maxNodes: 5_000, maxDepth: 16 };

/** The rich-text fields of a case (paths to Y.XmlFragments), from the field registry. */
export const RICH_TEXT_PATHS: readonly string[] = allFields()
  .filter((field) => field.kind === 'richText')
  .map(documentPath);

/** The longest short text (a string map value) anywhere, unless SHORT_TEXT_BOUNDS says less. */
export { DEFAULT_SHORT_TEXT_CHARS } from '../fields/kinds.ts';

/** Short texts with a tighter bound than the default (characters, UTF-16 code units), from the field registry. */
export const SHORT_TEXT_BOUNDS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    allFields().flatMap((field) =>
      (field.kind === 'shortText' || field.kind === 'reference') && field.maxChars !== DEFAULT_SHORT_TEXT_CHARS
        ? [[documentPath(field), field.maxChars]]
        : [],
    ),
  ),
  /** Issue 15: an outcome's link for one department (its JSON: entry id, version, factor), layout 5. */
  'outcomes/items/*/libraryLinks/*': 300,
  /** Issue 15: before layout 5, an outcome's library links as one plain value (its JSON): up to 50 departments' links. */
  'outcomes/items/*/libraryLinks': 8_000,
};

/** A field's path in the document: `facts/title`, `facts/partners/authority`, `outcomes/items/*\/name`. */
export function documentPath(field: RegisteredField): string {
  const holder = holderOf(field.container);
  if ('list' in holder) return `${LISTS[holder.list].section}/${LISTS[holder.list].key}/*/${field.key}`;
  return [holder.section, ...(holder.map ? [holder.map] : []), field.key].join('/');
}

/** Map keys anywhere (ids, field names and order keys are short). */
export const MAX_KEY_CHARS = 256;

/** List items' fractional order keys. */
export const ORDER_KEY_CHARS = 64;

/** The most entries a map may have anywhere, unless LIST_BOUNDS says otherwise. */
export const DEFAULT_MAP_ENTRIES = 100;

/** Lists and maps with their own bound on entries. */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  'facts/departments': 50,
  'interventions/candidates': 50,
  'outcomes/items': 100,
  /** P7: an outcome's rate card. */
  'outcomes/items/*/points': 12,
  /** Issue 15: an outcome's library links, one per department (layout 5). */
  'outcomes/items/*/libraryLinks': 50,
  'targetGroup/intake': 50,
  'evaluation/signatories': 50,
  comments: 5_000,
};

/** Awareness (presence): what one connection may publish. */
export const AWARENESS_BOUNDS = {
  /** Bytes of one awareness state's JSON. */
  maxStateBytes: 4_096,
  /** Awareness client ids one connection may speak for (a browser uses one; tabs connect separately). */
  maxEntriesPerConnection: 4,
} as const;

/** What one connection may send and be sent. */
export const CONNECTION_BOUNDS = {
  /** The largest websocket frame, in bytes (server option `maxPayload` overrides). */
  maxPayloadBytes: 8 * 1024 * 1024,
  /**
   * Structs in one document update, counted before it is decoded: decoding builds an object
   * per struct. An honest edit has a handful, an offline day's resync hundreds to a few thousand.
   */
  maxStructsPerUpdate: 10_000,
  /** Messages per second, averaged over a burst window. */
  messagesPerSecond: 200,
  /** Messages a burst may hold. */
  messageBurst: 1_000,
  /** Bytes per second, averaged over a burst window. */
  bytesPerSecond: 2 * 1024 * 1024,
  /** Bytes a burst may hold (one full offline resync fits). */
  byteBurst: 16 * 1024 * 1024,
  /**
   * Sync step 1 requests ("send me what I lack") per second and per burst: each costs the
   * server an encoding of the case, a client needs one per connection.
   */
  syncRequestsPerSecond: 1,
  syncRequestBurst: 10,
  /**
   * Milliseconds of server work (decoding, checking, applying) one party's connections to a
   * case may cause per second, and in a burst: what a few hundred KiB of pathological Yjs
   * structs cost, however they are spread over frames and reconnections.
   */
  workMsPerSecond: 250,
  workBurstMs: 1_500,
  /** Bytes queued for a connection that does not read before it is closed (slow consumer). */
  maxBufferedBytes: 16 * 1024 * 1024,
} as const;

/** Storage per case (bytes of the update log and state). */
export const STORAGE_BOUNDS = {
  /** Stored bytes of one case's document (its update log); far above a full workshop. */
  caseQuotaBytes: 64 * 1024 * 1024,
  /** From this share of the quota on, the facilitator is warned. */
  warnShare: 0.8,
} as const;

/** The bound on entries of the map at `path` (a list, a record of sources, a section). */
export function mapEntryBound(path: string): number {
  return LIST_BOUNDS[path] ?? LIST_BOUNDS[generalise(path)] ?? DEFAULT_MAP_ENTRIES;
}

/** The bound on characters of the short text at `path`. */
export function shortTextBound(path: string): number {
  const general = generalise(path);
  if (general.endsWith('/order')) return ORDER_KEY_CHARS;
  const parentWildcard = `${general.slice(0, general.lastIndexOf('/'))}/*`;
  return SHORT_TEXT_BOUNDS[general] ?? SHORT_TEXT_BOUNDS[parentWildcard] ?? DEFAULT_SHORT_TEXT_CHARS;
}

/**
 * A path with list item ids replaced by `*`: `outcomes/items/abc/name` →
 * `outcomes/items/*\/name`. Item ids sit right under a list key.
 */
export function generalise(path: string): string {
  const known = generalised.get(path);
  if (known !== undefined) return known;
  const parts = path.split('/');
  for (let i = 1; i < parts.length - 1; i++) {
    if (LIST_KEYS.has(`${parts[i - 1]}/${parts[i]}`)) parts[i + 1] = '*';
  }
  const general = parts.join('/');
  // The write guard asks for every edit: remember recent paths (bounded).
  if (generalised.size >= 10_000) generalised.clear();
  generalised.set(path, general);
  return general;
}

const generalised = new Map<string, string>();

const LIST_KEYS = new Set([
  'facts/departments',
  'interventions/candidates',
  'outcomes/items',
  'evaluation/signatories',
]);
