import * as Y from 'yjs';
import { candidateRateSourceKey } from '../../model/candidateRates.ts';
import { listMap, SOURCES } from '../layout.ts';
import { addMissingChildren } from './addMissingChildren.ts';
import type { DocumentMigration } from './migration.ts';

/**
 * Layout 2 → 3 (P19, issue 12): each candidate carries its own expected rate per outcome. Every
 * candidate gets its `expectedRates` map (addMissingChildren) and takes, for each outcome it has
 * no rate for, the outcome's stored rate and its source note; the outcome's own rate and note
 * are then removed, as the outcome now reads the chosen candidate's. The case's figures and its
 * content hash stay as they were (toModel reads a layout-2 document the same way). A case
 * without candidates keeps its outcomes' rates where they are: there is no candidate to carry
 * them to, and dropping them would lose what was typed. Outcomes and candidates in id order.
 */
export const candidateRates: DocumentMigration = {
  from: 2,
  to: 3,
  name: 'expected rates per candidate (P19)',
  migrate(doc) {
    addMissingChildren(doc);
    const candidates = itemsById(listMap(doc, 'intervention'));
    if (candidates.length === 0) return;
    for (const [outcomeId, outcome] of itemsById(listMap(doc, 'outcome'))) {
      const rate = outcome.get('expectedRate');
      const outcomeSources = outcome.get(SOURCES);
      const note = outcomeSources instanceof Y.Map ? outcomeSources.get('expectedRate') : undefined;
      if (typeof rate === 'number' && Number.isFinite(rate)) {
        for (const [, candidate] of candidates) {
          const rates = candidate.get('expectedRates');
          if (rates instanceof Y.Map && !rates.has(outcomeId)) rates.set(outcomeId, rate);
          const sources = candidate.get(SOURCES);
          const key = candidateRateSourceKey(outcomeId);
          if (typeof note === 'string' && sources instanceof Y.Map && !sources.has(key)) sources.set(key, note);
        }
      }
      if (outcome.has('expectedRate')) outcome.delete('expectedRate');
      if (outcomeSources instanceof Y.Map && outcomeSources.has('expectedRate')) outcomeSources.delete('expectedRate');
    }
  },
};

function itemsById(list: Y.Map<unknown> | undefined): [string, Y.Map<unknown>][] {
  if (!list) return [];
  return [...list.entries()]
    .filter((entry): entry is [string, Y.Map<unknown>] => entry[1] instanceof Y.Map)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
