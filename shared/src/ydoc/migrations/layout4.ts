import * as Y from 'yjs';
import { LAYOUT_VERSION_KEY, LIBRARY_LINKS_KEY, listMap, META } from '../layout.ts';
import { readLibraryLinks } from '../libraryValue.ts';

/**
 * For tests and tools: turns a layout-5 document into what layout 4 held (the inverse of
 * `libraryLinksPerDepartment`) — each outcome's links as one plain value, or no key when it has
 * none. A case stored or cached offline before links per department.
 */
export function asLayout4(doc: Y.Doc): void {
  doc.transact(() => {
    listMap(doc, 'outcome')?.forEach((outcome) => {
      if (!(outcome instanceof Y.Map)) return;
      const links = readLibraryLinks(outcome);
      if (links) outcome.set(LIBRARY_LINKS_KEY, links);
      else outcome.delete(LIBRARY_LINKS_KEY);
    });
    doc.getMap(META).set(LAYOUT_VERSION_KEY, 4);
  });
}
