import type { Language } from '../fields/language.ts';
import type { NoIrrReason } from '../pricing/irr.ts';
import { HEADLINE_FIGURES, type HeadlineFigureKey, isHeadlineFigure } from './headlineFigures.ts';

/**
 * Names of the business case's other figures — yearly rows, columns, scenarios, ranges — in
 * Danish and English (panel, CLI, exports). The headline figures' names are in headlineFigures.ts.
 */
export const FIGURE_LABELS = {
  interventionCost: ['Indsatsens omkostninger', 'Intervention cost'],
  ownFunding: ['Kommunens egenfinansiering', 'Authority own funding'],
  publicValue: ['Offentlig værdi', 'Public value'],
  paymentsDue: ['Betalinger (før lofter)', 'Payments (before caps)'],
  paid: ['Betalt til investor', 'Paid to investor'],
  unallocated: ['Ikke fordelt', 'Unallocated'],
  guarantee: ['Garanti', 'Guarantee'],
  authorityNet: ['Kommunens netto', 'Authority net'],
  publicSectorNet: ['Offentlig sektor netto', 'Public sector net'],
  investorCashFlow: ['Investors pengestrøm', 'Investor cash flow'],
  discountFactor: ['Diskonteringsfaktor', 'Discount factor'],
  authorityCumulativeDiscounted: ['Kommunens akkumulerede nutidsværdi', 'Authority cumulative PV'],
  valueGained: ['Værdi (NV)', 'Value (PV)'],
  paymentsMade: ['Betalinger (NV)', 'Payments (PV)'],
  ownCost: ['Egen omkostning (NV)', 'Own cost (PV)'],
  net: ['Netto (NV)', 'Net (PV)'],
  scenarioLow: ['Lavt', 'Low'],
  scenarioExpected: ['Forventet', 'Expected'],
  scenarioHigh: ['Højt', 'High'],
  effect: ['Effekt', 'Effect'],
  cost: ['Omkostninger', 'Cost'],
  persistence: ['Fastholdelse', 'Persistence'],
  atLow: ['ved lav', 'at low'],
  atHigh: ['ved høj', 'at high'],
  noBreakEven: ['Ingen inden for horisonten', 'None within the horizon'],
  year: ['År', 'Year'],
  department: ['Forvaltning', 'Department'],
  percentile5: ['5 %-fraktil', '5th percentile'],
  percentile50: ['Median', 'Median'],
  percentile95: ['95 %-fraktil', '95th percentile'],
} as const satisfies Record<string, readonly [string, string]>;
/** A headline figure or another named figure. */
export type FigureKey = keyof typeof FIGURE_LABELS | HeadlineFigureKey;

/** A figure's name in the language: a headline figure's from its registry, any other's from FIGURE_LABELS. */
export function figureLabel(key: FigureKey, lang: Language): string {
  if (isHeadlineFigure(key)) return HEADLINE_FIGURES[key][lang].name;
  return FIGURE_LABELS[key][lang === 'da' ? 0 : 1];
}

/** Why there is no IRR, in words (P15). */
export const NO_IRR_TEXT: Record<NoIrrReason, readonly [string, string]> = {
  noInvestment: ['Intet IRR: investor skyder ingen kapital ind.', 'No IRR: the investor puts in no capital.'],
  noReturnFlow: ['Intet IRR: investor får intet tilbage.', 'No IRR: the investor gets nothing back.'],
  noRoot: ['Intet IRR: ingen rente giver nutidsværdi 0.', 'No IRR: no rate gives an NPV of 0.'],
  rootOutsideRange: [
    'Intet IRR: afkastet ligger uden for −99 % til 1000 %.',
    'No IRR: the return lies outside −99 % to 1000 %.',
  ],
  severalRoots: [
    'Intet entydigt IRR: flere renter mellem −99 % og 1000 % giver nutidsværdi 0.',
    'No single IRR: several rates between −99 % and 1000 % give an NPV of 0.',
  ],
  notComputed: ['IRR ikke beregnet.', 'IRR not computed.'],
};

export function noIrrText(reason: NoIrrReason, lang: Language): string {
  return NO_IRR_TEXT[reason][lang === 'da' ? 0 : 1];
}

/** Column names used only in explanations. */
export const EXPLANATION_COLUMN_LABELS = {
  municipalValue: ['Værdi for kommunen', 'Value to the authority'],
  municipalPayments: ['Kommunale betalinger', 'Municipal payments'],
  discountedNet: ['Diskonteret netto', 'Discounted net'],
} as const;
