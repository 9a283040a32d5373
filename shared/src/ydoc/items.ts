import * as Y from 'yjs';
import { ITEM_CHILDREN, type ItemKind, layoutEntries, listMap, newChild } from './layout.ts';
import { moveItem, orderedItems, orderKeyAtEnd } from './orderedList.ts';

/** Scalar fields an item may be created with (a short text's value goes into its Y.Text; other nested types start empty). */
export type ItemFields = Record<string, string | number | boolean | undefined>;

/**
 * Builds a list item with every nested shared type it will ever have (the registry's, layout.ts
 * ITEM_CHILDREN) — its short texts as Y.Texts holding the given values (layout 2) — so that no
 * client creates one later (two clients doing so at once would silently lose one).
 */
export function newItem(kind: ItemKind, order: string, fields: ItemFields): Y.Map<unknown> {
  const item = new Y.Map<unknown>();
  item.set('order', order);
  const shortTexts: readonly string[] = ITEM_CHILDREN[kind].shortText;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && !shortTexts.includes(key)) item.set(key, value);
  }
  for (const [key, type] of layoutEntries(ITEM_CHILDREN[kind])) {
    const value = fields[key];
    item.set(key, type === 'shortText' && typeof value === 'string' ? new Y.Text(value) : newChild(type));
  }
  return item;
}

/**
 * Appends an item with the given id to a list. The caller supplies the id (shared code has no
 * randomness of its own). Returns the integrated item, or undefined if the list is missing.
 */
export function addItem(doc: Y.Doc, kind: ItemKind, id: string, fields: ItemFields = {}): Y.Map<unknown> | undefined {
  const list = listMap(doc, kind);
  if (!list) return undefined;
  let item: Y.Map<unknown> | undefined;
  doc.transact(() => {
    list.set(id, newItem(kind, orderKeyAtEnd(list), fields));
    item = list.get(id) as Y.Map<unknown>;
  });
  return item;
}

/** Removes an item from a list. */
export function removeItem(doc: Y.Doc, kind: ItemKind, id: string): void {
  const list = listMap(doc, kind);
  if (list?.has(id)) doc.transact(() => list.delete(id));
}

/** Moves an item to a new position in its list (by order key, never by delete-and-reinsert). */
export function moveItemTo(doc: Y.Doc, kind: ItemKind, id: string, toIndex: number): void {
  const list = listMap(doc, kind);
  if (list) doc.transact(() => moveItem(list, id, toIndex));
}

/** The item's Y.Map, if it exists. */
export function getItem(doc: Y.Doc, kind: ItemKind, id: string): Y.Map<unknown> | undefined {
  const item = listMap(doc, kind)?.get(id);
  return item instanceof Y.Map ? item : undefined;
}

/** The ids of a list's items in display order. */
export function itemIds(doc: Y.Doc, kind: ItemKind): string[] {
  return orderedItems(listMap(doc, kind)).map(([id]) => id);
}
