import type { Language } from '../fields/language.ts';
import { decimal, money, percent } from '../format/figureFormat.ts';

/**
 * The headline figures of the business case, once: each figure's name, the form its value takes
 * and a one-sentence explanation, in Danish and English. The panel, the PDF report and the XLSX
 * workbook all name, write and explain a figure from here, so a figure reads the same on the
 * projector, on paper and in the spreadsheet (break-even is a calendar year everywhere).
 */

/** The form a figure's value takes: an amount, a share, a calendar year, a factor, a multiple, yes or no. */
export type FigureForm = 'money' | 'percent' | 'calendarYear' | 'ratio' | 'multiple' | 'yesNo';

/** A figure's words in one language. */
export type FigureTexts = { name: string; explanation: string };

/** One headline figure. */
export type HeadlineFigureSpec = { form: FigureForm; da: FigureTexts; en: FigureTexts };

export const HEADLINE_FIGURES = {
  authorityNpv: {
    form: 'money',
    da: {
      name: 'Kommunens nettonutidsværdi',
      explanation: 'Kommunens gevinster minus dens udgifter over hele horisonten, omregnet til værdien i dag.',
    },
    en: {
      name: 'Authority NPV',
      explanation: 'The authority’s gains minus its costs over the whole horizon, in today’s value.',
    },
  },
  publicSectorNpv: {
    form: 'money',
    da: {
      name: 'Hele den offentlige sektor (NNV)',
      explanation: 'Den samme nettonutidsværdi for hele den offentlige sektor: kommune, region og stat.',
    },
    en: {
      name: 'Public sector NPV',
      explanation: 'The same net present value for the whole public sector: municipality, region and state.',
    },
  },
  investorNpv: {
    form: 'money',
    da: {
      name: 'Investors nutidsværdi',
      explanation: 'Investors udbetalinger og garanti minus den kapital, investor lægger ud, i dagens værdi.',
    },
    en: {
      name: 'Investor NPV',
      explanation: 'What the investor is paid, guarantee included, minus the capital put in, in today’s value.',
    },
  },
  publicValuePv: {
    form: 'money',
    da: {
      name: 'Nutidsværdi af offentlig værdi',
      explanation: 'Værdien af alle opnåede ekstra resultater for det offentlige, i dagens værdi.',
    },
    en: {
      name: 'Public value (PV)',
      explanation: 'The value of every additional outcome achieved to the public sector, in today’s value.',
    },
  },
  interventionCostPv: {
    form: 'money',
    da: {
      name: 'Nutidsværdi af indsatsens omkostninger',
      explanation: 'Hvad indsatsen koster over hele horisonten, i dagens værdi.',
    },
    en: {
      name: 'Intervention cost (PV)',
      explanation: 'What the intervention costs over the whole horizon, in today’s value.',
    },
  },
  breakEvenYear: {
    form: 'calendarYear',
    da: {
      name: 'Break-even år',
      explanation: 'Det første år, hvorfra kommunens akkumulerede nutidsværdi forbliver positiv.',
    },
    en: {
      name: 'Break-even year',
      explanation: 'The first year from which the authority’s cumulative present value stays positive.',
    },
  },
  benefitCostRatio: {
    form: 'ratio',
    da: {
      name: 'Gevinst / omkostning (BCR)',
      explanation: 'Hvor mange kroners offentlig værdi hver krone af indsatsen giver, i nutidsværdi.',
    },
    en: {
      name: 'Benefit-cost ratio',
      explanation: 'How many kroner of public value each krone spent on the intervention gives, in present value.',
    },
  },
  investorIrr: {
    form: 'percent',
    da: {
      name: 'Investors afkast (IRR)',
      explanation: 'Den årlige rente, investors kapital forrentes med (intern rente).',
    },
    en: {
      name: 'Investor IRR',
      explanation: 'The yearly return the investor’s capital earns (internal rate of return).',
    },
  },
  investorMultiple: {
    form: 'multiple',
    da: {
      name: 'Investors pengemultipel',
      explanation: 'Hvor mange gange investor får sin kapital tilbage, garanti medregnet.',
    },
    en: {
      name: 'Investor money multiple',
      explanation: 'How many times over the investor gets the capital back, guarantee included.',
    },
  },
  investorNet: {
    form: 'money',
    da: {
      name: 'Investors nominelle netto',
      explanation: 'Alt, investor får, minus alt, investor lægger ud, uden diskontering.',
    },
    en: {
      name: 'Investor net (nominal)',
      explanation: 'Everything the investor gets minus everything the investor puts in, undiscounted.',
    },
  },
  investorLosesMoney: {
    form: 'yesNo',
    da: { name: 'Investor taber penge', explanation: 'Om investor får mindre tilbage, end investor lægger ud.' },
    en: { name: 'Investor loses money', explanation: 'Whether the investor gets back less than was put in.' },
  },
  capital: {
    form: 'money',
    da: { name: 'Investors kapital', explanation: 'Den del af indsatsens udgift, investor lægger ud.' },
    en: { name: 'Investor capital', explanation: 'The part of the intervention’s cost the investor funds.' },
  },
  probabilityInvestorLoses: {
    form: 'percent',
    da: {
      name: 'Sandsynlighed for investortab',
      explanation: 'Andelen af de simulerede forløb, hvor investor får mindre tilbage, end investor lægger ud.',
    },
    en: {
      name: 'Probability of investor loss',
      explanation: 'The share of simulated runs in which the investor gets back less than was put in.',
    },
  },
  probabilityAuthorityNpvNegative: {
    form: 'percent',
    da: {
      name: 'Sandsynlighed for negativ NNV for kommunen',
      explanation: 'Andelen af de simulerede forløb, hvor kommunens nettonutidsværdi er under nul.',
    },
    en: {
      name: 'Probability of negative authority NPV',
      explanation: 'The share of simulated runs in which the authority’s net present value is below zero.',
    },
  },
} as const satisfies Record<string, HeadlineFigureSpec>;
export type HeadlineFigureKey = keyof typeof HEADLINE_FIGURES;
export const HEADLINE_FIGURE_KEYS = Object.keys(HEADLINE_FIGURES) as HeadlineFigureKey[];

/** Whether a key names a headline figure. */
export function isHeadlineFigure(key: string): key is HeadlineFigureKey {
  return Object.hasOwn(HEADLINE_FIGURES, key);
}

/** A headline figure's name and explanation in the language. */
export function headlineFigureTexts(key: HeadlineFigureKey, lang: Language): FigureTexts {
  return HEADLINE_FIGURES[key][lang];
}

/** The words a figure's value may need: no value, year n without a start year, yes, no, no IRR. */
export const FIGURE_WORDS = {
  da: { none: '–', yearOffset: (n: number) => `år ${n}`, yes: 'Ja', no: 'Nej', noIrr: 'Intet IRR' },
  en: { none: '–', yearOffset: (n: number) => `year ${n}`, yes: 'Yes', no: 'No', noIrr: 'No IRR' },
} as const;

/** How numbers are written: Danish (1.234.567 kr., 3,5 %) — the product's default in both languages — or English. */
export type Notation = 'da' | 'en';

export type FigureFormatOptions = {
  /** The language of any words (no value, year n, yes/no). */
  lang: Language;
  /** Calendar year of t = 0: a break-even offset is written as a calendar year, else "år n" / "year n". */
  startYear?: number | undefined;
  /** Number notation; Danish unless asked (docs/product.md: numbers in Danish format). */
  notation?: Notation;
};

/**
 * A headline figure's value in its form: money in kroner, a share in percent, a year offset as
 * a calendar year, a ratio with two decimals, a multiple with "×", a flag as yes/no. A missing
 * value is "–".
 */
export function formatFigure(
  key: HeadlineFigureKey,
  value: number | boolean | undefined,
  options: FigureFormatOptions,
): string {
  const words = FIGURE_WORDS[options.lang];
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return words.none;
  const form = HEADLINE_FIGURES[key].form;
  if (form === 'yesNo' || typeof value === 'boolean') return value ? words.yes : words.no;
  const notation = options.notation ?? 'da';
  switch (form) {
    case 'money':
      return notation === 'da' ? money(value) : `${english(Math.round(value), 0)} kr.`;
    case 'percent':
      return notation === 'da' ? percent(value) : `${english(value * 100, 1)} %`;
    case 'ratio':
      return decimal2(value, notation);
    case 'multiple':
      return `${decimal2(value, notation)} ×`;
    case 'calendarYear':
      return options.startYear === undefined ? words.yearOffset(value + 1) : String(options.startYear + value);
  }
}

function decimal2(value: number, notation: Notation): string {
  return notation === 'da' ? decimal(value) : english(Math.round(value * 100) / 100, 2);
}

function english(value: number, maxDigits: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: maxDigits }).format(value);
}
