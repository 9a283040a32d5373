import { describe, expect, it } from 'vitest';
import { discountFactors, scheduleRate, yearlyRates } from './discounting.ts';
import { price } from './price.ts';
import { makeOutcome, makePricingInput } from './testing.ts';

describe('[P2] discounting', () => {
  it('[P2] the Danish schedule over a 50-year horizon steps down after year 35: DF(36) = DF(35)/1,025', () => {
    const df = discountFactors({ discountMethod: 'schedule' }, 50);
    expect(df).toHaveLength(50);
    expect(df[0]).toBe(1);
    // DF(35) = 1/1,035^35 = 0,299977…
    expect(df[35]).toBeCloseTo(1 / 1.035 ** 35, 14);
    expect(df[35]).toBeCloseTo(0.299_977, 6);
    // DF(36) = DF(35)/1,025 = 0,292660…, not DF(35)/1,035 = 0,289833…
    expect(df[36]).toBeCloseTo(df[35]! / 1.025, 15);
    expect(df[36]).toBeCloseTo(0.292_66, 6);
    // DF(49) = 1/(1,035^35 × 1,025^14).
    expect(df[49]).toBeCloseTo(1 / (1.035 ** 35 * 1.025 ** 14), 14);
    const rates = yearlyRates({ discountMethod: 'schedule' }, 50);
    expect(rates.slice(0, 2)).toEqual([0, 0.035]);
    expect(rates[35]).toBe(0.035);
    expect(rates[36]).toBe(0.025);
    expect(scheduleRate(50)).toBe(0.025);
  });

  it('[P2] one flat rate: DF(t) = 1/(1+r)^t, also without a method (stored cases)', () => {
    expect(discountFactors({ discountRate: 0.04 }, 3)).toEqual([1, 1 / 1.04, 1 / 1.04 ** 2]);
    expect(discountFactors({ discountMethod: 'flat', discountRate: 0.04 }, 40)[36]).toBe(1 / 1.04 ** 36);
    expect(yearlyRates({ discountMethod: 'flat', discountRate: 0.04 }, 3)).toEqual([0, 0.04, 0.04]);
    expect(() => discountFactors({ discountMethod: 'flat' }, 3)).toThrow();
  });

  it('[P2 P14] a 50-year case on the schedule: a payment in year 40 is worth 1/(1,035^35 × 1,025^5) of itself', () => {
    // One cohort in year 0, one outcome of value 100.000 to the Jobcenter in year 40 only.
    const input = makePricingInput({
      horizonYears: 50,
      discountMethod: 'schedule',
      discountRate: undefined,
      intervention: { costPerParticipant: 0, fixedCostPerYear: 0, durationYears: 1 },
      outcomes: [
        makeOutcome({
          lagYears: 40,
          durationYears: 1,
          pricePerOutcome: 0,
          valuePerDepartment: { job: 5_000 }, // 20 additional achievers × 5.000 = 100.000 kr.
        }),
      ],
    });
    const p = price(input);
    expect(p.yearly.publicValue[40]).toBeCloseTo(100_000, 6);
    // 100.000 / (1,035^35 × 1,025^5) = 26.514 kr. (flat 3,5 % would give 25.257 kr.)
    expect(p.authorityNpv).toBeCloseTo(100_000 / (1.035 ** 35 * 1.025 ** 5), 6);
    expect(p.authorityNpv).toBeCloseTo(26_513.58, 0);
    const flat = price({ ...input, discountMethod: 'flat', discountRate: 0.035 });
    expect(flat.authorityNpv).toBeCloseTo(25_257.25, 0);
  });
});
