import { spanInHorizon } from './absoluteBounds.ts';
import { addInYear, zeros } from './discounting.ts';
import type { PricingInput } from './pricingInput.ts';

export type InterventionCost = {
  /** Total intervention cost per year. */
  total: number[];
  /** The investor's capital deployed per year: f × cost (P4). */
  capital: number[];
  /** The authority's own funding per year: (1 − f) × cost (P4). */
  ownFunding: number[];
};

/**
 * P3 + P4. A cohort of n entering in year c costs n × cost per participant, spread evenly over
 * the intervention's d years (c … c+d−1); the fixed cost per year runs from the first intake
 * year to the last intake year + d − 1. Only years inside the horizon count (P1); the loops run
 * over those years only, so a duration of 10⁷ years costs no more work than one of H (P20).
 */
export function interventionCost(input: PricingInput): InterventionCost {
  const { horizonYears, cohorts, intervention, payment } = input;
  const total = zeros(horizonYears);
  const d = intervention.durationYears;
  for (const { year, participants } of cohorts) {
    const perYear = (participants * intervention.costPerParticipant) / d;
    const span = spanInHorizon(year, d, total.length);
    for (let t = span.from; t < span.to; t++) addInYear(total, t, perYear);
  }
  if (cohorts.length > 0 && intervention.fixedCostPerYear > 0) {
    let first = Number.POSITIVE_INFINITY;
    let lastIntake = Number.NEGATIVE_INFINITY;
    for (const { year } of cohorts) {
      first = Math.min(first, year);
      lastIntake = Math.max(lastIntake, year);
    }
    const span = spanInHorizon(first, lastIntake - first + d, total.length);
    for (let t = span.from; t < span.to; t++) addInYear(total, t, intervention.fixedCostPerYear);
  }
  const f = payment.investorFundedShare;
  return {
    total,
    capital: total.map((cost) => cost * f),
    ownFunding: total.map((cost) => cost * (1 - f)),
  };
}
