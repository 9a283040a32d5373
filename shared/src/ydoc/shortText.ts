import * as Y from 'yjs';

/**
 * Short texts (a name, an outcome's definition) live in a Y.Text from document layout 2 on, so
 * two people typing in one — one of them offline — both keep their words (character-level
 * merge, as in rich text). A document of layout 1 (before its migration on load) holds them
 * as plain strings; reading accepts both, so nothing is lost while a case waits to migrate.
 */
export function readShortText(map: Y.Map<unknown> | undefined, key: string): string | undefined {
  const value = map?.get(key);
  if (value instanceof Y.Text) {
    const text = value.toString();
    return text === '' ? undefined : text;
  }
  return typeof value === 'string' ? value : undefined;
}

/**
 * Writes a short text with the smallest edit: the common beginning and end are kept, only the
 * middle is replaced, so a concurrent edit elsewhere in the text survives. An empty value
 * empties the Y.Text (the Y.Text itself stays: nested types are never created lazily). A
 * field still holding a plain string (layout 1) is set as a string.
 */
export function writeShortText(map: Y.Map<unknown>, key: string, value: string | undefined): void {
  const current = map.get(key);
  if (current instanceof Y.Text) {
    replaceText(current, value ?? '');
  } else if (value === undefined || value === '') {
    if (map.has(key)) map.delete(key);
  } else if (current !== value) {
    map.set(key, value);
  }
}

/** Turns `text` into `next` by deleting and inserting only the part between the common ends. */
export function replaceText(text: Y.Text, next: string): void {
  const before = text.toString();
  if (before === next) return;
  let start = 0;
  const shortest = Math.min(before.length, next.length);
  while (start < shortest && before.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shortest - start &&
    before.charCodeAt(before.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  // Never split a surrogate pair: move the cut outwards onto a whole character.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  const doc = text.doc;
  const apply = () => {
    const removed = before.length - start - end;
    if (removed > 0) text.delete(start, removed);
    const inserted = next.slice(start, next.length - end);
    if (inserted) text.insert(start, inserted);
  };
  if (doc) doc.transact(apply);
  else apply();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
