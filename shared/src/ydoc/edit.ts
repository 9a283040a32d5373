import * as Y from 'yjs';

/** A scalar value a form writes; undefined clears the field. */
export type FieldValue = string | number | undefined;

/** Sets (or, with undefined, clears) one scalar field of a section, an item or a nested map. */
export function setField(map: Y.Map<unknown>, key: string, value: FieldValue): void {
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
  } else if (map.get(key) !== value) {
    map.set(key, value);
  }
}

/** A nested Y.Map of a section or item (created with it; see layout.ts). */
export function nestedMap(parent: Y.Map<unknown> | undefined, key: string): Y.Map<unknown> | undefined {
  const value = parent?.get(key);
  return value instanceof Y.Map ? value : undefined;
}

/** A nested rich-text fragment of a section or item (created with it). */
export function nestedFragment(parent: Y.Map<unknown> | undefined, key: string): Y.XmlFragment | undefined {
  const value = parent?.get(key);
  return value instanceof Y.XmlFragment ? value : undefined;
}
