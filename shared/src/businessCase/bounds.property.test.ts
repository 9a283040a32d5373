import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleCase } from '../example/exampleCase.ts';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { renderFinding } from '../validation/render.ts';
import { businessCase, riskAnalysis } from './businessCase.ts';
import { EXPLAINED_FIGURES, explainFigure } from './explain.ts';

/** Throws on the first number in `value` that is NaN or ±Infinity, naming where it is. */
function expectEveryNumberFinite(value: unknown, where = 'result'): void {
  JSON.stringify(value, function (this: unknown, key, item) {
    if (typeof item === 'number' && !Number.isFinite(item)) throw new Error(`${where}: ${key} is ${item}`);
    return item;
  });
}

/** Any finite double, with the values people (and attackers) type most: huge, tiny, negative, fractional. */
const anyNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, 0.5, 2.5, -1, 50, 51, 1e7, 1e7 + 1, 1e12, 1e12 + 1, 1e15, 1e300, -1e300),
  fc.constantFrom(5e-324, Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: -10, max: 60 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

type Edit = (model: CaseModelDraft, value: number) => void;

/** Every number of the case the pricing reads, and a few it does not. */
const EDITS: Record<string, Edit> = {
  horizon: (m, v) => (m.facts.horizonYears = v),
  discountRate: (m, v) => (m.facts.discountRate = v),
  startYear: (m, v) => (m.facts.startYear = v),
  population: (m, v) => (m.targetGroup.eligiblePopulation = v),
  intakeYear: (m, v) => (m.targetGroup.intake[1]!.year = v),
  participants: (m, v) => (m.targetGroup.intake[0]!.participants = v),
  extraCohort: (m, v) => m.targetGroup.intake.push({ year: 3, participants: v }),
  costPerParticipant: (m, v) => (m.interventions.candidates[0]!.costPerParticipant = v),
  fixedCost: (m, v) => (m.interventions.candidates[0]!.fixedCostPerYear = v),
  interventionDuration: (m, v) => (m.interventions.candidates[0]!.durationYears = v),
  otherCandidateCost: (m, v) => (m.interventions.candidates[1]!.costPerParticipant = v),
  baseline: (m, v) => (m.outcomes[0]!.baselineRate = v),
  expected: (m, v) => (m.outcomes[0]!.expectedRate = v),
  attribution: (m, v) => (m.outcomes[1]!.attribution = v),
  lag: (m, v) => (m.outcomes[0]!.lagYears = v),
  duration: (m, v) => (m.outcomes[0]!.durationYears = v),
  persistence: (m, v) => (m.outcomes[1]!.persistence = v),
  value: (m, v) => (m.outcomes[0]!.valuePerDepartment['dep-jobcenter'] = v),
  stateValue: (m, v) => (m.outcomes[1]!.valuePerDepartment['dep-state'] = v),
  price: (m, v) => (m.outcomes[0]!.points[0]!.price = v),
  payerShare: (m, v) => (m.paymentModel.payerShares['dep-jobcenter'] = v),
  fundedShare: (m, v) => (m.paymentModel.investorFundedShare = v),
  cap: (m, v) => (m.paymentModel.paymentCap = v),
  returnCap: (m, v) => (m.paymentModel.returnCap = v),
  guarantee: (m, v) => (m.paymentModel.guaranteeAmount = v),
  costRange: (m, v) => (m.paymentModel.scenarios.cost.high = v),
  effectRange: (m, v) => (m.paymentModel.scenarios.effect.low = v),
};

const editsArb = fc.array(fc.tuple(fc.constantFrom(...Object.keys(EDITS)), anyNumber), { minLength: 1, maxLength: 6 });

function editedCase(edits: [string, number][]): CaseModelDraft {
  const model = exampleCase();
  for (const [name, value] of edits) EDITS[name]!(model, value);
  return model;
}

describe('[P20] no figure is ever NaN or Infinity', () => {
  // Each run prices the case, its candidates and a small risk analysis: seconds on a loaded machine.
  it('[P20] whatever numbers are typed, every figure, finding and explanation is finite or absent', {
    timeout: 60_000,
  }, () => {
    let priced = 0;
    let runs = 0;
    fc.assert(
      fc.property(editsArb, (edits) => {
        runs++;
        const model = editedCase(edits);
        const result = businessCase(model);
        expectEveryNumberFinite(result, 'businessCase');
        for (const finding of result.findings) {
          for (const lang of ['da', 'en'] as const) {
            const sentence = renderFinding(finding, lang);
            expect(sentence).not.toMatch(/NaN|Infinity|∞|\{\w+\}/);
          }
        }
        if (!result.priced.ok) {
          // Not priced means said why: a value out of bounds names itself.
          if (result.priced.reason === 'outOfBounds') expect(result.priced.violations.length).toBeGreaterThan(0);
          return;
        }
        priced++;
        const { input, ranges, pricing } = result.priced;
        expectEveryNumberFinite(riskAnalysis(input, ranges, { seed: 1, iterations: 50 }), 'riskAnalysis');
        for (const figure of EXPLAINED_FIGURES) expectEveryNumberFinite(explainFigure(figure, pricing, input), figure);
      }),
      { numRuns: 300, seed: 20 },
    );
    // The property must have priced real cases, not only refused them.
    expect(priced).toBeGreaterThan(runs / 10);
  });

  it('[P20] a case with every bounded value at its limit is priced, and finite', () => {
    const model = exampleCase();
    model.facts.horizonYears = 50;
    model.facts.discountRate = 0;
    model.targetGroup.intake = Array.from({ length: 50 }, (_, year) => ({ year, participants: 1e7 }));
    for (const candidate of model.interventions.candidates) {
      candidate.costPerParticipant = 1e12;
      candidate.fixedCostPerYear = 1e12;
    }
    for (const outcome of model.outcomes) {
      outcome.baselineRate = 0;
      outcome.expectedRate = 1;
      outcome.persistence = 1;
      outcome.durationYears = 50;
      outcome.lagYears = 0;
      for (const point of outcome.points) point.price = 1e12;
      for (const id of Object.keys(outcome.valuePerDepartment)) outcome.valuePerDepartment[id] = 1e12;
    }
    model.paymentModel.returnCap = 1;
    model.paymentModel.paymentCap = 1e12;
    model.paymentModel.guaranteeAmount = 1e12;
    model.paymentModel.scenarios.cost.high = 10;
    const result = businessCase(model);
    expect(result.priced.ok).toBe(true);
    expectEveryNumberFinite(result);
    if (!result.priced.ok) return;
    expectEveryNumberFinite(riskAnalysis(result.priced.input, result.priced.ranges, { iterations: 100 }));
  });
});
