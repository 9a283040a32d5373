import * as Y from 'yjs';
import { type ItemKind, listMap, sectionMap, shortTextHome } from '../layout.ts';
import { LAYOUT_2_ITEM_CHILDREN, LAYOUT_2_SECTION_CHILDREN } from './layout2.ts';
import type { DocumentMigration } from './migration.ts';

/**
 * Layout 1 → 2 (issue 11): every short text of layout 2 as it shipped (layout2.ts — never a
 * short text added to the registry since) becomes a Y.Text with the same content, so it
 * merges character by character. A field that held no string (missing, or a crafted value of
 * another type — which reads as missing either way) becomes an empty Y.Text: from layout 2 on
 * every short text exists, and no client ever creates one lazily (layout.ts). Items and nested
 * maps a crafted document lacks are left alone.
 */
export const shortTextsAsYText: DocumentMigration = {
  from: 1,
  to: 2,
  name: 'short texts as Y.Text',
  migrate(doc) {
    for (const [section, children] of Object.entries(LAYOUT_2_SECTION_CHILDREN)) {
      const map = sectionMap(doc, section as keyof typeof LAYOUT_2_SECTION_CHILDREN);
      if (!map) continue;
      for (const path of children.shortText) {
        const home = shortTextHome(map, path);
        if (home) toYText(home.map, home.key);
      }
    }
    for (const kind of Object.keys(LAYOUT_2_ITEM_CHILDREN) as ItemKind[]) {
      listMap(doc, kind)?.forEach((item) => {
        if (!(item instanceof Y.Map)) return;
        for (const key of LAYOUT_2_ITEM_CHILDREN[kind].shortText) toYText(item, key);
      });
    }
  },
};

function toYText(map: Y.Map<unknown>, key: string): void {
  const value = map.get(key);
  if (value instanceof Y.Text) return;
  map.set(key, new Y.Text(typeof value === 'string' ? value : undefined));
}
