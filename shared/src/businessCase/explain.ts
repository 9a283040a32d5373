import type { NumberKind } from '../format/danishNumber.ts';
import type { Pricing } from '../pricing/price.ts';
import type { PricingInput } from '../pricing/pricingInput.ts';
import type { FigureKey } from './figureLabels.ts';

/** Headline figures that can be opened to show how they were built. */
export const EXPLAINED_FIGURES = [
  'authorityNpv',
  'publicSectorNpv',
  'breakEvenYear',
  'investorIrr',
  'investorMultiple',
  'benefitCostRatio',
] as const;
export type ExplainedFigure = (typeof EXPLAINED_FIGURES)[number];

/** How a figure was built: the rules, the formula in words, the inputs and the figure per year. */
export type Explanation = {
  figure: ExplainedFigure;
  rules: string[];
  formula: { da: string; en: string };
  inputs: { label: { da: string; en: string }; value: number | undefined; kind: NumberKind }[];
  columns: { key: FigureKey | 'municipalValue' | 'municipalPayments' | 'discountedNet'; kind: NumberKind }[];
  /** One row per year t = 0 … H−1, one value per column. */
  rows: { year: number; values: number[] }[];
};

const FORMULAS: Record<ExplainedFigure, { rules: string[]; da: string; en: string }> = {
  authorityNpv: {
    rules: ['P2', 'P12', 'P14'],
    da: 'Summen over årene af (værdi for kommunale forvaltninger − kommunale betalinger − kommunens egenfinansiering) × diskonteringsfaktor.',
    en: 'The sum over the years of (value to municipal departments − municipal payments − own funding) × discount factor.',
  },
  publicSectorNpv: {
    rules: ['P2', 'P12', 'P14'],
    da: 'Summen over årene af (værdi for alle forvaltninger − alle betalinger − egenfinansiering) × diskonteringsfaktor.',
    en: 'The sum over the years of (value to all departments − all payments − own funding) × discount factor.',
  },
  breakEvenYear: {
    rules: ['P16'],
    da: 'Det første år, hvorfra kommunens akkumulerede, diskonterede netto forbliver ≥ 0 til horisonten.',
    en: 'The first year from which the authority’s cumulative discounted net stays ≥ 0 to the horizon.',
  },
  investorIrr: {
    rules: ['P9', 'P11', 'P13', 'P15'],
    da: 'Den rente, hvor nutidsværdien af investors pengestrøm (betalt + garanti − kapital) er 0.',
    en: 'The rate at which the present value of the investor’s cash flow (paid + guarantee − capital) is 0.',
  },
  investorMultiple: {
    rules: ['P13'],
    da: '(Betalt til investor + garanti) ÷ investors kapital, nominelt.',
    en: '(Paid to the investor + guarantee) ÷ the investor’s capital, nominal.',
  },
  benefitCostRatio: {
    rules: ['P14'],
    da: 'Nutidsværdi af al offentlig værdi ÷ nutidsværdi af indsatsens omkostninger.',
    en: 'Present value of all public value ÷ present value of the intervention cost.',
  },
};

/** Explains one headline figure from the priced case it came from. */
export function explainFigure(figure: ExplainedFigure, pricing: Pricing, input: PricingInput): Explanation {
  const y = pricing.yearly;
  const municipal = new Set(input.departments.filter((d) => d.level === 'municipal').map((d) => d.id));
  const municipalValue = y.years.map((t) =>
    Object.entries(y.valueByDepartment).reduce((sum, [id, s]) => sum + (municipal.has(id) ? (s[t] ?? 0) : 0), 0),
  );
  const municipalPayments = y.years.map((t) =>
    Object.entries(y.paymentsByPayer).reduce((sum, [id, s]) => sum + (municipal.has(id) ? (s[t] ?? 0) : 0), 0),
  );
  const label = (da: string, en: string) => ({ da, en });
  const common = [
    { label: label('Diskonteringsrente', 'Discount rate'), value: input.discountRate, kind: 'percent' as const },
    { label: label('Tidshorisont', 'Horizon'), value: input.horizonYears, kind: 'years' as const },
  ];
  const funding = {
    label: label('Investor finansierer', 'Investor-funded share'),
    value: input.payment.investorFundedShare,
    kind: 'percent' as const,
  };
  type Column = Explanation['columns'][number];
  const series: Record<Column['key'], number[]> = {
    ...(y as unknown as Record<FigureKey, number[]>),
    municipalValue,
    municipalPayments,
    discountedNet: y.authorityNet.map((net, t) => net * (y.discountFactor[t] ?? 1)),
  };
  const build = (columns: Column[], inputs: Explanation['inputs']): Explanation => ({
    figure,
    rules: FORMULAS[figure].rules,
    formula: { da: FORMULAS[figure].da, en: FORMULAS[figure].en },
    inputs,
    columns,
    rows: y.years.map((t) => ({ year: t, values: columns.map((c) => series[c.key]?.[t] ?? 0) })),
  });
  const money = (key: Column['key']): Column => ({ key, kind: 'money' });
  switch (figure) {
    case 'authorityNpv':
      return build(
        [
          money('municipalValue'),
          money('municipalPayments'),
          money('ownFunding'),
          money('authorityNet'),
          { key: 'discountFactor', kind: 'decimal' },
          money('discountedNet'),
        ],
        [...common, funding],
      );
    case 'publicSectorNpv':
      return build(
        [
          money('publicValue'),
          money('paid'),
          money('ownFunding'),
          money('publicSectorNet'),
          { key: 'discountFactor', kind: 'decimal' },
        ],
        [...common, funding],
      );
    case 'breakEvenYear':
      return build([money('authorityNet'), money('discountedNet'), money('authorityCumulativeDiscounted')], common);
    case 'investorIrr':
    case 'investorMultiple':
      return build(
        [money('capital'), money('paymentsDue'), money('paid'), money('guarantee'), money('investorCashFlow')],
        [
          funding,
          { label: label('Loft over betalinger', 'Cap on payments'), value: input.payment.paymentCap, kind: 'money' },
          { label: label('Afkastloft', 'Return cap'), value: input.payment.returnCap, kind: 'percent' },
          { label: label('Underskudsgaranti', 'Loss guarantee'), value: input.payment.guaranteeAmount, kind: 'money' },
        ],
      );
    case 'benefitCostRatio':
      return build(
        [money('publicValue'), money('interventionCost'), { key: 'discountFactor', kind: 'decimal' }],
        common,
      );
  }
}
