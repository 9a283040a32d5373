import * as Y from 'yjs';
import { inspectUpdate, UNKNOWN_ROOT } from './inspectUpdate.ts';

/**
 * Which top-level shared types (sections, `workshop`, …) an update would change in `doc`:
 * every inserted item's root and every deleted item's root (`inspectUpdate`), plus
 * UNKNOWN_ROOT when part of it does not fit the document (it would stay pending and could land
 * anywhere later). Reads, never changes, `doc`.
 */
export function rootsTouchedBy(doc: Y.Doc, update: Uint8Array): Set<string> {
  const inspection = inspectUpdate(doc, Y.decodeUpdate(update));
  return inspection.inconsistency ? new Set([...inspection.roots, UNKNOWN_ROOT]) : inspection.roots;
}
