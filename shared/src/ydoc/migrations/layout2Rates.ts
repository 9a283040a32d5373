import * as Y from 'yjs';
import { candidateRateSourceKey } from '../../model/candidateRates.ts';
import { LAYOUT_VERSION_KEY, listMap, META, SOURCES } from '../layout.ts';
import { asLayout3 } from './layout3.ts';

/**
 * For tests and tools: turns a layout-3 document into what layout 2 held (the inverse of
 * `candidateRates`) — each outcome its own expected rate and note, taken from the chosen
 * candidate (else the first by id), and no candidate rates (after `asLayout3`). A case stored
 * or cached offline before P19.
 */
export function asLayout2(doc: Y.Doc): void {
  doc.transact(() => {
    asLayout3(doc);
    const candidates = listMap(doc, 'intervention');
    const chosenId = doc.getMap('interventions').get('chosenId');
    const ids = [...(candidates?.keys() ?? [])].sort();
    const source = candidates?.get(
      typeof chosenId === 'string' && candidates.has(chosenId) ? chosenId : (ids[0] ?? ''),
    );
    listMap(doc, 'outcome')?.forEach((outcome, outcomeId) => {
      if (!(outcome instanceof Y.Map) || !(source instanceof Y.Map)) return;
      const rate = (source.get('expectedRates') as Y.Map<unknown> | undefined)?.get(outcomeId);
      if (typeof rate === 'number') outcome.set('expectedRate', rate);
      const note = (source.get(SOURCES) as Y.Map<unknown> | undefined)?.get(candidateRateSourceKey(outcomeId));
      const notes = outcome.get(SOURCES);
      if (typeof note === 'string' && notes instanceof Y.Map) notes.set('expectedRate', note);
    });
    candidates?.forEach((candidate) => {
      if (!(candidate instanceof Y.Map)) return;
      candidate.delete('expectedRates');
      const notes = candidate.get(SOURCES);
      if (notes instanceof Y.Map)
        for (const key of [...notes.keys()]) if (key.startsWith('expectedRates.')) notes.delete(key);
    });
    doc.getMap(META).set(LAYOUT_VERSION_KEY, 2);
  });
}
