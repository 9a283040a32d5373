import * as Y from 'yjs';
import { type ItemKind, LAYOUT_VERSION_KEY, listMap, META, sectionMap, shortTextHome } from '../layout.ts';
import { LAYOUT_2_ITEM_CHILDREN, LAYOUT_2_SECTION_CHILDREN } from './layout2.ts';
import { asLayout2 } from './layout2Rates.ts';

/**
 * For tests and tools: turns a document into what layout 1 held — every short text a plain
 * string (an empty one absent), no `meta.layoutVersion` — the form of a case stored, imported
 * or cached offline before issue 11. The inverse of `shortTextsAsYText` (after `asLayout2`).
 */
export function asLayout1(doc: Y.Doc): void {
  doc.transact(() => {
    asLayout2(doc);
    for (const [section, children] of Object.entries(LAYOUT_2_SECTION_CHILDREN)) {
      const map = sectionMap(doc, section as keyof typeof LAYOUT_2_SECTION_CHILDREN);
      if (!map) continue;
      for (const path of children.shortText) {
        const home = shortTextHome(map, path);
        if (home) asString(home.map, home.key);
      }
    }
    for (const kind of Object.keys(LAYOUT_2_ITEM_CHILDREN) as ItemKind[]) {
      listMap(doc, kind)?.forEach((item) => {
        if (item instanceof Y.Map) for (const key of LAYOUT_2_ITEM_CHILDREN[kind].shortText) asString(item, key);
      });
    }
    doc.getMap(META).delete(LAYOUT_VERSION_KEY);
  });
}

function asString(map: Y.Map<unknown>, key: string): void {
  const value = map.get(key);
  if (!(value instanceof Y.Text)) return;
  const text = value.toString();
  if (text === '') map.delete(key);
  else map.set(key, text);
}
