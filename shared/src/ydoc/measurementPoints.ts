import * as Y from 'yjs';
import { PAYMENT_BASES } from '../fields/choices.ts';
import { byMonths, type MeasurementPointDraft } from '../model/measurementPoint.ts';
import { readChoice, readNumber } from './read.ts';

/**
 * P7 in the document: an outcome's `points` is a Y.Map point id → Y.Map with the scalar entries
 * `months`, `price` and `basis`, so two people editing different values of one point both keep
 * theirs. A point's map is created with it, never lazily.
 */

/** The key of the rate card in an outcome's map. */
export const POINTS_KEY = 'points';

/** Adds a point (in the caller's transaction); values left undefined are absent. */
export function addMeasurementPoint(
  points: Y.Map<unknown>,
  id: string,
  values: Omit<MeasurementPointDraft, 'id'> = {},
): Y.Map<unknown> {
  const point = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) point.set(key, value);
  points.set(id, point);
  return point;
}

/** Removes a point. */
export function removeMeasurementPoint(points: Y.Map<unknown>, id: string): void {
  if (points.has(id)) points.delete(id);
}

/** The points of a rate card, in reading order (byMonths); an entry that is not a map is skipped. */
export function readMeasurementPoints(points: Y.Map<unknown> | undefined): MeasurementPointDraft[] {
  const out: MeasurementPointDraft[] = [];
  points?.forEach((value, id) => {
    if (!(value instanceof Y.Map) || id.length === 0 || id.length > 64) return;
    out.push(
      stripUndefined({
        id,
        months: readNumber(value, 'months'),
        price: readNumber(value, 'price'),
        basis: readChoice(value, 'basis', PAYMENT_BASES),
      }),
    );
  });
  return out.sort(byMonths);
}

function stripUndefined(point: MeasurementPointDraft): MeasurementPointDraft {
  return Object.fromEntries(Object.entries(point).filter(([, v]) => v !== undefined)) as MeasurementPointDraft;
}
