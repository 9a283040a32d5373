import type { NumberKind } from '../format/danishNumber.ts';

/**
 * P20: the absolute bounds of every number the pricing engine reads, in one place. A value
 * outside its bound is an error (validation V1 or V23): the figures it feeds are not priced at
 * all — never at a clamped value. Years have no upper bound: whatever reaches past the horizon
 * is cut at H (nothing past H is computed), which is a warning, not an error.
 */

/** A closed range [min, max], whole numbers only when `whole`; `kind` says how to write it. */
export type AbsoluteBound = { min: number; max: number; whole: boolean; kind: NumberKind };

/** The horizon H in years (docs/product.md: 1–50). */
export const HORIZON_BOUND = { min: 1, max: 50 } as const;

/** The most people in one cohort (a year's intake). */
export const MAX_COHORT_PARTICIPANTS = 10_000_000;

/** The largest amount of money, in kr.: costs, prices, values per department, cap, guarantee. */
export const MAX_AMOUNT = 1_000_000_000_000;

/** The largest scenario range factor (P18a): ten times the expected value is past any estimate. */
export const MAX_SCENARIO_FACTOR = 10;

/**
 * P7: an outcome's measurement points — at most 12, each whole months after intake, 0–600. The
 * engine's work per outcome and cohort is one step per point, whatever the months say.
 */
export const MEASUREMENT_POINT_BOUND = { maxPoints: 12, maxMonths: 600 } as const;

/** The most Monte Carlo draws one analysis makes (the CLI's --iterations bound). */
export const MAX_MONTE_CARLO_ITERATIONS = 1_000_000;

const amount: AbsoluteBound = { min: 0, max: MAX_AMOUNT, whole: false, kind: 'money' };
const rate: AbsoluteBound = { min: 0, max: 1, whole: false, kind: 'percent' };
const years = (min: number): AbsoluteBound => ({ min, max: Number.POSITIVE_INFINITY, whole: true, kind: 'years' });

/** Every bounded input, keyed like the field labels (`<section or item kind>.<field>`). */
export const ABSOLUTE_BOUNDS = {
  'facts.horizonYears': { ...HORIZON_BOUND, whole: true, kind: 'years' },
  'facts.discountRate': rate,
  'intake.year': years(0),
  'intake.participants': { min: 0, max: MAX_COHORT_PARTICIPANTS, whole: true, kind: 'count' },
  'intervention.costPerParticipant': amount,
  'intervention.fixedCostPerYear': amount,
  'intervention.durationYears': years(1),
  'outcome.baselineRate': rate,
  'outcome.expectedRate': rate,
  'outcome.attribution': rate,
  'outcome.lagYears': years(0),
  'outcome.durationYears': years(0),
  'outcome.persistence': rate,
  'outcome.valuePerDepartment': amount,
  'intervention.expectedRates': rate,
  /** P7: the price at a measurement point. */
  'outcome.pointPrice': amount,
  'paymentModel.payerShares': rate,
  'paymentModel.investorFundedShare': rate,
  'paymentModel.paymentCap': amount,
  'paymentModel.returnCap': rate,
  'paymentModel.guaranteeAmount': amount,
  'paymentModel.scenarios': { min: 0, max: MAX_SCENARIO_FACTOR, whole: false, kind: 'decimal' },
} as const satisfies Record<string, AbsoluteBound>;

/** A field with an absolute bound. */
export type BoundedField = keyof typeof ABSOLUTE_BOUNDS;

/** How a value misses its bound. */
export type BoundProblem = 'below' | 'above' | 'notWhole';

/** Which side of its bound a value is on; undefined inside it. NaN and ±Infinity are outside. */
export function boundProblem(field: BoundedField, value: number): BoundProblem | undefined {
  const bound: AbsoluteBound = ABSOLUTE_BOUNDS[field];
  if (value < bound.min) return 'below';
  if (value > bound.max) return 'above';
  // What is left outside: NaN, and Infinity where there is no upper bound (whole years).
  if (!Number.isFinite(value) || (bound.whole && !Number.isInteger(value))) return bound.whole ? 'notWhole' : 'above';
  return undefined;
}

/** Whether a value is inside its field's absolute bound. */
export function withinBound(field: BoundedField, value: number): boolean {
  return boundProblem(field, value) === undefined;
}

/** One value outside its absolute bound: where it is in the case, which field, and how. */
export type ValueOutOfBounds = {
  field: BoundedField;
  /** Path in the case, as findings have it: ['outcomes', id, 'durationYears']. */
  path: (string | number)[];
  value: number;
  problem: BoundProblem;
};

/** A number of the case on its path, to be checked against its field's bound. */
export type BoundedValue = { field: BoundedField; path: (string | number)[]; value: number | undefined };

/** The values that miss their bound (missing values are not checked: P0 handles them). */
export function valuesOutOfBounds(values: Iterable<BoundedValue>): ValueOutOfBounds[] {
  const violations: ValueOutOfBounds[] = [];
  for (const { field, path, value } of values) {
    if (value === undefined) continue;
    const problem = boundProblem(field, value);
    if (problem) violations.push({ field, path, value, problem });
  }
  return violations;
}

/**
 * The engine's own guard: the yearly arrays are H long, so a horizon outside 1–50 is refused
 * rather than allocated or clamped. Inputs come through `pricingInputFromModel`, which reports
 * such a horizon as a value; reaching this throw is a bug in the caller.
 */
export function pricedHorizon(horizonYears: number): number {
  if (boundProblem('facts.horizonYears', horizonYears)) {
    throw new RangeError(
      `pricing: horizon ${horizonYears} is outside ${HORIZON_BOUND.min}–${HORIZON_BOUND.max} whole years (P20); price inputs from pricingInputFromModel`,
    );
  }
  return horizonYears;
}

/**
 * The engine's own guard on an outcome's measurement points (P7, P20): more than
 * `MEASUREMENT_POINT_BOUND.maxPoints` is refused rather than priced — a bug in the caller, as
 * with the horizon. (Months are not guarded here: a point of any month costs one step, and one
 * past H is not computed; a case from before measurement points has its point at lag × 12,
 * which may lie past 600 months and so past every horizon.)
 */
export function pricedPoints<Point>(outcome: { id: string; points: readonly Point[] }): readonly Point[] {
  if (outcome.points.length > MEASUREMENT_POINT_BOUND.maxPoints) {
    throw new RangeError(
      `pricing: outcome ${outcome.id} has ${outcome.points.length} measurement points, more than ${MEASUREMENT_POINT_BOUND.maxPoints} (P7, P20)`,
    );
  }
  return outcome.points;
}

/**
 * The years y of a span that starts in year `start` and lasts `length` years that lie inside
 * 0 … H−1, as [from, to) (P20: a span reaching past H is cut at H). Loops run over these years,
 * never over `length`, so they take at most H steps whatever was typed.
 */
export function spanInHorizon(start: number, length: number, horizonYears: number): { from: number; to: number } {
  const from = Math.max(0, start);
  const to = Math.min(horizonYears, start + length);
  return to > from ? { from, to } : { from: 0, to: 0 };
}
