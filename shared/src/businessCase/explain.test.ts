import { describe, expect, it } from 'vitest';
import { price } from '../pricing/price.ts';
import { makePricingInput } from '../pricing/testing.ts';
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

  it('every explained figure has a formula in Danish and English', () => {
    for (const figure of EXPLAINED_FIGURES) {
      const explanation = explainFigure(figure, pricing, input);
      expect(explanation.formula.da.length).toBeGreaterThan(10);
      expect(explanation.formula.en.length).toBeGreaterThan(10);
      expect(explanation.columns.length).toBeGreaterThan(0);
    }
  });
});
