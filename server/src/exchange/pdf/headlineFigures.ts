import { type ExportPricing, type FigureKey, figureLabel, noIrrText } from '@caseroom/shared';
import { calendarYear, count, decimal, irrText, money, percent } from './format.ts';
import type { ReportLanguage, ReportText } from './reportText.ts';

/** One headline figure as the business case panel shows it: name, value, and a note where it has one. */
export type HeadlineFigure = { key: FigureKey; label: string; value: string; note?: string };

type Priced = Extract<ExportPricing, { ok: true }>;

/**
 * The panel's headline figures (HeadlineFigures.tsx), in its order and formats, plus the
 * probability of a negative authority NPV, which the panel shows under its Monte Carlo chart.
 */
export function headlineFigures(
  priced: Priced,
  startYear: number | undefined,
  text: ReportText,
  lang: ReportLanguage,
): HeadlineFigure[] {
  const { pricing, risk } = priced;
  const irr = pricing.investor.irr;
  const figure = (key: FigureKey, value: string, note?: string): HeadlineFigure => ({
    key,
    label: figureLabel(key, lang),
    value,
    ...(note === undefined ? {} : { note }),
  });
  const seedNote = text.seed(risk.seed, count(risk.iterations));
  return [
    figure('authorityNpv', money(pricing.authorityNpv)),
    figure('publicSectorNpv', money(pricing.publicSectorNpv)),
    pricing.breakEvenYear === undefined
      ? figure('breakEvenYear', '–', figureLabel('noBreakEven', lang))
      : figure('breakEvenYear', calendarYear(pricing.breakEvenYear, startYear, text.yearOffset)),
    figure('benefitCostRatio', pricing.benefitCostRatio === undefined ? '–' : decimal(pricing.benefitCostRatio)),
    irr.ok ? figure('investorIrr', irrText(irr) ?? '') : figure('investorIrr', text.noIrr, noIrrText(irr.reason, lang)),
    figure(
      'investorMultiple',
      pricing.investor.multiple === undefined ? '–' : `${decimal(pricing.investor.multiple)} ${text.times}`,
    ),
    figure('probabilityInvestorLoses', percent(risk.monteCarlo.probabilityInvestorLoses), seedNote),
    figure('probabilityAuthorityNpvNegative', percent(risk.monteCarlo.probabilityAuthorityNpvNegative), seedNote),
  ];
}
