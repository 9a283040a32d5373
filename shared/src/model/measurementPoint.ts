import { z } from 'zod';
import { PAYMENT_BASES } from '../fields/choices.ts';
import { FiniteNumber, Id, Money } from './primitives.ts';

/**
 * P7: a measurement point of an outcome's rate card — whole months after intake (0–600), the
 * price per outcome paid at it and its basis (all achieved outcomes, or only those above the
 * baseline). An outcome has one to twelve.
 */
export const MAX_MEASUREMENT_POINTS = 12;
export const MAX_MEASUREMENT_MONTHS = 600;

const Basis = z.enum(PAYMENT_BASES);

/** A point as any document holds it: every value may be missing. */
export const MeasurementPointDraft = z.object({
  id: Id,
  months: FiniteNumber.optional(),
  price: FiniteNumber.optional(),
  basis: Basis.optional(),
});
export type MeasurementPointDraft = z.infer<typeof MeasurementPointDraft>;

/** A complete point. */
export const MeasurementPointComplete = z.object({
  id: Id,
  months: z.number().int().min(0).max(MAX_MEASUREMENT_MONTHS),
  price: Money,
  basis: Basis,
});

export const MeasurementPointsDraft = z.array(MeasurementPointDraft);
export const MeasurementPoints = z.array(MeasurementPointComplete).min(1).max(MAX_MEASUREMENT_POINTS);

/** Points in the order a rate card reads: by months (missing last), then by id. */
export function byMonths(a: MeasurementPointDraft, b: MeasurementPointDraft): number {
  const ma = a.months ?? Number.POSITIVE_INFINITY;
  const mb = b.months ?? Number.POSITIVE_INFINITY;
  if (ma !== mb) return ma < mb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
