import * as Y from 'yjs';
import {
  type LibraryEntry,
  LibraryLink,
  type LibraryLinks,
  LibraryLinks as LibraryLinksSchema,
} from '../library/libraryEntry.ts';
import { departmentValueSourceKey, libraryNote, type PriceConversion, takenValue } from '../library/libraryNote.ts';
import { Id } from '../model/primitives.ts';
import { nestedMap, setField } from './edit.ts';
import { LIBRARY_LINKS_KEY } from './layout.ts';

/**
 * An outcome item's library links. From layout 5 they are a nested map, department id → one
 * plain link, so concurrent takes for different departments both stay; before, one plain value
 * (a document the server has not migrated still reads). A link that does not fit the schema (a
 * crafted document) is left out; an old value that does not fit reads as none.
 */
export function readLibraryLinks(item: Y.Map<unknown> | undefined): LibraryLinks | undefined {
  const value = item?.get(LIBRARY_LINKS_KEY);
  if (value === undefined) return undefined;
  const parsed = LibraryLinksSchema.safeParse(value instanceof Y.Map ? linksInMap(value) : value);
  return parsed.success && Object.keys(parsed.data).length > 0 ? sortedLinks(parsed.data) : undefined;
}

/**
 * Makes an outcome item hold exactly these links, touching only the departments whose link
 * changes. An outcome still holding the plain value of before layout 5 (or none) gets its map
 * here — the first write converts (the server's migration does so on load: `libraryLinksPerDepartment`).
 */
export function writeLibraryLinks(item: Y.Map<unknown>, links: LibraryLinks | undefined): void {
  const map = item.get(LIBRARY_LINKS_KEY);
  if (!(map instanceof Y.Map)) {
    if (JSON.stringify(readLibraryLinks(item) ?? {}) !== JSON.stringify(sortedLinks(links ?? {}))) {
      convertLibraryLinks(item, links);
    }
    return;
  }
  const wanted = links ?? {};
  for (const departmentId of [...map.keys()]) if (!(departmentId in wanted)) map.delete(departmentId);
  for (const [departmentId, link] of Object.entries(sortedLinks(wanted))) setLink(map, departmentId, link);
}

/**
 * Gives an outcome its links map (layout 5) holding `links` — by default what its plain value
 * of before holds — in department-id order, so two copies of a document convert alike.
 */
export function convertLibraryLinks(item: Y.Map<unknown>, links = readLibraryLinks(item)): void {
  const map = new Y.Map<unknown>();
  item.set(LIBRARY_LINKS_KEY, map);
  for (const [departmentId, link] of Object.entries(sortedLinks(links ?? {}))) map.set(departmentId, { ...link });
}

/**
 * Takes a library entry's value into an outcome for one department, as if a person had typed it:
 * the value (times the person's index factor, when converted) into `valuePerDepartment`, the
 * entry's source into that department's source note, and the link (entry, version, factor) into
 * that department's entry of the links — in one transaction, so it is one change in the
 * document's history and one undo step. Also what "update" does with the entry's newer version.
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
  const link: LibraryLink = {
    entryId: entry.id,
    version: entry.version,
    ...(conversion ? { factor: conversion.factor } : {}),
  };
  const apply = () => {
    setField(values, departmentId, takenValue(entry, conversion?.factor));
    setField(notes, departmentValueSourceKey(departmentId), libraryNote(entry, lang, conversion));
    const links = nestedMap(item, LIBRARY_LINKS_KEY);
    if (links) setLink(links, departmentId, link);
    else writeLibraryLinks(item, { ...readLibraryLinks(item), [departmentId]: link });
  };
  if (item.doc) item.doc.transact(apply);
  else apply();
}

/** One department's link, written only when it differs (a plain value: the write guard checks its shape). */
function setLink(map: Y.Map<unknown>, departmentId: string, link: LibraryLink): void {
  if (JSON.stringify(map.get(departmentId)) !== JSON.stringify(link)) map.set(departmentId, { ...link });
}

/** The links map's entries that fit the schema, by department id. */
function linksInMap(map: Y.Map<unknown>): Record<string, LibraryLink> {
  const links: Record<string, LibraryLink> = {};
  map.forEach((value, departmentId) => {
    const link = LibraryLink.safeParse(value);
    if (link.success && Id.safeParse(departmentId).success && departmentId !== '__proto__') {
      links[departmentId] = link.data;
    }
  });
  return links;
}

function sortedLinks(links: LibraryLinks): LibraryLinks {
  return Object.fromEntries(Object.entries(links).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
