import type { Language } from '../fields/language.ts';
import { allFields, type FieldKey } from '../fields/registry.ts';

export { LANGUAGES, type Language } from '../fields/language.ts';

/**
 * Names of what is not a single field — lists, nested maps, source notes, order keys,
 * scenario words — for findings, import errors and change descriptions. Fields take theirs
 * from the registry (shared/src/fields).
 */
const NON_FIELD_LABELS = {
  'facts.partners': ['Parter', 'Partners'],
  'facts.departments': ['Forvaltninger', 'Departments'],
  'facts.sources': ['Kildenoter', 'Source notes'],
  'department.order': ['Rækkefølge', 'Order'],
  'targetGroup.sources': ['Kildenoter', 'Source notes'],
  'intake.participants': ['Deltagere', 'Participants'],
  'intake.year': ['År', 'Year'],
  'interventions.candidates': ['Indsatser', 'Interventions'],
  'intervention.order': ['Rækkefølge', 'Order'],
  'intervention.sources': ['Kildenoter', 'Source notes'],
  outcomes: ['Resultatmål', 'Outcome targets'],
  'outcome.order': ['Rækkefølge', 'Order'],
  'outcome.sources': ['Kildenoter', 'Source notes'],
  'outcome.pointPrice': ['Pris ved et målepunkt', 'Price at a measurement point'],
  'paymentModel.scenarios': ['Scenarieintervaller', 'Scenario ranges'],
  'paymentModel.sources': ['Kildenoter', 'Source notes'],
  'scenario.effect': ['effekt', 'effect'],
  'scenario.cost': ['omkostninger', 'cost'],
  'scenario.persistence': ['fastholdelse', 'persistence'],
  'scenario.low': ['lav', 'low'],
  'scenario.high': ['høj', 'high'],
  'evaluation.signatories': ['Underskrivere', 'Signatories'],
  'signatory.order': ['Rækkefølge', 'Order'],
} as const satisfies Record<string, readonly [string, string]>;

/** Every key `fieldLabel` knows: the registry's fields and the structures above. */
export type LabelKey = FieldKey | keyof typeof NON_FIELD_LABELS;

/**
 * Plain names of the model's fields and structures, in Danish and English, for findings and
 * forms. Keys are `<section or item kind>.<field>`; a field's name out of its form's context
 * comes from the registry.
 */
export const FIELD_LABELS = {
  ...Object.fromEntries(
    allFields().map((field) => [
      field.labelKey,
      [field.da.name ?? field.da.label, field.en.name ?? field.en.label] as const,
    ]),
  ),
  ...NON_FIELD_LABELS,
} as Readonly<Record<LabelKey, readonly [string, string]>>;

/** A field's plain name in the language; the key itself when there is none. */
export function fieldLabel(key: string, lang: Language): string {
  const entry = (FIELD_LABELS as Partial<Record<string, readonly [string, string]>>)[key];
  if (entry) return entry[lang === 'da' ? 0 : 1];
  // One end of a scenario range (`paymentModel.scenarios.effect.low`): "Scenarieintervaller: effekt, lav".
  const range = /^paymentModel\.scenarios\.(effect|cost|persistence)(?:\.(low|high))?$/.exec(key);
  if (range) {
    const [, input, end] = range;
    const parts = [fieldLabel(`scenario.${input}`, lang), ...(end ? [fieldLabel(`scenario.${end}`, lang)] : [])];
    return `${fieldLabel('paymentModel.scenarios', lang)}: ${parts.join(', ')}`;
  }
  return key;
}
