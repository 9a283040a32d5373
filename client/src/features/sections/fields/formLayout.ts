import { FIELD_GROUPS, type FieldLayout, type RegisteredField } from '@caseroom/shared';

/** A grid row of fields that share a column count (`undefined`: one field, full width). */
export type FormRow = { columns: FieldLayout['columns']; fields: RegisteredField[] };

/** A run of rows under one group heading (`undefined`: no heading). */
export type FormBlock = { group: string | undefined; rows: FormRow[] };

/**
 * How a container's form is laid out, from the registry's layout hints alone: fields without a
 * group first, then one block per group in FIELD_GROUPS order (a group FIELD_GROUPS does not
 * know comes after, in the order it first appears); within a block, registry order, and
 * neighbours with the same `columns` share one grid row. Workshop state the server writes
 * (`facts.phase`) is not a form field.
 */
export function formBlocks(fields: readonly RegisteredField[]): FormBlock[] {
  const shown = fields.filter((field) => !(field.kind === 'number' && field.workshopState));
  const known = Object.keys(FIELD_GROUPS);
  // Array#sort never hands `undefined` to the comparator (it goes last), so rank keys instead.
  const groups = [...new Set(shown.map((field) => field.layout?.group ?? NO_GROUP))].sort(
    (a, b) => groupRank(a, known) - groupRank(b, known),
  );
  return groups.map((group) => ({
    group: group === NO_GROUP ? undefined : group,
    rows: rowsOf(shown.filter((field) => (field.layout?.group ?? NO_GROUP) === group)),
  }));
}

const NO_GROUP = '';

function groupRank(group: string, known: string[]): number {
  if (group === NO_GROUP) return -1;
  const index = known.indexOf(group);
  return index < 0 ? known.length : index;
}

/** Kinds that are a group of inputs or a text area of their own: always a full-width row (their `columns` is their inner grid's). */
const WIDE_KINDS: ReadonlySet<RegisteredField['kind']> = new Set([
  'richText',
  'reference',
  'numberRecord',
  'cohorts',
  'measurementPoints',
]);

function rowsOf(fields: RegisteredField[]): FormRow[] {
  const rows: FormRow[] = [];
  for (const field of fields) {
    const wide = WIDE_KINDS.has(field.kind) || field.layout?.multiline === true;
    const columns = wide ? undefined : field.layout?.columns;
    const last = rows.at(-1);
    if (last && columns !== undefined && last.columns === columns) last.fields.push(field);
    else rows.push({ columns, fields: [field] });
  }
  return rows;
}

/** The class of a grid row with this many columns. */
export function gridClass(columns: FieldLayout['columns']): string | undefined {
  return columns === 2 ? 'form-grid two' : columns === 3 ? 'form-grid three' : undefined;
}
