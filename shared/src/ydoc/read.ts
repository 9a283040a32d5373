import * as Y from 'yjs';
import { emptyRichText, type RichText } from '../model/primitives.ts';
import { readRichTextWithinBounds } from '../richtext/readWithinBounds.ts';
import type { RichTextSetAside } from '../richtext/setAside.ts';

/** Typed, forgiving reads from a Y.Map: a wrong type reads as missing, never throws. */
export function readString(map: Y.Map<unknown> | undefined, key: string): string | undefined {
  const value = map?.get(key);
  return typeof value === 'string' ? value : undefined;
}

export function readNumber(map: Y.Map<unknown> | undefined, key: string): number | undefined {
  const value = map?.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function readChoice<T extends string | number>(
  map: Y.Map<unknown> | undefined,
  key: string,
  choices: readonly T[],
): T | undefined {
  const value = map?.get(key);
  return choices.includes(value as T) ? (value as T) : undefined;
}

export function readMap(map: Y.Map<unknown> | undefined, key: string): Y.Map<unknown> | undefined {
  const value = map?.get(key);
  return value instanceof Y.Map ? value : undefined;
}

export function readFragment(map: Y.Map<unknown> | undefined, key: string): Y.XmlFragment | undefined {
  const value = map?.get(key);
  return value instanceof Y.XmlFragment ? value : undefined;
}

/**
 * A rich-text field within its bounds; `setAside` hears of every part left out (a document an
 * earlier version let grow without bounds, or a crafted one).
 */
export function readRichTextField(
  map: Y.Map<unknown> | undefined,
  key: string,
  setAside?: (part: RichTextSetAside) => void,
): RichText {
  const fragment = readFragment(map, key);
  if (!fragment) return emptyRichText();
  const reading = readRichTextWithinBounds(fragment);
  if (setAside) for (const part of reading.setAside) setAside(part);
  return reading.value;
}

/** A map of finite numbers (values per department, payer shares). */
export function readNumberRecord(map: Y.Map<unknown> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  map?.forEach((value, key) => {
    if (typeof value === 'number' && Number.isFinite(value) && key !== '__proto__') out[key] = value;
  });
  return out;
}

/** A map of strings (source notes). */
export function readStringRecord(map: Y.Map<unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  map?.forEach((value, key) => {
    if (typeof value === 'string' && key !== '__proto__') out[key] = value;
  });
  return out;
}
