import * as Y from 'yjs';
import { LAYOUT_VERSION_KEY, listMap, META, SOURCES } from '../layout.ts';
import { POINTS_KEY, readMeasurementPoints } from '../measurementPoints.ts';
import { asLayout4 } from './layout4.ts';

/**
 * For tests and tools: turns a layout-4 document into what layout 3 held (the inverse of
 * `rateCards`) — each outcome's first measurement point as its one `pricePerOutcome` and
 * `paymentBasis`, the rate card's note as the price's, and no rate card (after `asLayout4`). A
 * case stored or cached offline before measurement points (its other points are dropped: layout
 * 3 could not hold them).
 */
export function asLayout3(doc: Y.Doc): void {
  doc.transact(() => {
    asLayout4(doc);
    listMap(doc, 'outcome')?.forEach((outcome) => {
      if (!(outcome instanceof Y.Map)) return;
      const points = outcome.get(POINTS_KEY);
      const [first] = readMeasurementPoints(points instanceof Y.Map ? points : undefined);
      if (first?.price !== undefined) outcome.set('pricePerOutcome', first.price);
      if (first?.basis !== undefined) outcome.set('paymentBasis', first.basis);
      outcome.delete(POINTS_KEY);
      const notes = outcome.get(SOURCES);
      if (notes instanceof Y.Map && typeof notes.get(POINTS_KEY) === 'string') {
        notes.set('pricePerOutcome', notes.get(POINTS_KEY));
        notes.delete(POINTS_KEY);
      }
    });
    doc.getMap(META).set(LAYOUT_VERSION_KEY, 3);
  });
}
