import * as Y from 'yjs';
import { LIBRARY_LINKS_KEY, listMap } from '../layout.ts';
import { convertLibraryLinks } from '../libraryValue.ts';
import type { DocumentMigration } from './migration.ts';

/**
 * Layout 4 → 5 (issue 15): every outcome's library links become a map, one entry per
 * department (what its plain value held, or empty), so concurrent takes for different
 * departments no longer overwrite each other. The model and its content hash stay as they were
 * (`readLibraryLinks` reads both forms). Outcomes in id order, links in department-id order.
 */
export const libraryLinksPerDepartment: DocumentMigration = {
  from: 4,
  to: 5,
  name: 'library links per department (issue 15)',
  migrate(doc) {
    const outcomes = listMap(doc, 'outcome');
    if (!outcomes) return;
    for (const id of [...outcomes.keys()].sort()) {
      const outcome = outcomes.get(id);
      if (outcome instanceof Y.Map && !(outcome.get(LIBRARY_LINKS_KEY) instanceof Y.Map)) convertLibraryLinks(outcome);
    }
  },
};
