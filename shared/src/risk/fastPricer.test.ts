import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { price } from '../pricing/price.ts';
import { makeOutcome, makePricingInput } from '../pricing/testing.ts';
import { compileFastPricer } from './fastPricer.ts';
import { applyFactors } from './scenarioInputs.ts';

const factor = fc.integer({ min: 0, max: 200 }).map((x) => x / 100);
const share = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);
/** A measurement point (P7): most within the first 20 years, some out to 600 months. */
const point = fc.record({
  months: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 240 }), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 600 }), weight: 1 },
  ),
  price: fc.integer({ min: 0, max: 100_000 }),
  basis: fc.constantFrom('all' as const, 'additional' as const),
});

describe('[P18 P7] the Monte Carlo pricer agrees with price()', () => {
  it('gives the same authority NPV and investor net for any draw, with several measurement points per outcome', () => {
    fc.assert(
      fc.property(
        fc.record({
          effect: factor,
          cost: factor,
          persistence: factor,
        }),
        fc.record({
          cap: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }),
          returnCap: fc.option(
            fc.integer({ min: 0, max: 30 }).map((x) => x / 100),
            { nil: undefined },
          ),
          guarantee: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
          funded: share,
          jobShare: share,
          // Shares summing below and above 100 % (P10).
          socialShare: fc.integer({ min: 0, max: 60 }).map((x) => x / 100),
          basis: fc.constantFrom('all' as const, 'additional' as const),
          // P7: 1–12 measurement points per outcome, anywhere in 0–600 months, both bases.
          points: fc.array(point, { minLength: 1, maxLength: 12 }),
          secondPoints: fc.array(point, { minLength: 1, maxLength: 12 }),
          lag: fc.integer({ min: 0, max: 6 }),
          // Up to 50 years, across the Danish schedule's step after year 35 (P2).
          horizon: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 30, max: 50 })),
          lateCohort: fc.integer({ min: 0, max: 48 }),
          discountMethod: fc.constantFrom('schedule' as const, 'flat' as const, undefined),
          // P11: contracts shorter and longer than H; P12: the guarantor's level.
          contractYears: fc.option(fc.integer({ min: 1, max: 55 }), { nil: undefined }),
          guarantorLevel: fc.option(
            fc.constantFrom('municipal' as const, 'regional' as const, 'state' as const, 'other' as const),
            {
              nil: undefined,
            },
          ),
        }),
        (factors, p) => {
          const input = makePricingInput({
            horizonYears: p.horizon,
            contractYears: p.contractYears,
            discountMethod: p.discountMethod,
            cohorts: [
              { year: 0, participants: 100 },
              { year: 2, participants: 50 },
              // A late cohort puts cost, value and payments past year 35 on long horizons.
              { year: p.lateCohort, participants: 40 },
            ],
            outcomes: [
              makeOutcome({
                lagYears: p.lag,
                paymentBasis: p.basis,
                valuePerDepartment: { job: 50_000, region: 20_000 },
              }),
              makeOutcome({ id: 'second', baselineRate: 0.5, expectedRate: 0.7, persistence: 0.9, durationYears: 4 }),
              makeOutcome({ id: 'points', lagYears: p.lag, durationYears: 6, persistence: 0.8, points: p.points }),
              makeOutcome({
                id: 'worse',
                baselineRate: 0.3,
                expectedRate: 0.25,
                durationYears: 30,
                persistence: 0.95,
                points: p.secondPoints,
              }),
            ],
            intervention: { costPerParticipant: 10_000, fixedCostPerYear: 100_000, durationYears: 2 },
            payment: {
              payerShares: { job: p.jobShare, social: p.socialShare, region: 0.2 },
              investorFundedShare: p.funded,
              paymentCap: p.cap,
              returnCap: p.returnCap,
              guaranteeAmount: p.guarantee,
              guarantorLevel: p.guarantorLevel,
            },
          });
          const slow = price(applyFactors(input, factors));
          const fast = compileFastPricer(input)(factors);
          expect(fast.authorityNpv).toBeCloseTo(slow.authorityNpv, 4);
          expect(fast.investorNet).toBeCloseTo(slow.investor.netNominal, 4);
          // P8: never more than the cap is paid.
          if (p.cap !== undefined) expect(slow.totals.paid).toBeLessThanOrEqual(p.cap + 1e-6);
        },
      ),
      { numRuns: 500, seed: 99 },
    );
  });
});
