import * as Y from 'yjs';
import { SECTIONS } from '../../model/caseModel.ts';
import {
  ITEM_CHILDREN,
  type ItemKind,
  isChildOfType,
  type LayoutChildren,
  LISTS,
  layoutEntries,
  listMap,
  newChild,
  SECTION_CHILDREN,
  sectionMap,
  shortTextHome,
} from '../layout.ts';
import type { DocumentMigration } from './migration.ts';

/**
 * Creates every nested shared type the current layout (layout.ts, derived from the field
 * registry) declares and a section or list item lacks — how a prose, short-text or map field
 * added to the registry after a case was created reaches that case. Sections in SECTIONS order,
 * items by id, so the same document always gives the same content; a child already of its type
 * is left alone, so a second run changes nothing. A key holding something else (a crafted
 * value, which reads as missing) gets the child, a short text keeping a string's words; a
 * nested map a crafted document lacks is not created for the children inside it.
 */
export function addMissingChildren(doc: Y.Doc): void {
  for (const section of SECTIONS) {
    const map = sectionMap(doc, section);
    if (map) addMissing(map, SECTION_CHILDREN[section]);
  }
  for (const kind of Object.keys(LISTS) as ItemKind[]) {
    const list = listMap(doc, kind);
    if (!list) continue;
    for (const id of [...list.keys()].sort()) {
      const item = list.get(id);
      if (item instanceof Y.Map) addMissing(item, ITEM_CHILDREN[kind]);
    }
  }
}

function addMissing(holder: Y.Map<unknown>, children: LayoutChildren): void {
  for (const [path, type] of layoutEntries(children)) {
    const home = shortTextHome(holder, path);
    if (!home) continue;
    const value = home.map.get(home.key);
    if (isChildOfType(value, type)) continue;
    home.map.set(home.key, type === 'shortText' && typeof value === 'string' ? new Y.Text(value) : newChild(type));
  }
}

/**
 * The layout step a field living in a nested type takes (layout.ts SECTION_CHILDREN): from
 * layout `from` to `from + 1`, creating the new field's shared type in every existing case on
 * load. Append `addMissingChildrenStep(n)` to DOCUMENT_MIGRATIONS and raise LAYOUT_VERSION to
 * n + 1 in the same change as the registry entry.
 */
export function addMissingChildrenStep(from: number): DocumentMigration {
  return { from, to: from + 1, name: 'nested types of new fields', migrate: addMissingChildren };
}
