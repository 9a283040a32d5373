import * as Y from 'yjs';

/** The root a change could not be traced to (a missing dependency): treat it as touching everything. */
export const UNKNOWN_ROOT = '?';

type StructInfo = {
  clock: number;
  length: number;
  parent: string | Y.ID | null;
  origin: Y.ID | null;
  rightOrigin: Y.ID | null;
};

/**
 * Which top-level shared types (sections, `workshop`, …) an update would change in `doc`:
 * every inserted item's root and every deleted item's root. Lets the server refuse an update
 * that touches state a role may not write (observer, a locked section, the workshop record)
 * before applying it. Items are traced through the update itself first (new items whose
 * parent is an earlier new item), then through the document. Reads, never changes, `doc`.
 */
export function rootsTouchedBy(doc: Y.Doc, update: Uint8Array): Set<string> {
  const decoded = Y.decodeUpdate(update);
  const byClient = new Map<number, StructInfo[]>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = byClient.get(struct.id.client) ?? [];
    list.push({
      clock: struct.id.clock,
      length: struct.length,
      parent: struct.parent as unknown as string | Y.ID | null,
      origin: struct.origin,
      rightOrigin: struct.rightOrigin,
    });
    byClient.set(struct.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.clock - b.clock);

  const roots = new Set<string>();
  const memo = new Map<string, string>();

  const inUpdate = (id: Y.ID): StructInfo | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const s = list[mid] as StructInfo;
      if (id.clock < s.clock) high = mid - 1;
      else if (id.clock >= s.clock + s.length) low = mid + 1;
      else return s;
    }
    return undefined;
  };

  const inDoc = (id: Y.ID): Y.Item | undefined => {
    if (id.clock >= Y.getState(doc.store, id.client)) return undefined;
    try {
      const struct = Y.getItem(doc.store, id);
      return struct instanceof Y.Item ? struct : undefined;
    } catch {
      return undefined;
    }
  };

  /** The root of the type that contains the item with this id. */
  const rootOfItem = (id: Y.ID, depth = 0): string => {
    const key = `${id.client}:${id.clock}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let root = UNKNOWN_ROOT;
    if (depth < 10_000) {
      const existing = inDoc(id);
      if (existing) {
        root = rootOfType(existing.parent as Y.AbstractType<unknown> | null);
      } else {
        const struct = inUpdate(id);
        if (struct) {
          if (typeof struct.parent === 'string') root = struct.parent;
          else if (struct.parent) root = rootOfItem(struct.parent, depth + 1);
          else if (struct.origin) root = rootOfItem(struct.origin, depth + 1);
          else if (struct.rightOrigin) root = rootOfItem(struct.rightOrigin, depth + 1);
        }
      }
    }
    memo.set(key, root);
    return root;
  };

  for (const [client, list] of byClient) {
    for (const struct of list) roots.add(rootOfItem(Y.createID(client, struct.clock)));
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      let clock = range.clock;
      const end = range.clock + range.len;
      while (clock < end) {
        const id = Y.createID(client, clock);
        const existing = inDoc(id);
        const struct = existing ? undefined : inUpdate(id);
        if (!existing && !struct) {
          clock++; // deleting something this document never had: harmless, skip it
          continue;
        }
        // A sync message carries the sender's whole delete set: only deletions of items this
        // document still has count as changes.
        if (!existing?.deleted) roots.add(rootOfItem(id));
        clock = existing
          ? existing.id.clock + existing.length
          : (struct as StructInfo).clock + (struct as StructInfo).length;
      }
    }
  }
  return roots;
}

/** The root key of a type in the document (walking up through nested types). */
function rootOfType(type: Y.AbstractType<unknown> | null): string {
  let current = type;
  while (current?._item) current = current._item.parent as Y.AbstractType<unknown> | null;
  if (!current) return UNKNOWN_ROOT;
  try {
    return Y.findRootTypeKey(current);
  } catch {
    return UNKNOWN_ROOT;
  }
}
