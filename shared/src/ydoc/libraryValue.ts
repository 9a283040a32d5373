import type * as Y from 'yjs';
import { type LibraryEntry, type LibraryLinks, LibraryLinks as LibraryLinksSchema } from '../library/libraryEntry.ts';
import { departmentValueSourceKey, libraryNote, type PriceConversion, takenValue } from '../library/libraryNote.ts';
import { nestedMap, setField } from './edit.ts';

/** The key of an outcome item's library links (a plain value: department id → { entryId, version, factor? }). */
export const LIBRARY_LINKS_KEY = 'libraryLinks';

/** An outcome item's library links; a value that does not fit the schema (a crafted document) reads as none. */
export function readLibraryLinks(item: Y.Map<unknown> | undefined): LibraryLinks | undefined {
  const value = item?.get(LIBRARY_LINKS_KEY);
  if (value === undefined) return undefined;
  const parsed = LibraryLinksSchema.safeParse(value);
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : undefined;
}

/** Makes an outcome item hold exactly these links (none: the key removed). */
export function writeLibraryLinks(item: Y.Map<unknown>, links: LibraryLinks | undefined): void {
  const wanted = links && Object.keys(links).length > 0 ? links : undefined;
  if (JSON.stringify(readLibraryLinks(item)) === JSON.stringify(wanted)) return;
  if (wanted === undefined) item.delete(LIBRARY_LINKS_KEY);
  else item.set(LIBRARY_LINKS_KEY, wanted);
}

/**
 * Takes a library entry's value into an outcome for one department, as if a person had typed it:
 * the value (times the person's index factor, when converted) into `valuePerDepartment`, the
 * entry's source into that department's source note, and the link (entry, version, factor) —
 * in one transaction, so it is one change in the document's history and one undo step. Also
 * what "update" does with the entry's newer version.
 */
export function takeLibraryValue(
  item: Y.Map<unknown>,
  departmentId: string,
  entry: LibraryEntry,
  lang: 'da' | 'en',
  conversion?: PriceConversion,
): void {
  const values = nestedMap(item, 'valuePerDepartment');
  const notes = nestedMap(item, 'sources');
  if (!values || !notes) throw new Error('takeLibraryValue: the outcome has no values or notes map');
  const apply = () => {
    setField(values, departmentId, takenValue(entry, conversion?.factor));
    setField(notes, departmentValueSourceKey(departmentId), libraryNote(entry, lang, conversion));
    writeLibraryLinks(item, {
      ...readLibraryLinks(item),
      [departmentId]: {
        entryId: entry.id,
        version: entry.version,
        ...(conversion ? { factor: conversion.factor } : {}),
      },
    });
  };
  if (item.doc) item.doc.transact(apply);
  else apply();
}
