import type { SectionName } from '../model/caseModel.ts';
import type { ItemKind } from '../ydoc/layout.ts';
import { EVALUATION_FIELDS, SIGNATORY_FIELDS } from './evaluation.ts';
import { DEPARTMENT_FIELDS, FACTS_FIELDS, PARTNERS_FIELDS } from './facts.ts';
import { INTERVENTION_FIELDS, INTERVENTIONS_FIELDS } from './interventions.ts';
import type { FieldSpec, FieldTexts } from './kinds.ts';
import type { Language } from './language.ts';
import { OUTCOME_FIELDS } from './outcome.ts';
import { PAYMENT_MODEL_FIELDS } from './paymentModel.ts';
import { PROBLEM_FIELDS, TARGET_GROUP_FIELDS } from './targetGroup.ts';

/**
 * Where a container's fields live in the document: a section's map, a map nested in a section
 * (the partners), or each item of a list.
 */
export type FieldHolder = { section: SectionName; map?: string } | { list: ItemKind };

/**
 * Every field of the case model, once, per container. A container is a section, a map inside
 * one (`facts.partners`) or a list's item kind; a field's label key is `<container>.<field>`
 * (`outcome.expectedRate`), as findings and forms use it. The model's zod schemas, the
 * document's reading and writing, labels, change descriptions and bounds are derived from here.
 */
export const CONTAINERS = {
  facts: { holder: { section: 'facts' }, fields: FACTS_FIELDS },
  'facts.partners': { holder: { section: 'facts', map: 'partners' }, fields: PARTNERS_FIELDS },
  department: { holder: { list: 'department' }, fields: DEPARTMENT_FIELDS },
  problem: { holder: { section: 'problem' }, fields: PROBLEM_FIELDS },
  targetGroup: { holder: { section: 'targetGroup' }, fields: TARGET_GROUP_FIELDS },
  interventions: { holder: { section: 'interventions' }, fields: INTERVENTIONS_FIELDS },
  intervention: { holder: { list: 'intervention' }, fields: INTERVENTION_FIELDS },
  outcome: { holder: { list: 'outcome' }, fields: OUTCOME_FIELDS },
  paymentModel: { holder: { section: 'paymentModel' }, fields: PAYMENT_MODEL_FIELDS },
  evaluation: { holder: { section: 'evaluation' }, fields: EVALUATION_FIELDS },
  signatory: { holder: { list: 'signatory' }, fields: SIGNATORY_FIELDS },
} as const satisfies Record<string, { holder: FieldHolder; fields: Record<string, FieldSpec> }>;
export type Container = keyof typeof CONTAINERS;

/** Every field's label key, `<container>.<field>`, as a type. */
export type FieldKey = {
  [C in Container]: `${C}.${keyof (typeof CONTAINERS)[C]['fields'] & string}`;
}[Container];

/** A field with where it is registered. */
export type RegisteredField = FieldSpec & {
  container: Container;
  /** Its key in the container's Y.Map (and in the model object). */
  key: string;
  /** `<container>.<field>`: how labels, findings and change descriptions name it. */
  labelKey: FieldKey;
};

const registered: RegisteredField[] = Object.entries(CONTAINERS).flatMap(([container, { fields }]) =>
  Object.entries(fields as Record<string, FieldSpec>).map(([key, spec]) => ({
    ...spec,
    container: container as Container,
    key,
    labelKey: `${container}.${key}` as FieldKey,
  })),
);
const byLabelKey = new Map<string, RegisteredField>(registered.map((field) => [field.labelKey, field]));
const byContainer = new Map<Container, RegisteredField[]>(
  (Object.keys(CONTAINERS) as Container[]).map((c) => [c, registered.filter((field) => field.container === c)]),
);

/** Every field, container by container, in form order. */
export function allFields(): readonly RegisteredField[] {
  return registered;
}

/** A container's fields in form order. */
export function fieldsOf(container: Container): readonly RegisteredField[] {
  return byContainer.get(container) ?? [];
}

/** The field with this label key (`outcome.expectedRate`), if it is one. */
export function fieldSpec(labelKey: string): RegisteredField | undefined {
  return byLabelKey.get(labelKey);
}

/** Where a container's fields live in the document. */
export function holderOf(container: Container): FieldHolder {
  return CONTAINERS[container].holder;
}

/** A field's form label, help and out-of-context name in the language (the name falls back to the label). */
export function fieldTexts(labelKey: string, lang: Language): Required<Omit<FieldTexts, 'help'>> & { help?: string } {
  const texts = byLabelKey.get(labelKey)?.[lang];
  if (!texts) return { label: labelKey, name: labelKey };
  return { label: texts.label, name: texts.name ?? texts.label, help: texts.help };
}

/** A choice option's name in the language; undefined for a field that is no choice or a value that is no option. */
export function choiceName(labelKey: string, value: string, lang: Language): string | undefined {
  const field = byLabelKey.get(labelKey);
  if (field?.kind !== 'choice' || !Object.hasOwn(field.names, value)) return undefined;
  return field.names[value]?.[lang];
}

/**
 * Whether a field is left out (of the form and the report) because a sibling in its container
 * holds the value of its `hiddenWhen` hint — the flat rate under the Danish schedule. The XLSX
 * keeps every input: its formulas read them.
 */
export function fieldHidden(field: RegisteredField, siblingValue: (key: string) => unknown): boolean {
  const when = field.layout?.hiddenWhen;
  return when !== undefined && siblingValue(when.field) === when.is;
}
