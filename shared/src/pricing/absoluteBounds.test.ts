import { describe, expect, it } from 'vitest';
import { businessCase, riskAnalysis } from '../businessCase/businessCase.ts';
import { exampleCase } from '../example/exampleCase.ts';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { compileFastPricer } from '../risk/fastPricer.ts';
import { monteCarlo } from '../risk/risk.ts';
import { EXPECTED_FACTORS } from '../risk/scenarioInputs.ts';
import { type BoundedField, MAX_AMOUNT, MAX_COHORT_PARTICIPANTS, spanInHorizon } from './absoluteBounds.ts';
import { compareCandidates } from './compareCandidates.ts';
import { pricingInputFromModel } from './fromModel.ts';
import { price } from './price.ts';
import { makeOutcome, makePricingInput } from './testing.ts';

/** The example case with changes. */
function makeCase(change: (model: CaseModelDraft) => void): CaseModelDraft {
  const model = exampleCase();
  change(model);
  return model;
}

const employment = (model: CaseModelDraft) => model.outcomes[0]!;
const chosen = (model: CaseModelDraft) =>
  model.interventions.candidates.find((c) => c.id === model.interventions.chosenId)!;

function pricedOrFail(model: CaseModelDraft) {
  const result = businessCase(model);
  if (!result.priced.ok) throw new Error(`not priced: ${result.priced.reason}`);
  return result.priced;
}

function millisecondsFor(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('[P20] durations and lags past the horizon are cut at H', () => {
  it('[P20] an effect lasting 10.000.000 years gives the same figures as one lasting H years', () => {
    const lasting = (years: number) =>
      makeCase((m) => {
        m.facts.horizonYears = 50;
        employment(m).durationYears = years;
      });
    const long = pricedOrFail(lasting(10_000_000));
    const atHorizon = pricedOrFail(lasting(50));
    expect(long.pricing).toEqual(atHorizon.pricing);
    // The typed value is priced as typed (cut only by where the horizon ends), not clamped.
    expect(long.input.outcomes[0]!.durationYears).toBe(10_000_000);
  });

  it('[P20] pricing a duration of 10⁷ years takes no longer than one of H years', () => {
    const model = (duration: number) =>
      makeCase((m) => {
        m.facts.horizonYears = 50;
        employment(m).durationYears = duration;
        chosen(m).durationYears = duration;
      });
    const run = (m: CaseModelDraft) => () => {
      const result = businessCase(m);
      if (!result.priced.ok) throw new Error('not priced');
      riskAnalysis(result.priced.input, result.priced.ranges, { iterations: 200 });
    };
    // The fastest of three runs: the machine is shared, and a slow run says nothing about loops.
    const fastest = (m: CaseModelDraft) => Math.min(...[1, 2, 3].map(() => millisecondsFor(run(m))));
    const shortTime = fastest(model(50));
    const longTime = fastest(model(10_000_000));
    // Before P20 the long case looped 10⁷ times per cohort and price call: seconds. Now both
    // take the same few milliseconds.
    expect(longTime).toBeLessThan(200);
    expect(longTime).toBeLessThan(shortTime * 3 + 50);
  });

  it('[P20] durations and lags as large as a double can hold finish at once', () => {
    const result = businessCase(
      makeCase((m) => {
        employment(m).durationYears = Number.MAX_VALUE;
        m.outcomes[1]!.lagYears = Number.MAX_VALUE;
        chosen(m).durationYears = Number.MAX_VALUE;
        m.targetGroup.intake.push({ year: 1e300, participants: 10 });
      }),
    );
    expect(result.priced.ok).toBe(true);
  });

  it('[P20 P3] an intervention lasting longer than the horizon spreads its cost over its whole duration; only years < H count', () => {
    const input = makePricingInput({
      horizonYears: 5,
      cohorts: [{ year: 1, participants: 100 }],
      intervention: { costPerParticipant: 10_000, fixedCostPerYear: 1_000, durationYears: 1_000_000 },
    });
    const perYear = (100 * 10_000) / 1_000_000 + 1_000;
    expect(price(input).yearly.interventionCost).toEqual([0, perYear, perYear, perYear, perYear]);
  });

  it('[P20] the span of years computed is cut at the horizon whatever the start and length', () => {
    expect(spanInHorizon(2, 1e300, 10)).toEqual({ from: 2, to: 10 });
    expect(spanInHorizon(-1e300, 2e300, 10)).toEqual({ from: 0, to: 10 });
    expect(spanInHorizon(12, 3, 10)).toEqual({ from: 0, to: 0 });
    expect(spanInHorizon(Number.NaN, 3, 10)).toEqual({ from: 0, to: 0 });
  });

  it('[P20 P18] the Monte Carlo pricer agrees with price on an effect lasting past the horizon', () => {
    const input = makePricingInput({
      horizonYears: 6,
      outcomes: [makeOutcome({ durationYears: 1e9, persistence: 0.9, lagYears: 2 })],
    });
    const fast = compileFastPricer(input)(EXPECTED_FACTORS);
    expect(fast.authorityNpv).toBeCloseTo(price(input).authorityNpv, 6);
  });
});

describe('[P20] a value outside its absolute bound is not priced at all', () => {
  const outOfBounds: [string, (model: CaseModelDraft) => void, BoundedField][] = [
    [
      'a horizon of 10¹⁵ years',
      (m) => {
        m.facts.horizonYears = 1e15;
      },
      'facts.horizonYears',
    ],
    [
      'a horizon of 0 years',
      (m) => {
        m.facts.horizonYears = 0;
      },
      'facts.horizonYears',
    ],
    [
      'a horizon of 7,5 years',
      (m) => {
        m.facts.horizonYears = 7.5;
      },
      'facts.horizonYears',
    ],
    [
      'a negative discount rate (P2: used with one flat rate)',
      (m) => {
        m.facts.discountMethod = 'flat';
        m.facts.discountRate = -0.5;
      },
      'facts.discountRate',
    ],
    [
      'a cohort of more than 10⁷ people',
      (m) => {
        m.targetGroup.intake[0]!.participants = MAX_COHORT_PARTICIPANTS + 1;
      },
      'intake.participants',
    ],
    [
      'a price over 10¹² kr.',
      (m) => {
        employment(m).points[0]!.price = MAX_AMOUNT * 1.5;
      },
      'outcome.pointPrice',
    ],
    [
      'a value of 10³⁰⁰ kr.',
      (m) => {
        employment(m).valuePerDepartment['dep-jobcenter'] = 1e300;
      },
      'outcome.valuePerDepartment',
    ],
    [
      'a guarantee over 10¹² kr.',
      (m) => {
        m.paymentModel.guaranteeAmount = 2e12;
      },
      'paymentModel.guaranteeAmount',
    ],
    [
      'a cap of −1 kr.',
      (m) => {
        m.paymentModel.paymentCap = -1;
      },
      'paymentModel.paymentCap',
    ],
    [
      'a return cap of 500 %',
      (m) => {
        m.paymentModel.returnCap = 5;
      },
      'paymentModel.returnCap',
    ],
    [
      'a persistence of 120 %',
      (m) => {
        employment(m).persistence = 1.2;
      },
      'outcome.persistence',
    ],
    [
      'a lag of 1,5 years',
      (m) => {
        employment(m).lagYears = 1.5;
      },
      'outcome.lagYears',
    ],
    [
      'a negative duration',
      (m) => {
        employment(m).durationYears = -3;
      },
      'outcome.durationYears',
    ],
    [
      'an intervention lasting 0 years',
      (m) => {
        chosen(m).durationYears = 0;
      },
      'intervention.durationYears',
    ],
    [
      'a scenario factor of 10³⁰⁰',
      (m) => {
        m.paymentModel.scenarios.cost.high = 1e300;
      },
      'paymentModel.scenarios',
    ],
  ];
  it.each(outOfBounds)('[P20] %s', (_name, change, field) => {
    const model = makeCase(change);
    const result = pricingInputFromModel(model);
    expect(result).toMatchObject({ ok: false, reason: 'outOfBounds' });
    if (result.ok || result.reason !== 'outOfBounds') return;
    expect(result.violations.map((v) => v.field)).toEqual([field]);
    expect(businessCase(model).priced).toMatchObject({ ok: false, reason: 'outOfBounds' });
  });

  it('[P2 P20] with the Danish schedule the flat rate feeds no figure: neither its absence nor its value stops the pricing', () => {
    const schedule = (rate: number | undefined) =>
      pricingInputFromModel(
        makeCase((m) => {
          m.facts.discountMethod = 'schedule';
          m.facts.discountRate = rate;
        }),
      );
    expect(schedule(-0.5)).toMatchObject({ ok: true, input: { discountMethod: 'schedule' } });
    expect(schedule(undefined)).toMatchObject({ ok: true, input: { discountMethod: 'schedule' } });
    // A stored case without a method uses its rate as a flat rate, and needs it.
    const stored = (rate: number | undefined) =>
      pricingInputFromModel(
        makeCase((m) => {
          m.facts.discountMethod = undefined;
          m.facts.discountRate = rate;
        }),
      );
    expect(stored(0.04)).toMatchObject({ ok: true, input: { discountMethod: 'flat', discountRate: 0.04 } });
    expect(stored(undefined)).toEqual({ ok: false, reason: 'noDiscountRate' });
  });

  it('[P20] an incomplete outcome feeds no figure, so its value does not stop the pricing', () => {
    const model = makeCase((m) => {
      employment(m).lagYears = undefined;
      employment(m).points[0]!.price = 1e300;
    });
    const result = pricingInputFromModel(model);
    expect(result).toMatchObject({ ok: true, excludedOutcomeIds: ['out-employment'] });
  });

  it('[P20 P19] a candidate whose own cost is out of bounds is not priced; the others are', () => {
    const model = makeCase((m) => (m.interventions.candidates[1]!.costPerParticipant = 1e13));
    const comparison = compareCandidates(model);
    const [first, second, third] = comparison;
    expect(first).toMatchObject({ priced: true });
    expect(second).toMatchObject({ priced: false, reason: 'outOfBounds' });
    expect(second?.violations?.[0]).toMatchObject({
      field: 'intervention.costPerParticipant',
      path: ['interventions', 'candidates', model.interventions.candidates[1]!.id, 'costPerParticipant'],
      problem: 'above',
    });
    expect(third).toMatchObject({ priced: true });
    // The case's own (chosen) candidate is in bounds, so the case is priced.
    expect(businessCase(model).priced.ok).toBe(true);
  });

  it('[P20] the engine refuses a horizon outside 1–50 rather than allocating it', () => {
    expect(() => price(makePricingInput({ horizonYears: 1e15 }))).toThrow(RangeError);
    expect(() => compileFastPricer(makePricingInput({ horizonYears: 51 }))).toThrow(RangeError);
  });

  it('[P20] the risk analysis refuses inputs out of bounds and a draw count that would leave no percentile', () => {
    const ranges = { effect: { low: 1, high: 1 }, cost: { low: 1, high: 1 }, persistence: { low: 1, high: 1 } };
    const huge = makePricingInput({ cohorts: [{ year: 0, participants: 1e300 }] });
    expect(() => riskAnalysis(huge, ranges, { iterations: 10 })).toThrow(/absolute bounds/);
    expect(() => monteCarlo(makePricingInput(), ranges, { seed: 1, iterations: 0 })).toThrow(RangeError);
    expect(() =>
      monteCarlo(makePricingInput(), { ...ranges, cost: { low: 1, high: 1e300 } }, { seed: 1, iterations: 10 }),
    ).toThrow(/absolute bounds/);
  });

  it('[P20 P13 P14] ratios over a capital too small to divide by are absent, never Infinity', () => {
    const input = makePricingInput({
      intervention: { costPerParticipant: 5e-324, fixedCostPerYear: 0, durationYears: 1 },
      payment: { payerShares: { job: 1 }, investorFundedShare: 1 },
    });
    const pricing = price(input);
    expect(pricing.investor.multiple).toBeUndefined();
    expect(pricing.benefitCostRatio).toBeUndefined();
    expect(Number.isFinite(pricing.authorityNpv)).toBe(true);
  });
});
