import { describe, expect, it } from 'vitest';
import { legacyPoint } from './fromModel.ts';
import { outcomePayments, paymentDue, pointTiming } from './outcomePayments.ts';
import { price } from './price.ts';
import type { MeasurementPoint } from './pricingInput.ts';
import { makeOutcome, makePricingInput } from './testing.ts';

/** To the krone: within half a krone. */
const krone = 0;

/*
 * The worked example of docs/pricing.md (P7): H = 6, flat 3,5 %, no contract terms (s = 5).
 * Cohorts: 100 in year 0, 50 in year 1; 10.000 kr. per participant over 1 year, all funded by
 * the investor (capital 1.000.000 in year 0, 500.000 in year 1). The jobcenter pays 100 %.
 *
 * "Employment": b = 20 %, e = 40 %, a = 50 %, lag 1, duration 3, persistence 80 %. Rate card:
 *   12 months, 10.000 kr., additional;  24 months, 20.000 kr., additional;  36 months, 5.000 kr., all achieved.
 *   cohort 0 (n = 100, c = 0):
 *     m = 12: y = 1, j = 0: 100·0,2·0,5·0,8⁰ = 10 → 10 × 10.000 = 100.000 in year 1
 *     m = 24: y = 2, j = 1: 10·0,8 = 8 → 8 × 20.000 = 160.000 in year 2
 *     m = 36: y = 3, j = 2: all achieved 100·(0,2 + 0,2·0,8²) = 32,8 → × 5.000 = 164.000 in year 3
 *   cohort 1 (n = 50, c = 1):
 *     m = 12: y = 2, j = 0: 50·0,2·0,5 = 5 → 50.000 in year 2
 *     m = 24: y = 3, j = 1: 4 → 80.000 in year 3
 *     m = 36: y = 4, j = 2: 50·0,328 = 16,4 → 82.000 in year 4
 * "Housing" (a case from before measurement points): b = 10 %, e = 20 %, a = 100 %, lag 2,
 *   duration 1, 10.000 kr. additional — one point at 24 months: 100·0,1 = 10 → 100.000 in
 *   year 2; 50·0,1 = 5 → 50.000 in year 3.
 * Due: year 1 100.000; year 2 160.000 + 50.000 + 100.000 = 310.000; year 3 164.000 + 80.000 +
 *   50.000 = 294.000; year 4 82.000.
 * Cap 557.000 (P8): years 1 and 2 use 410.000; 147.000 is left for year 3's 294.000, so year 3
 *   is cut by half, pro rata across outcomes and points: employment 244.000 → 122.000, housing
 *   50.000 → 25.000. Year 4's 82.000 is not paid (the cap is used up).
 * Investor: CF = −1.000.000, 100.000 − 500.000 = −400.000, 310.000, 147.000, 0, 0; nominal net
 *   557.000 − 1.500.000 = −943.000; NPV = −1.000.000 − 400.000/1,035 + 310.000/1,035² +
 *   147.000/1,035³ = −1.000.000 − 386.473 + 289.388 + 132.586 = −964.500 kr.
 */
const rateCard: MeasurementPoint[] = [
  { months: 12, price: 10_000, basis: 'additional' },
  { months: 24, price: 20_000, basis: 'additional' },
  { months: 36, price: 5_000, basis: 'all' },
];
const employment = makeOutcome({
  id: 'employment',
  baselineRate: 0.2,
  expectedRate: 0.4,
  attribution: 0.5,
  lagYears: 1,
  durationYears: 3,
  persistence: 0.8,
  valuePerDepartment: {},
  points: rateCard,
});
const housing = makeOutcome({
  id: 'housing',
  baselineRate: 0.1,
  expectedRate: 0.2,
  attribution: 1,
  lagYears: 2,
  durationYears: 1,
  valuePerDepartment: {},
  pricePerOutcome: 10_000,
  paymentBasis: 'additional',
});
const workedExample = makePricingInput({
  horizonYears: 6,
  cohorts: [
    { year: 0, participants: 100 },
    { year: 1, participants: 50 },
  ],
  outcomes: [employment, housing],
  payment: { payerShares: { job: 1 }, investorFundedShare: 1, paymentCap: 557_000 },
});

describe('[P7] measurement points', () => {
  it('[P7 P8] P7 rate card with three measurement points and persistence (docs/pricing.md)', () => {
    expect(housing.points).toEqual([{ months: 24, price: 10_000, basis: 'additional' }]);
    const payments = outcomePayments(workedExample, [1_000_000, 500_000, 0, 0, 0, 0]);
    const close = (series: number[] | undefined, expected: number[]) => {
      for (const [t, amount] of expected.entries()) expect(series?.[t]).toBeCloseTo(amount, krone);
    };
    close(payments.dueByOutcome.employment, [0, 100_000, 210_000, 244_000, 82_000, 0]);
    close(payments.dueByOutcome.housing, [0, 0, 100_000, 50_000, 0, 0]);
    close(payments.due, [0, 100_000, 310_000, 294_000, 82_000, 0]);
    close(payments.afterCap, [0, 100_000, 310_000, 147_000, 0, 0]);
    close(payments.paidByOutcome.employment, [0, 100_000, 210_000, 122_000, 0, 0]);
    close(payments.paidByOutcome.housing, [0, 0, 100_000, 25_000, 0, 0]);

    const p = price(workedExample);
    close(p.yearly.paid, [0, 100_000, 310_000, 147_000, 0, 0]);
    expect(p.totals.paid).toBeCloseTo(557_000, krone);
    close(p.yearly.investorCashFlow, [-1_000_000, -400_000, 310_000, 147_000, 0, 0]);
    expect(p.investor.netNominal).toBeCloseTo(-943_000, krone);
    expect(p.investor.npv).toBeCloseTo(-964_500, krone);
  });

  it('[P7] each point pays in y = c + floor(m/12): months within a year fall in that year', () => {
    // 18 months after intake in year 1 falls in year 2 (j = 0 with lag 1); 23 months too.
    const outcome = makeOutcome({ lagYears: 1, durationYears: 2, points: [] });
    expect(pointTiming(outcome, { months: 18, price: 1, basis: 'additional' }, 1)).toEqual({ year: 2, effectYear: 0 });
    expect(pointTiming(outcome, { months: 23, price: 1, basis: 'additional' }, 1)).toEqual({ year: 2, effectYear: 0 });
    expect(pointTiming(outcome, { months: 24, price: 1, basis: 'additional' }, 1)).toEqual({ year: 3, effectYear: 1 });
  });

  it('[P7 P1] a point before the effect (j < 0) and one at or past H', () => {
    // b = 20 %, e = 40 %, a = 100 %, lag 2, duration 2, persistence 50 %; 100 people in year 0, H = 5.
    //   6 months, 10.000 kr., additional:   y = 0, j = −2 → no additional achievers: 0 kr.
    //   6 months, 10.000 kr., all achieved: y = 0, j = −2 → 100·0,2 = 20 (the baseline) → 200.000 in year 0
    //   48 months, 10.000 kr., additional:  y = 4, j = 2 = duration → past the effect: 0 kr.
    //   48 months, 1.000 kr., all achieved: y = 4, j = 2 → 100·0,2 = 20 → 20.000 in year 4
    //   60 months and 599 months, any basis: y = 5 and 49 ≥ H → not paid within the horizon.
    const points: MeasurementPoint[] = [
      { months: 6, price: 10_000, basis: 'additional' },
      { months: 6, price: 10_000, basis: 'all' },
      { months: 48, price: 10_000, basis: 'additional' },
      { months: 48, price: 1_000, basis: 'all' },
      { months: 60, price: 10_000, basis: 'all' },
      { months: 599, price: 10_000, basis: 'all' },
    ];
    const outcome = makeOutcome({ lagYears: 2, durationYears: 2, attribution: 1, points });
    expect(points.map((point) => paymentDue(outcome, point, 100))).toEqual([0, 200_000, 0, 20_000, 200_000, 200_000]);
    expect(points.map((point) => pointTiming(outcome, point, 0).effectYear)).toEqual([-2, -2, 2, 2, 3, 47]);
    const p = price(makePricingInput({ outcomes: [outcome] }));
    expect(p.yearly.paymentsDue).toEqual([200_000, 0, 0, 0, 20_000]);
  });

  it('[P7] a case from before measurement points pays at its one point at lag × 12 — the figures as before', () => {
    // docs/pricing.md's first worked example: 40.000 kr. × 20 additional achievers, once, in
    // year c + lag = 1. The legacy point and the same point typed out give the same figures.
    const legacy = makeOutcome();
    expect(legacy.points).toEqual([legacyPoint(1, 40_000, 'additional')]);
    expect(legacy.points).toEqual([{ months: 12, price: 40_000, basis: 'additional' }]);
    expect(price(makePricingInput({ outcomes: [legacy] })).yearly.paid).toEqual([0, 800_000, 0, 0, 0]);
    // Basis "all achieved" at j = 0 pays n·e = 100 × 40 % — to the last bit, as before.
    const all = makeOutcome({ paymentBasis: 'all', pricePerOutcome: 10_000, attribution: 0.5 });
    expect(paymentDue(all, all.points[0]!, 100)).toBe(400_000);
    expect(price(makePricingInput({ outcomes: [all] })).yearly.paymentsDue).toEqual([0, 400_000, 0, 0, 0]);
  });

  it('[P7] an effect lasting 0 years has no achievers at any point: "additional" pays 0, "all achieved" n·b', () => {
    // j = 0 is not < duration = 0. (Before measurement points such an outcome still paid
    // n·(e−b)·a or n·e at c + lag; the rule as revised pays for achievers within the effect only.)
    const additional = makeOutcome({ durationYears: 0 });
    const all = makeOutcome({ durationYears: 0, paymentBasis: 'all' });
    expect(paymentDue(additional, additional.points[0]!, 100)).toBe(0);
    expect(paymentDue(all, all.points[0]!, 100)).toBeCloseTo(100 * 0.2 * 40_000, krone);
  });

  it('[P7 P20] more than 12 points is refused, not priced', () => {
    const points = Array.from(
      { length: 13 },
      (_, i): MeasurementPoint => ({
        months: i * 6,
        price: 1_000,
        basis: 'additional',
      }),
    );
    expect(() => price(makePricingInput({ outcomes: [makeOutcome({ points })] }))).toThrow(RangeError);
    expect(() => price(makePricingInput({ outcomes: [makeOutcome({ points: points.slice(1) })] }))).not.toThrow();
  });
});
