import type { NumberKind } from '../format/danishNumber.ts';
import { scheduleRate, yearlyRates } from '../pricing/discounting.ts';
import { type Pricing, PUBLIC_LEVELS } from '../pricing/price.ts';
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
  columns: {
    key: FigureKey | 'municipalValue' | 'municipalPayments' | 'discountedNet' | ExplanationOwnColumn;
    kind: NumberKind;
    /** The column's name, for columns only explanations have (otherwise named by `key`). */
    label?: { da: string; en: string };
  }[];
  /** One row per year t = 0 … H−1, one value per column. */
  rows: { year: number; values: number[] }[];
};

/** Columns only explanations show, named here. */
type ExplanationOwnColumn =
  | 'discountRateUsed'
  | 'publicSectorValue'
  | 'publicSectorPayments'
  | 'authorityGuarantee'
  | 'publicGuarantee';
const OWN_COLUMN_LABELS: Record<ExplanationOwnColumn, { da: string; en: string }> = {
  discountRateUsed: { da: 'Diskonteringsrente r(t)', en: 'Discount rate r(t)' },
  publicSectorValue: { da: 'Værdi for offentlige forvaltninger', en: 'Value to public departments' },
  publicSectorPayments: { da: 'Offentlige betalinger', en: 'Public payments' },
  authorityGuarantee: { da: 'Garanti (kommunal garant)', en: 'Guarantee (municipal guarantor)' },
  publicGuarantee: { da: 'Garanti (offentlig garant)', en: 'Guarantee (public guarantor)' },
};

const FORMULAS: Record<ExplainedFigure, { rules: string[]; da: string; en: string }> = {
  authorityNpv: {
    rules: ['P2', 'P10', 'P11', 'P12', 'P14'],
    da: 'Summen over årene af (værdi for kommunale forvaltninger − kommunale betalinger − den ikke fordelte rest − kommunens egenfinansiering − garantien, hvis garanten er kommunal) × diskonteringsfaktor, DF(t) = DF(t−1)/(1+r(t)).',
    en: 'The sum over the years of (value to municipal departments − municipal payments − the not-yet-allocated remainder − own funding − the guarantee if the guarantor is municipal) × discount factor, DF(t) = DF(t−1)/(1+r(t)).',
  },
  publicSectorNpv: {
    rules: ['P2', 'P10', 'P11', 'P12', 'P14'],
    da: 'Summen over årene af (værdi for kommunale, regionale og statslige forvaltninger − deres betalinger − den ikke fordelte rest − egenfinansiering − garantien, hvis garanten er offentlig) × diskonteringsfaktor. Forvaltninger på niveauet "anden" (fx en boligforening) og investor er private og tæller ikke med.',
    en: 'The sum over the years of (value to municipal, regional and state departments − their payments − the not-yet-allocated remainder − own funding − the guarantee if the guarantor is public) × discount factor. Departments of level "other" (e.g. a housing association) and the investor are private and do not count.',
  },
  breakEvenYear: {
    rules: ['P16'],
    da: 'Det første år, hvorfra kommunens akkumulerede, diskonterede netto forbliver ≥ 0 til horisonten.',
    en: 'The first year from which the authority’s cumulative discounted net stays ≥ 0 to the horizon.',
  },
  investorIrr: {
    rules: ['P7', 'P8', 'P9', 'P11', 'P13', 'P15'],
    da: 'Den rente, hvor nutidsværdien af investors pengestrøm (betalt + garanti − kapital) er 0. Betalt er resultatbetalingerne — for hvert optag og hvert målepunkt prisen × de opnåede resultater ved målepunktet, i det år målepunktet falder — efter loftet og afkastloftet.',
    en: 'The rate at which the present value of the investor’s cash flow (paid + guarantee − capital) is 0. Paid is the outcome payments — for each intake and each measurement point, the price × the outcomes achieved at that point, in the year the point falls — after the cap and the return cap.',
  },
  investorMultiple: {
    rules: ['P7', 'P8', 'P13'],
    da: '(Betalt til investor + garanti) ÷ investors kapital, nominelt. Betalt er resultatbetalingerne pr. målepunkt efter loftet og afkastloftet.',
    en: '(Paid to the investor + guarantee) ÷ the investor’s capital, nominal. Paid is the outcome payments per measurement point after the cap and the return cap.',
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
  const publicSector = new Set(input.departments.filter((d) => PUBLIC_LEVELS.has(d.level)).map((d) => d.id));
  const over = (series: Record<string, number[]>, members: ReadonlySet<string>) =>
    y.years.map((t) => Object.entries(series).reduce((sum, [id, s]) => sum + (members.has(id) ? (s[t] ?? 0) : 0), 0));
  const guarantorLevel = input.payment.guarantorLevel ?? 'other';
  const label = (da: string, en: string) => ({ da, en });
  // P2: the schedule's two rates, or the one flat rate.
  const rates =
    input.discountMethod === 'schedule'
      ? [
          {
            label: label('Diskonteringsrente år 1–35', 'Discount rate, years 1–35'),
            value: scheduleRate(1),
            kind: 'percent' as const,
          },
          {
            label: label('Diskonteringsrente år 36–50', 'Discount rate, years 36–50'),
            value: scheduleRate(36),
            kind: 'percent' as const,
          },
        ]
      : [
          {
            label: label('Diskonteringsrente (fast)', 'Discount rate (flat)'),
            value: input.discountRate,
            kind: 'percent' as const,
          },
        ];
  const common = [
    ...rates,
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
    discountRateUsed: yearlyRates(input, y.years.length),
    publicSectorValue: over(y.valueByDepartment, publicSector),
    publicSectorPayments: over(y.paymentsByPayer, publicSector),
    authorityGuarantee: guarantorLevel === 'municipal' ? y.guarantee : y.years.map(() => 0),
    publicGuarantee: PUBLIC_LEVELS.has(guarantorLevel) ? y.guarantee : y.years.map(() => 0),
    discountedNet: y.authorityNet.map((net, t) => net * (y.discountFactor[t] ?? 1)),
  };
  const build = (columns: Column[], inputs: Explanation['inputs']): Explanation => ({
    figure,
    rules: FORMULAS[figure].rules,
    formula: { da: FORMULAS[figure].da, en: FORMULAS[figure].en },
    inputs,
    columns: columns.map((c) =>
      c.key in OWN_COLUMN_LABELS ? { ...c, label: OWN_COLUMN_LABELS[c.key as ExplanationOwnColumn] } : c,
    ),
    rows: y.years.map((t) => ({ year: t, values: columns.map((c) => series[c.key]?.[t] ?? 0) })),
  });
  const money = (key: Column['key']): Column => ({ key, kind: 'money' });
  // P2: the rate used in each year and the factor it gives.
  const discounting: Column[] = [
    { key: 'discountRateUsed', kind: 'percent' },
    { key: 'discountFactor', kind: 'decimal' },
  ];
  switch (figure) {
    case 'authorityNpv':
      return build(
        [
          money('municipalValue'),
          money('municipalPayments'),
          money('unallocated'),
          money('ownFunding'),
          money('authorityGuarantee'),
          money('authorityNet'),
          ...discounting,
          money('discountedNet'),
        ],
        [...common, funding],
      );
    case 'publicSectorNpv':
      return build(
        [
          money('publicSectorValue'),
          money('publicSectorPayments'),
          money('unallocated'),
          money('ownFunding'),
          money('publicGuarantee'),
          money('publicSectorNet'),
          ...discounting,
        ],
        [...common, funding],
      );
    case 'breakEvenYear':
      return build(
        [money('authorityNet'), ...discounting, money('discountedNet'), money('authorityCumulativeDiscounted')],
        common,
      );
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
      return build([money('publicValue'), money('interventionCost'), ...discounting], common);
  }
}
