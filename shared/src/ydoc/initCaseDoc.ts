import type * as Y from 'yjs';
import { SECTIONS } from '../model/caseModel.ts';
import { SCHEMA_VERSION } from '../model/primitives.ts';
import { COMMENTS } from '../workshop/comments.ts';
import { createWorkshop } from '../workshop/record.ts';
import {
  LAYOUT_VERSION,
  LAYOUT_VERSION_KEY,
  layoutEntries,
  META,
  newChild,
  SECTION_CHILDREN,
  sectionMap,
  shortTextHome,
} from './layout.ts';

/**
 * Defaults of a new, empty case (docs/product.md: DKK, the Danish discount schedule (P2),
 * investor funds 100 %). The phase
 * is workshop state (`workshop.phase`, docs/workshop.md W1), not a fact.
 */
export const NEW_CASE_DEFAULTS = {
  // P2: new cases use the Danish schedule; the flat rate is there if the group switches to one.
  facts: { currency: 'DKK', discountMethod: 'schedule', discountRate: 0.035, horizonYears: 10 },
  paymentModel: { investorFundedShare: 1 },
} as const;

/**
 * Creates a case's structure in an empty document, of the current layout (layout.ts): every
 * section's nested shared types — maps, rich texts, short texts, as the field registry
 * gives them (layout.ts SECTION_CHILDREN) — the defaults and the workshop
 * record (phase 1, its nested maps), in one transaction. Only the server calls this, once, when a case is created;
 * clients never create section structure (see layout.ts).
 */
export function initCaseDoc(doc: Y.Doc, options: { startYear?: number; priceYear?: number } = {}): void {
  doc.transact(() => {
    doc.getMap(META).set('schemaVersion', SCHEMA_VERSION);
    doc.getMap(META).set(LAYOUT_VERSION_KEY, LAYOUT_VERSION);
    for (const section of SECTIONS) {
      const map = sectionMap(doc, section);
      if (!map) throw new Error(`initCaseDoc: section ${section} is not a map`);
      for (const [path, type] of layoutEntries(SECTION_CHILDREN[section])) {
        const home = shortTextHome(map, path);
        if (!home) throw new Error(`initCaseDoc: ${section}/${path} has no map`);
        home.map.set(home.key, newChild(type));
      }
    }
    const facts = doc.getMap('facts');
    for (const [key, value] of Object.entries(NEW_CASE_DEFAULTS.facts)) facts.set(key, value);
    if (options.startYear !== undefined) facts.set('startYear', options.startYear);
    if (options.priceYear !== undefined) facts.set('priceYear', options.priceYear);
    const payment = doc.getMap('paymentModel');
    for (const [key, value] of Object.entries(NEW_CASE_DEFAULTS.paymentModel)) payment.set(key, value);
    createWorkshop(doc, 1);
    // Defines the server-written comments root (W9); top-level types hold no structure to store.
    doc.getMap(COMMENTS);
  });
}

/** True once the document holds a case's structure (the server's initial state arrived). */
export function isCaseDocReady(doc: Y.Doc): boolean {
  return doc.getMap(META).get('schemaVersion') !== undefined;
}
