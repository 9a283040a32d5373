import * as Y from 'yjs';
import { emptyRichText, type RichText } from '../model/primitives.ts';
import { readRichText } from '../richtext/convert.ts';

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

export function readRichTextField(map: Y.Map<unknown> | undefined, key: string): RichText {
  const fragment = readFragment(map, key);
  return fragment ? readRichText(fragment) : emptyRichText();
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
