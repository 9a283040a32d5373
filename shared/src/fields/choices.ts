import type { Language } from './language.ts';

/**
 * The fixed choices of the model's choice fields, each option with its name in Danish and
 * English (the form, change lines, offline notices and both exports read them from here). They
 * live beside the registry (not in `model/`) because the model's schemas are derived from the
 * registry; `model/` re-exports them.
 */

/** Each option's name in every language; the type checker holds it to the option list. */
export type ChoiceNames<T extends string> = Readonly<Record<T, Readonly<Record<Language, string>>>>;

/** Where a department sits; only municipal departments make up "the authority" (P12). */
export const DEPARTMENT_LEVELS = ['municipal', 'regional', 'state', 'other'] as const;
export const DEPARTMENT_LEVEL_NAMES: ChoiceNames<(typeof DEPARTMENT_LEVELS)[number]> = {
  municipal: { da: 'Kommunal', en: 'Municipal' },
  regional: { da: 'Regional', en: 'Regional' },
  state: { da: 'Statslig', en: 'State' },
  other: { da: 'Anden', en: 'Other' },
};

/** How well the intervention's effect is documented. */
export const EVIDENCE_LEVELS = ['strong', 'moderate', 'emerging', 'none'] as const;
export const EVIDENCE_LEVEL_NAMES: ChoiceNames<(typeof EVIDENCE_LEVELS)[number]> = {
  strong: { da: 'Stærk', en: 'Strong' },
  moderate: { da: 'Moderat', en: 'Moderate' },
  emerging: { da: 'Lovende, men begrænset', en: 'Promising but limited' },
  none: { da: 'Ingen', en: 'None' },
};

/**
 * P2: how future amounts are discounted — the Danish schedule (3.5 % for years 1–35, 2.5 % for
 * years 36–50) or one flat rate. A case without a method (stored before it existed) uses its
 * rate as a flat rate.
 */
export const DISCOUNT_METHODS = ['schedule', 'flat'] as const;
export const DISCOUNT_METHOD_NAMES: ChoiceNames<(typeof DISCOUNT_METHODS)[number]> = {
  schedule: {
    da: 'Finansministeriets skema: 3,5 % år 1–35, 2,5 % år 36–50',
    en: 'The Danish schedule: 3.5 % in years 1–35, 2.5 % in years 36–50',
  },
  flat: { da: 'Én fast rente', en: 'One flat rate' },
};

/** Whether a higher or a lower measured value is the improvement. */
export const DIRECTIONS = ['higher', 'lower'] as const;
export const DIRECTION_NAMES: ChoiceNames<(typeof DIRECTIONS)[number]> = {
  higher: { da: 'Højere er bedre', en: 'Higher is better' },
  lower: { da: 'Lavere er bedre', en: 'Lower is better' },
};

/** P7: pay for every achieved outcome, or only for those above the baseline. */
export const PAYMENT_BASES = ['all', 'additional'] as const;
export const PAYMENT_BASIS_NAMES: ChoiceNames<(typeof PAYMENT_BASES)[number]> = {
  all: { da: 'Alle opnåede resultater', en: 'All achieved outcomes' },
  additional: { da: 'Kun resultater ud over basisniveauet', en: 'Only outcomes above the baseline' },
};

/** How the effect is measured against what would have happened anyway. */
export const EVALUATION_DESIGNS = ['comparisonGroup', 'historicalBaseline', 'randomised'] as const;
export const EVALUATION_DESIGN_NAMES: ChoiceNames<(typeof EVALUATION_DESIGNS)[number]> = {
  comparisonGroup: { da: 'Sammenligningsgruppe', en: 'Comparison group' },
  historicalBaseline: { da: 'Historisk basislinje', en: 'Historical baseline' },
  randomised: { da: 'Lodtrækningsforsøg', en: 'Randomised trial' },
};
