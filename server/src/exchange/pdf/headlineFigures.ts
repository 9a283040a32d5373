import {
  type ExportPricing,
  formatFigure,
  type HeadlineFigureKey,
  headlineCards,
  headlineFigureTexts,
} from '@caseroom/shared';
import { count } from './format.ts';
import type { ReportLanguage, ReportText } from './reportText.ts';

/** One headline figure as the business case panel shows it: name, value, explanation, and a note where it has one. */
export type HeadlineFigure = {
  key: HeadlineFigureKey;
  label: string;
  value: string;
  explanation: string;
  note?: string;
};

type Priced = Extract<ExportPricing, { ok: true }>;

/**
 * The panel's headline figures (shared `headlineCards`, as HeadlineFigures.tsx shows them) plus
 * the probability of a negative authority NPV, which the panel shows under its Monte Carlo
 * chart; the probabilities carry the simulation's seed.
 */
export function headlineFigures(
  priced: Priced,
  startYear: number | undefined,
  text: ReportText,
  lang: ReportLanguage,
): HeadlineFigure[] {
  const { pricing, risk } = priced;
  const seedNote = text.seed(risk.seed, count(risk.iterations));
  const cards: HeadlineFigure[] = headlineCards(pricing, risk.monteCarlo, { lang, startYear }).map((card) => ({
    key: card.key,
    label: card.name,
    value: card.value,
    explanation: card.explanation,
    ...(card.key === 'probabilityInvestorLoses'
      ? { note: seedNote }
      : card.note === undefined
        ? {}
        : { note: card.note }),
  }));
  const negative = 'probabilityAuthorityNpvNegative';
  const { name, explanation } = headlineFigureTexts(negative, lang);
  const value = formatFigure(negative, risk.monteCarlo.probabilityAuthorityNpvNegative, { lang });
  return [...cards, { key: negative, label: name, value, explanation, note: seedNote }];
}
