import type { PaymentBasis } from '../model/outcome.ts';
import { legacyPoint } from './fromModel.ts';
import type { PricedOutcome, PricingInput } from './pricingInput.ts';

/** A small, hand-checkable pricing input; override what a test is about. */
export function makePricingInput(overrides: Partial<PricingInput> = {}): PricingInput {
  return {
    horizonYears: 5,
    discountRate: 0.035,
    departments: [
      { id: 'job', name: 'Jobcenter', level: 'municipal' },
      { id: 'social', name: 'Socialforvaltningen', level: 'municipal' },
      { id: 'region', name: 'Regionen', level: 'regional' },
    ],
    cohorts: [{ year: 0, participants: 100 }],
    intervention: { costPerParticipant: 10_000, fixedCostPerYear: 0, durationYears: 1 },
    outcomes: [makeOutcome()],
    payment: { payerShares: { job: 1 }, investorFundedShare: 1 },
    ...overrides,
  };
}

/**
 * An outcome for tests. Without `points` it pays at one point at lag × 12 months (`legacyPoint`)
 * with `pricePerOutcome` (default 40.000 kr.) and `paymentBasis` (default "additional") — a case
 * from before measurement points, which the older tests describe.
 */
export function makeOutcome(
  overrides: Partial<PricedOutcome> & { pricePerOutcome?: number; paymentBasis?: PaymentBasis } = {},
): PricedOutcome {
  const { pricePerOutcome = 40_000, paymentBasis = 'additional', ...rest } = overrides;
  const outcome: Omit<PricedOutcome, 'points'> = {
    id: 'employment',
    name: 'Beskæftigelse',
    baselineRate: 0.2,
    expectedRate: 0.4,
    attribution: 1,
    lagYears: 1,
    durationYears: 2,
    persistence: 0.5,
    valuePerDepartment: { job: 50_000 },
    ...rest,
  };
  return { ...outcome, points: rest.points ?? [legacyPoint(outcome.lagYears, pricePerOutcome, paymentBasis)] };
}
