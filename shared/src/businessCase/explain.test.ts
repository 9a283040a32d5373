import { describe, expect, it } from 'vitest';
import { price } from '../pricing/price.ts';
import { makeOutcome, makePricingInput } from '../pricing/testing.ts';
import { EXPLAINED_FIGURES, explainFigure } from './explain.ts';

describe('explanations of headline figures', () => {
  const input = makePricingInput({ payment: { payerShares: { job: 1 }, investorFundedShare: 0.5 } });
  const pricing = price(input);

  it('[P14] the authority NPV is the sum of its discounted yearly net, shown per year', () => {
    const explanation = explainFigure('authorityNpv', pricing, input);
    const discounted = explanation.columns.findIndex((c) => c.key === 'discountedNet');
    const total = explanation.rows.reduce((sum, row) => sum + (row.values[discounted] ?? 0), 0);
    expect(total).toBeCloseTo(pricing.authorityNpv, 6);
    expect(explanation.rules).toContain('P12');
    expect(explanation.rows).toHaveLength(input.horizonYears);
  });

  it('[P13] the investor figures show the cash flow they are computed from', () => {
    const explanation = explainFigure('investorIrr', pricing, input);
    const cf = explanation.columns.findIndex((c) => c.key === 'investorCashFlow');
    expect(explanation.rows.map((row) => row.values[cf])).toEqual(pricing.yearly.investorCashFlow);
  });

  it('[P7] the investor explanation says payments are made per measurement point', () => {
    const explanation = explainFigure('investorIrr', pricing, input);
    expect(explanation.rules).toEqual(expect.arrayContaining(['P7', 'P8']));
    expect(explanation.formula.da).toContain('hvert målepunkt');
    expect(explanation.formula.en).toContain('each measurement point');
    const due = explanation.columns.findIndex((c) => c.key === 'paymentsDue');
    expect(explanation.rows.map((row) => row.values[due])).toEqual(pricing.yearly.paymentsDue);
  });

  it('[P2] the explanation shows the discount rate used each year: 3,5 % to year 35, 2,5 % from year 36 on the schedule', () => {
    const scheduled = makePricingInput({ horizonYears: 40, discountMethod: 'schedule', discountRate: undefined });
    const explanation = explainFigure('authorityNpv', price(scheduled), scheduled);
    const rate = explanation.columns.findIndex((c) => c.key === 'discountRateUsed');
    const factor = explanation.columns.findIndex((c) => c.key === 'discountFactor');
    expect(explanation.columns[rate]?.label?.da).toBe('Diskonteringsrente r(t)');
    const rates = explanation.rows.map((row) => row.values[rate]);
    expect(rates[0]).toBe(0);
    expect(rates[1]).toBe(0.035);
    expect(rates[35]).toBe(0.035);
    expect(rates[36]).toBe(0.025);
    const factors = explanation.rows.map((row) => row.values[factor] ?? 0);
    expect(factors[36]).toBeCloseTo((factors[35] ?? 0) / 1.025, 15);
    expect(explanation.inputs.map((i) => i.value)).toEqual(expect.arrayContaining([0.035, 0.025]));
    // A flat case shows its one rate in every year after year 0.
    const flat = explainFigure('benefitCostRatio', pricing, input);
    const flatRate = flat.columns.findIndex((c) => c.key === 'discountRateUsed');
    expect(flat.rows.map((row) => row.values[flatRate])).toEqual([0, 0.035, 0.035, 0.035, 0.035]);
  });

  it('[P10 P11 P12] the authority explanation lists the unallocated remainder and a municipal guarantee; its discounted net sums to the NPV', () => {
    const withBoth = makePricingInput({
      outcomes: [makeOutcome({ pricePerOutcome: 15_000 })],
      payment: {
        payerShares: { job: 0.9 },
        investorFundedShare: 1,
        guaranteeAmount: 500_000,
        guarantorLevel: 'municipal',
      },
    });
    const p = price(withBoth);
    const explanation = explainFigure('authorityNpv', p, withBoth);
    const column = (key: string) => explanation.columns.findIndex((c) => c.key === key);
    expect(explanation.rows[1]?.values[column('unallocated')]).toBeCloseTo(30_000, 6);
    expect(explanation.rows[4]?.values[column('authorityGuarantee')]).toBe(500_000);
    const discounted = column('discountedNet');
    const total = explanation.rows.reduce((sum, row) => sum + (row.values[discounted] ?? 0), 0);
    expect(total).toBeCloseTo(p.authorityNpv, 6);
  });

  it('every explained figure has a formula in Danish and English', () => {
    for (const figure of EXPLAINED_FIGURES) {
      const explanation = explainFigure(figure, pricing, input);
      expect(explanation.formula.da.length).toBeGreaterThan(10);
      expect(explanation.formula.en.length).toBeGreaterThan(10);
      expect(explanation.columns.length).toBeGreaterThan(0);
    }
  });
});
