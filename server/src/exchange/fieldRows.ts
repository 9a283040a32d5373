import {
  allFields,
  type CaseModelDraft,
  type Container,
  choiceName,
  type ExportRows,
  fieldTexts,
  figureFormat,
  type Language,
  type MeasurementPointDraft,
  type NumberUnit,
  PAYMENT_BASIS_NAMES,
  type RegisteredField,
  type RichText,
  richTextToPlain,
} from '@caseroom/shared';

/**
 * The case-model fields as export rows, from the field registry (shared/src/fields): which
 * fields a sheet or report section shows (`exportRows`), their labels in the reader's language,
 * their values read out of the model and written by kind and unit. A field added to the registry
 * with `exportRows` appears in the XLSX and the PDF without a change here.
 */

/** Where a field is shown: an XLSX sheet or a PDF section. */
export type ExportTarget = { xlsx: NonNullable<ExportRows['xlsx']> } | { pdf: NonNullable<ExportRows['pdf']> };

/** The containers that hold one record each (a section, the partners) and where the model keeps it. */
export const RECORD_CONTAINERS = {
  facts: (m: CaseModelDraft) => m.facts,
  'facts.partners': (m: CaseModelDraft) => m.facts.partners,
  problem: (m: CaseModelDraft) => m.problem,
  targetGroup: (m: CaseModelDraft) => m.targetGroup,
  interventions: (m: CaseModelDraft) => m.interventions,
  paymentModel: (m: CaseModelDraft) => m.paymentModel,
  evaluation: (m: CaseModelDraft) => m.evaluation,
} satisfies Partial<Record<Container, (m: CaseModelDraft) => object>>;
export type RecordContainer = keyof typeof RECORD_CONTAINERS;

/** Whether a field is shown where `target` says. */
export function shownIn(field: RegisteredField, target: ExportTarget): boolean {
  return 'xlsx' in target ? field.exportRows?.xlsx === target.xlsx : field.exportRows?.pdf === target.pdf;
}

/** The fields of `containers` shown at `target`, in registry (form) order. */
export function exportFields(target: ExportTarget, containers: readonly Container[]): RegisteredField[] {
  return allFields().filter((field) => containers.includes(field.container) && shownIn(field, target));
}

/** Every one-record container, in registry order. */
export const ALL_RECORDS = Object.keys(RECORD_CONTAINERS) as RecordContainer[];

/** A field's value in a record (a section's, an item's): whatever the model holds under its key. */
export function valueIn(record: object, field: RegisteredField): unknown {
  return (record as Record<string, unknown>)[field.key];
}

/** A field's value in the model, for a field of a one-record container. */
export function recordValue(model: CaseModelDraft, field: RegisteredField): unknown {
  const read = RECORD_CONTAINERS[field.container as RecordContainer];
  return read ? valueIn(read(model), field) : undefined;
}

/** A field's label in the language (the form's label, as the room saw it). */
export function fieldRowLabel(field: RegisteredField | string, lang: Language): string {
  return fieldTexts(typeof field === 'string' ? field : field.labelKey, lang).label;
}

/** The words values need: years, no value (a choice's names are the registry's). */
export const VALUE_WORDS = {
  da: {
    none: '–',
    years: 'år',
    persons: 'personer',
    yearOffset: (n: number) => `år ${n}`,
    /** P7: one measurement point of a rate card. */
    point: (months: string, year: number, price: string, basis: string) =>
      `${months} mdr. (år ${year}): ${price} pr. resultat – ${basis}`,
  },
  en: {
    none: '–',
    years: 'years',
    persons: 'people',
    yearOffset: (n: number) => `year ${n}`,
    point: (months: string, year: number, price: string, basis: string) =>
      `${months} months (year ${year}): ${price} per outcome – ${basis}`,
  },
} as const;

/** A choice field's option by its name in the language (its value where it has none). */
export function choiceText(labelKey: string, value: string, lang: Language): string {
  return choiceName(labelKey, value, lang) ?? value;
}

/** What a value's text needs beyond the field: the model (references, department names) and the start year. */
export type ValueContext = { model: CaseModelDraft; lang: Language };

/**
 * A field's value as text, by kind and unit, in Danish number format: 1.234 kr., 3,5 %, 4 år,
 * a calendar year, a choice's name, a reference's name, a department's values line by line.
 * Undefined when the field is empty.
 */
export function valueText(field: RegisteredField, value: unknown, ctx: ValueContext): string | undefined {
  const words = VALUE_WORDS[ctx.lang];
  const { model } = ctx;
  switch (field.kind) {
    case 'richText': {
      const text = value === undefined ? '' : richTextToPlain(value as RichText);
      return text === '' ? undefined : text;
    }
    case 'shortText':
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
    case 'reference': {
      const item = model.interventions.candidates.find((c) => c.id === value);
      return item ? (item.name ?? item.id) : undefined;
    }
    case 'choice':
      return typeof value === 'string' ? choiceText(field.labelKey, value, ctx.lang) : undefined;
    case 'number':
      return typeof value === 'number' ? numberText(field.unit, value, ctx.lang) : undefined;
    case 'numberRecord': {
      const rows = keyedRows(field, value, model).filter((row) => row.value !== undefined);
      if (rows.length === 0) return undefined;
      return rows.map((row) => `${row.name}: ${numberText(field.unit, row.value as number, ctx.lang)}`).join('\n');
    }
    case 'measurementPoints': {
      const points = (value ?? []) as MeasurementPointDraft[];
      if (points.length === 0) return undefined;
      return points
        .map((point) =>
          words.point(
            point.months === undefined ? words.none : figureFormat.count(point.months),
            point.months === undefined ? 0 : Math.floor(point.months / 12) + 1,
            point.price === undefined ? words.none : figureFormat.money(point.price),
            point.basis === undefined ? words.none : PAYMENT_BASIS_NAMES[point.basis][ctx.lang],
          ),
        )
        .join('\n');
    }
    case 'cohorts': {
      const cohorts = (value ?? []) as { year: number; participants: number }[];
      if (cohorts.length === 0) return undefined;
      const start = model.facts.startYear;
      return cohorts
        .map(
          (c) =>
            `${start === undefined ? words.yearOffset(c.year + 1) : start + c.year}: ${figureFormat.count(c.participants)}`,
        )
        .join('\n');
    }
  }
}

/** One number of a record field (a department's value, a candidate's rate on one outcome), named by its key's item. */
export type KeyedRow = { key: string; name: string; value: number | undefined };

/**
 * A number-record field's entries by what its keys are. Keyed by outcome (a candidate's expected
 * rates, P19): one row per outcome of the case, in the case's order, named by the outcome, its
 * value absent where the candidate has none ("effect not entered"), then any key the case does not
 * list. Keyed by department: the record's entries, named by the department where the case lists it.
 */
export function keyedRows(field: RegisteredField, value: unknown, model: CaseModelDraft): KeyedRow[] {
  if (field.kind !== 'numberRecord') return [];
  const record = (value ?? {}) as Record<string, number>;
  const items = field.keyedBy === 'outcome' ? model.outcomes : model.facts.departments;
  const names = new Map(items.map((item) => [item.id, item.name || item.id]));
  const listed: KeyedRow[] =
    field.keyedBy === 'outcome'
      ? model.outcomes.map((o) => ({ key: o.id, name: names.get(o.id) ?? o.id, value: own(record, o.id) }))
      : [];
  const rest = Object.keys(record)
    .filter((key) => !(field.keyedBy === 'outcome' && names.has(key)))
    .map((key) => ({ key, name: names.get(key) ?? key, value: own(record, key) }));
  return [...listed, ...rest];
}

/** A record's number under `key`, only if the record itself holds one (never an inherited property). */
function own(record: Record<string, number>, key: string): number | undefined {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof value === 'number' ? value : undefined;
}

/** The row label of one entry of a record field: the field's name and the item's ("Forventet andel med indsatsen – Ordinær beskæftigelse"). */
export function keyedRowLabel(field: RegisteredField, row: KeyedRow, lang: Language): string {
  return `${fieldTexts(field.labelKey, lang).name} – ${row.name}`;
}

/**
 * The label of a source note kept under `<record field>.<item id>` (a candidate's note on its
 * rate for one outcome, `expectedRates.<outcome id>`), as its row is labelled; undefined when
 * the key names no number-record field of `container`.
 */
export function keyedSourceLabel(
  container: Container,
  sourceKey: string,
  model: CaseModelDraft,
  lang: Language,
): string | undefined {
  const dot = sourceKey.indexOf('.');
  if (dot < 0) return undefined;
  const field = allFields().find(
    (f) => f.container === container && f.key === sourceKey.slice(0, dot) && f.kind === 'numberRecord',
  );
  if (!field) return undefined;
  const key = sourceKey.slice(dot + 1);
  const row = keyedRows(field, { [key]: 0 }, model).find((r) => r.key === key);
  return row && keyedRowLabel(field, row, lang);
}

/** A number of a unit in Danish format. */
export function numberText(unit: NumberUnit, value: number, lang: Language): string {
  const words = VALUE_WORDS[lang];
  switch (unit) {
    case 'money':
      return figureFormat.money(value);
    case 'percent':
      return figureFormat.percent(value);
    case 'years':
      return `${figureFormat.count(value)} ${words.years}`;
    case 'count':
      return figureFormat.count(value);
    case 'calendarYear':
      return String(value);
    case 'decimal':
      return figureFormat.decimal(value);
  }
}
