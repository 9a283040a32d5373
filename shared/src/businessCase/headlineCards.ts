import type { Language } from '../fields/language.ts';
import type { Pricing } from '../pricing/price.ts';
import type { MonteCarloResult } from '../risk/risk.ts';
import { figureLabel, noIrrText } from './figureLabels.ts';
import { FIGURE_WORDS, formatFigure, type HeadlineFigureKey, headlineFigureTexts } from './headlineFigures.ts';

/** The figures the business case panel and the report's first page show, in their order. */
export const PANEL_FIGURES = [
  'authorityNpv',
  'publicSectorNpv',
  'breakEvenYear',
  'benefitCostRatio',
  'investorIrr',
  'investorMultiple',
  'probabilityInvestorLoses',
] as const satisfies readonly HeadlineFigureKey[];
export type PanelFigure = (typeof PANEL_FIGURES)[number];

/**
 * A headline figure's value in a priced case (a year offset for break-even; a flag for a loss);
 * undefined when it has none (no IRR, no capital, no break-even, no simulation yet).
 */
export function headlineValue(
  key: HeadlineFigureKey,
  pricing: Pricing,
  monteCarlo?: Pick<MonteCarloResult, 'probabilityInvestorLoses' | 'probabilityAuthorityNpvNegative'>,
): number | boolean | undefined {
  const pv = (series: readonly number[]) =>
    series.reduce((sum, value, t) => sum + value * (pricing.yearly.discountFactor[t] ?? 0), 0);
  switch (key) {
    case 'authorityNpv':
      return pricing.authorityNpv;
    case 'publicSectorNpv':
      return pricing.publicSectorNpv;
    case 'investorNpv':
      return pricing.investor.npv;
    case 'publicValuePv':
      return pv(pricing.yearly.publicValue);
    case 'interventionCostPv':
      return pv(pricing.yearly.interventionCost);
    case 'breakEvenYear':
      return pricing.breakEvenYear;
    case 'benefitCostRatio':
      return pricing.benefitCostRatio;
    case 'investorIrr':
      return pricing.investor.irr.ok ? pricing.investor.irr.rate : undefined;
    case 'investorMultiple':
      return pricing.investor.multiple;
    case 'investorNet':
      return pricing.investor.netNominal;
    case 'investorLosesMoney':
      return pricing.investor.losesMoney;
    case 'capital':
      return pricing.totals.capital;
    case 'probabilityInvestorLoses':
      return monteCarlo?.probabilityInvestorLoses;
    case 'probabilityAuthorityNpvNegative':
      return monteCarlo?.probabilityAuthorityNpvNegative;
  }
}

/** One headline figure as a card: name, value in its form, explanation, and why it has no value where it has none. */
export type HeadlineCard = {
  key: PanelFigure;
  name: string;
  value: string;
  explanation: string;
  note?: string;
};

/**
 * The panel's headline figures as the panel and the report show them — named, written and
 * explained by the registry. Without a simulation yet, the probability's value is "–" (the
 * panel shows its own "calculating" instead).
 */
export function headlineCards(
  pricing: Pricing,
  monteCarlo: Pick<MonteCarloResult, 'probabilityInvestorLoses' | 'probabilityAuthorityNpvNegative'> | undefined,
  options: { lang: Language; startYear: number | undefined },
): HeadlineCard[] {
  const { lang, startYear } = options;
  const irr = pricing.investor.irr;
  return PANEL_FIGURES.map((key) => {
    const { name, explanation } = headlineFigureTexts(key, lang);
    const value = formatFigure(key, headlineValue(key, pricing, monteCarlo), { lang, startYear });
    const card: HeadlineCard = { key, name, value, explanation };
    if (key === 'breakEvenYear' && pricing.breakEvenYear === undefined) card.note = figureLabel('noBreakEven', lang);
    if (key === 'investorIrr' && !irr.ok) {
      card.value = FIGURE_WORDS[lang].noIrr;
      card.note = noIrrText(irr.reason, lang);
    }
    return card;
  });
}
