import { formatDanish, type NumberKind } from '../format/danishNumber.ts';
import { fieldLabel, type Language } from '../validation/labels.ts';
import type { ModelChange } from './diffModels.ts';

/** How each numeric field's value reads (unlisted numbers read as plain decimals). */
const NUMBER_KINDS: Record<string, NumberKind> = {
  'facts.discountRate': 'percent',
  'facts.horizonYears': 'years',
  'facts.priceYear': 'count',
  'facts.startYear': 'count',
  'targetGroup.eligiblePopulation': 'count',
  'targetGroup.intake': 'count',
  'intervention.costPerParticipant': 'money',
  'intervention.fixedCostPerYear': 'money',
  'intervention.durationYears': 'years',
  'outcome.baselineRate': 'percent',
  'outcome.expectedRate': 'percent',
  'outcome.attribution': 'percent',
  'outcome.persistence': 'percent',
  'outcome.lagYears': 'years',
  'outcome.durationYears': 'years',
  'outcome.valuePerDepartment': 'money',
  'outcome.pricePerOutcome': 'money',
  'paymentModel.payerShares': 'percent',
  'paymentModel.investorFundedShare': 'percent',
  'paymentModel.paymentCap': 'money',
  'paymentModel.returnCap': 'percent',
  'paymentModel.guaranteeAmount': 'money',
  'evaluation.contractYears': 'years',
};

const LIST_NAMES: Record<string, readonly [string, string]> = {
  department: ['Forvaltning', 'Department'],
  intervention: ['Indsats', 'Intervention'],
  outcome: ['Resultatmål', 'Outcome'],
  signatory: ['Underskriver', 'Signatory'],
};

const WORDS = {
  da: {
    added: 'tilføjet',
    removed: 'fjernet',
    reordered: 'ny rækkefølge',
    textEdited: 'teksten er ændret',
    empty: 'tom',
  },
  en: { added: 'added', removed: 'removed', reordered: 'new order', textEdited: 'the text was edited', empty: 'empty' },
} as const;

/**
 * A change as one readable line, e.g. `Resultatmål »Job«: Forventet andel med indsats 40 % →
 * 41 %`. `departmentName` turns a department id (values per department, payer shares) into
 * its name.
 */
export function describeChange(
  change: ModelChange,
  lang: Language,
  departmentName: (id: string) => string = (id) => id,
): string {
  const words = WORDS[lang];
  const i = lang === 'da' ? 0 : 1;
  switch (change.kind) {
    case 'itemAdded':
    case 'itemRemoved':
      return `${LIST_NAMES[change.list]?.[i] ?? change.list} »${change.item}« ${change.kind === 'itemAdded' ? words.added : words.removed}`;
    case 'reordered':
      return `${LIST_NAMES[change.list]?.[i] ?? change.list}: ${words.reordered}`;
    case 'text':
      return `${subject(change.item, lang)}${fieldLabel(change.labelKey, lang)}: ${words.textEdited}`;
    case 'field': {
      const kind = NUMBER_KINDS[change.labelKey];
      const show = (value: unknown) =>
        value === undefined || value === ''
          ? words.empty
          : typeof value === 'number'
            ? formatDanish(value, kind ?? 'decimal', { years: lang === 'da' ? 'år' : 'years' })
            : Array.isArray(value)
              ? `${value.length}`
              : String(value);
      const detailName =
        change.labelKey === 'targetGroup.intake'
          ? `${lang === 'da' ? 'år' : 'year'} ${change.detail}`
          : change.detail && departmentName(change.detail);
      const detail = detailName ? ` (${detailName})` : '';
      return `${subject(change.item, lang)}${fieldLabel(change.labelKey, lang)}${detail}: ${show(change.before)} → ${show(change.after)}`;
    }
  }
}

function subject(item: string | undefined, _lang: Language): string {
  return item ? `»${item}«: ` : '';
}
