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

export function makeOutcome(overrides: Partial<PricedOutcome> = {}): PricedOutcome {
  return {
    id: 'employment',
    name: 'Beskæftigelse',
    baselineRate: 0.2,
    expectedRate: 0.4,
    attribution: 1,
    lagYears: 1,
    durationYears: 2,
    persistence: 0.5,
    valuePerDepartment: { job: 50_000 },
    pricePerOutcome: 40_000,
    paymentBasis: 'additional',
    ...overrides,
  };
}
