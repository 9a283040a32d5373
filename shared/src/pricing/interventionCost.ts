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
 * year to the last intake year + d − 1. Only years inside the horizon count (P1).
 */
export function interventionCost(input: PricingInput): InterventionCost {
  const { horizonYears, cohorts, intervention, payment } = input;
  const total = zeros(horizonYears);
  const d = Math.max(1, Math.floor(intervention.durationYears));
  for (const { year, participants } of cohorts) {
    const perYear = (participants * intervention.costPerParticipant) / d;
    for (let k = 0; k < d; k++) addInYear(total, year + k, perYear);
  }
  if (cohorts.length > 0 && intervention.fixedCostPerYear > 0) {
    const first = Math.min(...cohorts.map((c) => c.year));
    const last = Math.max(...cohorts.map((c) => c.year)) + d - 1;
    for (let t = first; t <= last; t++) addInYear(total, t, intervention.fixedCostPerYear);
  }
  const f = payment.investorFundedShare;
  return {
    total,
    capital: total.map((cost) => cost * f),
    ownFunding: total.map((cost) => cost * (1 - f)),
  };
}
