import * as Y from 'yjs';
import { replaceText } from './shortText.ts';

/** A scalar value a form writes; undefined clears the field. */
export type FieldValue = string | number | undefined;

/**
 * Sets (or, with undefined, clears) one scalar field of a section, an item or a nested map. A
 * short text kept as a Y.Text (layout 2) is edited in place with the smallest edit, never
 * replaced by a string: the write guard refuses a replaced Y.Text as `schemaOutdated`.
 */
export function setField(map: Y.Map<unknown>, key: string, value: FieldValue): void {
  const current = map.get(key);
  if (current instanceof Y.Text && typeof value !== 'number') {
    replaceText(current, value ?? '');
  } else if (value === undefined) {
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
