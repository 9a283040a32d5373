import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCase } from '../businessCase/businessCase.ts';
import { exampleCase } from '../example/exampleCase.ts';
import { withChosenCandidateRates } from '../model/candidateRates.ts';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { richTextFromParagraphs } from '../richtext/convert.ts';
import { compareCandidates } from './compareCandidates.ts';

/**
 * A small case priced by hand: H = 3, a flat 10 %, 100 participants in year 0, one outcome
 * (baseline 20 %, lag 1, one year, attribution and persistence 100 %) worth 100.000 kr. a year
 * to the municipality and 20.000 kr. to the state, paid 50.000 kr. per additional outcome,
 * all of it by the municipality; the investor funds all cost.
 */
function handCase(): CaseModelDraft {
  const empty = richTextFromParagraphs();
  const candidate = (id: string, order: string, name: string, cost: number, rates: Record<string, number>) => ({
    id,
    order,
    name,
    description: empty,
    costPerParticipant: cost,
    fixedCostPerYear: 0,
    durationYears: 1,
    expectedRates: rates,
    sources: {},
  });
  return withChosenCandidateRates({
    schemaVersion: 3,
    facts: {
      title: 'Håndregnet',
      horizonYears: 3,
      discountMethod: 'flat',
      discountRate: 0.1,
      partners: {},
      departments: [
        { id: 'jc', order: 'a0', name: 'Jobcenter', level: 'municipal' },
        { id: 'st', order: 'a1', name: 'Staten', level: 'state' },
      ],
      sources: {},
    },
    problem: { text: empty },
    targetGroup: { intake: [{ year: 0, participants: 100 }], sources: {} },
    interventions: {
      candidates: [
        candidate('cheap', 'a0', 'Billig', 10_000, { o1: 0.3 }),
        candidate('strong', 'a1', 'Virksom', 20_000, { o1: 0.5 }),
        candidate('unknown', 'a2', 'Uden effekt', 5_000, {}),
      ],
      chosenId: 'cheap',
      rationale: empty,
    },
    outcomes: [
      {
        id: 'o1',
        order: 'a0',
        name: 'Job',
        baselineRate: 0.2,
        attribution: 1,
        lagYears: 1,
        durationYears: 1,
        persistence: 1,
        valuePerDepartment: { jc: 100_000, st: 20_000 },
        points: [{ id: 'p1', months: 12, price: 50_000, basis: 'additional' }],
        sources: {},
      },
    ],
    paymentModel: {
      payerShares: { jc: 1 },
      investorFundedShare: 1,
      scenarios: { effect: {}, cost: {}, persistence: {} },
      sources: {},
    },
    evaluation: { signatories: [] },
  } as unknown as CaseModelDraft);
}

describe('compareCandidates (P19)', () => {
  it('[P19 P14] the cheaper candidate loses on NPV because of its effect — worked example to the krone', () => {
    const [cheap, strong, unknown] = compareCandidates(handCase());
    // Billig: 100·(0,30 − 0,20) = 10 additional outcomes in year 1. Cost 100 · 10.000 = 1.000.000
    // in year 0 (DF 1). Value 10 · 120.000 = 1.200.000 in year 1, of which 1.000.000 municipal;
    // payments 10 · 50.000 = 500.000 in year 1, all municipal. DF(1) = 1/1,1.
    expect(cheap).toMatchObject({ interventionId: 'cheap', priced: true, effectNotEntered: [] });
    expect(cheap?.interventionCost).toBeCloseTo(1_000_000, 6);
    expect(cheap?.publicValue).toBeCloseTo(1_200_000 / 1.1, 6); // 1.090.909,09
    expect(cheap?.authorityNpv).toBeCloseTo((1_000_000 - 500_000) / 1.1, 6); // 454.545,45
    expect(cheap?.publicSectorNpv).toBeCloseTo((1_200_000 - 500_000) / 1.1, 6); // 636.363,64
    expect(cheap?.benefitCostRatio).toBeCloseTo(1_200_000 / 1.1 / 1_000_000, 12); // 1,09
    // Investor: −1.000.000 in year 0, +500.000 in year 1: IRR −50 %.
    expect(cheap?.investorIrr).toMatchObject({ ok: true });
    expect(cheap?.investorIrr?.ok && cheap.investorIrr.rate).toBeCloseTo(-0.5, 12);

    // Virksom: 30 additional outcomes; cost 2.000.000; value 3.600.000 (3.000.000 municipal);
    // payments 1.500.000.
    expect(strong?.interventionCost).toBeCloseTo(2_000_000, 6);
    expect(strong?.publicValue).toBeCloseTo(3_600_000 / 1.1, 6); // 3.272.727,27
    expect(strong?.authorityNpv).toBeCloseTo((3_000_000 - 1_500_000) / 1.1, 6); // 1.363.636,36
    expect(strong?.publicSectorNpv).toBeCloseTo((3_600_000 - 1_500_000) / 1.1, 6); // 1.909.090,91
    expect(strong?.benefitCostRatio).toBeCloseTo(3_600_000 / 1.1 / 2_000_000, 12); // 1,64
    expect(strong?.investorIrr?.ok && strong.investorIrr.rate).toBeCloseTo(-0.25, 12);
    expect(strong!.authorityNpv!).toBeGreaterThan(cheap!.authorityNpv!);

    // No rate entered: priced without the outcome, and said so — nothing borrowed.
    expect(unknown).toMatchObject({ priced: true, effectNotEntered: ['o1'] });
    expect(unknown?.interventionCost).toBeCloseTo(500_000, 6);
    expect(unknown?.publicValue).toBe(0);
    expect(unknown?.authorityNpv).toBe(0);
  });

  it('[P19] choosing a candidate makes its row the case’s figures (the example, any rates)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (choice, rates) => {
          const model = exampleCase();
          model.interventions.candidates.forEach((candidate, i) => {
            candidate.expectedRates = { 'out-employment': rates[2 * i]!, 'out-admissions': rates[2 * i + 1]! };
          });
          const chosen = model.interventions.candidates[choice]!;
          model.interventions.chosenId = chosen.id;
          const result = businessCase(withChosenCandidateRates(model));
          const row = result.candidates.find((c) => c.interventionId === chosen.id)!;
          if (!result.priced.ok) throw new Error('the example is priced');
          const { pricing } = result.priced;
          expect(row.authorityNpv).toBe(pricing.authorityNpv);
          expect(row.publicSectorNpv).toBe(pricing.publicSectorNpv);
          expect(row.benefitCostRatio).toBe(pricing.benefitCostRatio);
          expect(row.investorIrr).toEqual(pricing.investor.irr);
          expect(row.input).toEqual(result.priced.input);
        },
      ),
      { numRuns: 60 },
    );
  });
});
