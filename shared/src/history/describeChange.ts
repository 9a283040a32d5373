import { choiceName, fieldSpec } from '../fields/registry.ts';
import { formatDanish } from '../format/danishNumber.ts';
import { fieldLabel, type Language } from '../validation/labels.ts';
import type { ModelChange } from './diffModels.ts';

/** How a number of a field reads: its unit from the registry (a number of no field reads as a plain decimal). */
export function formatFieldNumber(labelKey: string, value: number, lang: Language): string {
  const field = fieldSpec(labelKey);
  const unit = field && 'unit' in field ? field.unit : 'decimal';
  // A calendar year is a name, not an amount: 2024, never 2.024.
  if (unit === 'calendarYear') return String(value);
  return formatDanish(value, unit, { years: lang === 'da' ? 'år' : 'years' });
}

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
 * 41 %`. `departmentName` turns the key of a map field's entry — a department id (values per
 * department, payer shares) or an outcome id (a candidate's expected rates) — into its name.
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
      const show = (value: unknown) =>
        value === undefined || value === ''
          ? words.empty
          : typeof value === 'number'
            ? formatFieldNumber(change.labelKey, value, lang)
            : Array.isArray(value)
              ? `${value.length}`
              : (choiceName(change.labelKey, String(value), lang) ?? String(value));
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
