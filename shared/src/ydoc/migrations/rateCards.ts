import * as Y from 'yjs';
import { PAYMENT_BASES } from '../../fields/choices.ts';
import type { MeasurementPointDraft } from '../../model/measurementPoint.ts';
import { listMap, SOURCES } from '../layout.ts';
import { addMeasurementPoint, POINTS_KEY } from '../measurementPoints.ts';
import { readChoice, readNumber } from '../read.ts';
import { addMissingChildren } from './addMissingChildren.ts';
import type { DocumentMigration } from './migration.ts';

/** The id of the one point a case from before measurement points gets (deterministic). */
export const LEGACY_POINT_ID = 'point-1';

/**
 * P7: the rate card of an outcome stored before measurement points (layout < 4): one point at
 * m = lag × 12 months with its old price and basis — the same figures as before — or none when
 * it had neither a price nor a basis.
 */
export function legacyRateCard(outcome: Y.Map<unknown>): MeasurementPointDraft[] {
  const price = readNumber(outcome, 'pricePerOutcome');
  const basis = readChoice(outcome, 'paymentBasis', PAYMENT_BASES);
  if (price === undefined && basis === undefined) return [];
  const lag = readNumber(outcome, 'lagYears');
  const point: MeasurementPointDraft = { id: LEGACY_POINT_ID };
  if (lag !== undefined) point.months = lag * 12;
  if (price !== undefined) point.price = price;
  if (basis !== undefined) point.basis = basis;
  return [point];
}

/**
 * Layout 3 → 4 (P7, issue 12): every outcome gets its rate card (`points`, addMissingChildren)
 * holding its legacy point (legacyRateCard); the old `pricePerOutcome` and `paymentBasis` go,
 * and the price's source note becomes the rate card's. The case's figures and content hash stay
 * as they were (toModel reads a layout-3 document through legacyRateCard too). Outcomes in id order.
 */
export const rateCards: DocumentMigration = {
  from: 3,
  to: 4,
  name: 'measurement points per outcome (P7)',
  migrate(doc) {
    addMissingChildren(doc);
    const outcomes = listMap(doc, 'outcome');
    if (!outcomes) return;
    for (const id of [...outcomes.keys()].sort()) {
      const outcome = outcomes.get(id);
      if (!(outcome instanceof Y.Map)) continue;
      const points = outcome.get(POINTS_KEY);
      if (points instanceof Y.Map && points.size === 0) {
        for (const { id: pointId, ...values } of legacyRateCard(outcome)) addMeasurementPoint(points, pointId, values);
      }
      for (const key of ['pricePerOutcome', 'paymentBasis']) if (outcome.has(key)) outcome.delete(key);
      const sources = outcome.get(SOURCES);
      if (sources instanceof Y.Map && sources.has('pricePerOutcome')) {
        const note = sources.get('pricePerOutcome');
        sources.delete('pricePerOutcome');
        if (typeof note === 'string' && !sources.has(POINTS_KEY)) sources.set(POINTS_KEY, note);
      }
    }
  },
};
