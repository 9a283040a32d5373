import { z } from 'zod';
import type { NumberKind } from '../format/danishNumber.ts';
import { Cohorts, CohortsDraft } from '../model/intake.ts';
import { MeasurementPoints, MeasurementPointsDraft } from '../model/measurementPoint.ts';
import { FiniteNumber, Id, RichText } from '../model/primitives.ts';
import type { ChoiceNames } from './choices.ts';

/**
 * What a field is, once: each kind constructor carries the field's zod schemas (a draft's and a
 * complete case's), so the model's object shapes are derived from the registry and cannot
 * drift from it (`draftShape`, `completeShape`).
 */

/** How a number is entered, shown and described: a share, an amount, a duration, a head count, a calendar year or a factor. */
export type NumberUnit = 'percent' | 'money' | 'years' | 'count' | 'calendarYear' | 'decimal';

/** A field's words in one language: the form's label and help, and its name out of context (findings, change descriptions). */
export type FieldTexts = { label: string; help?: string; name?: string };

/** Where a field sits in its section's form (the later generic form reads these). */
export type FieldLayout = {
  /** The subgroup heading it sits under (see FIELD_GROUPS), if any. */
  group?: string;
  /** Columns of the grid row it shares with its neighbours. */
  columns?: 1 | 2 | 3;
  /** A short text shown as a few lines (a definition) instead of one. */
  multiline?: boolean;
  /** Left out of the form while a sibling field of its container holds this value (the flat rate under the schedule). */
  hiddenWhen?: { field: string; is: string };
};

/** Where a field appears as a row in the exports: the XLSX sheet and the PDF section. */
export type ExportRows = {
  xlsx?: 'case' | 'inputs';
  pdf?: 'summary' | 'assumptions' | 'case' | 'outcomes' | 'paymentModel' | 'evaluation';
};

/** What every field declares besides its kind. */
export type FieldOptions = {
  da: FieldTexts;
  en: FieldTexts;
  /** Takes a "where does this come from?" note, kept in its container's `sources` map under the field key. */
  sourceNote?: boolean;
  layout?: FieldLayout;
  exportRows?: ExportRows;
};

type Spec<K extends string, D extends z.ZodType, C extends z.ZodType> = FieldOptions & {
  kind: K;
  /** What a draft (any document at any moment) holds. */
  draft: D;
  /** What a complete case holds. */
  complete: C;
};

/** Prose: a Y.XmlFragment edited with Tiptap. */
export type RichTextSpec = Spec<'richText', typeof RichText, typeof RichText>;
/** A short text (a name, a definition) of at most `maxChars` characters. */
export type ShortTextSpec = Spec<'shortText', z.ZodOptional<z.ZodString>, z.ZodType> & {
  maxChars: number;
  /** A code (the currency), kept as a plain string: not merged character by character, not a Y.Text. */
  plain?: boolean;
};
/** The id of an item of a list (the chosen intervention); never merged character by character. */
export type ReferenceSpec = Spec<'reference', z.ZodOptional<typeof Id>, z.ZodType> & {
  to: 'intervention';
  maxChars: number;
};
/** One number with its unit. */
export type NumberSpec = Spec<'number', z.ZodOptional<typeof FiniteNumber>, z.ZodType> & {
  unit: NumberUnit;
  /** Workshop state the server writes (W1): read from the workshop record first, never restored. */
  workshopState?: boolean;
  /**
   * P19: not kept in its item but read from the chosen candidate's numbers of this name, keyed by
   * the item's id (an outcome's expected rate is the chosen candidate's `expectedRates[outcome]`).
   * Editing it edits that candidate's; the item's own key is never written.
   */
  ofChosenCandidate?: 'expectedRates';
};
/** One of a fixed set of values, each with its name in every language. */
export type ChoiceSpec = Spec<'choice', z.ZodOptional<z.ZodType<string>>, z.ZodType> & {
  choices: readonly string[];
  names: ChoiceNames<string>;
};
/** Numbers keyed by department id (values per department, payer shares). */
export type NumberRecordSpec = Spec<'numberRecord', z.ZodType<Record<string, number>>, z.ZodType> & {
  unit: NumberUnit;
  /** What the keys are: department ids (values, payer shares) or outcome ids (a candidate's expected rates, P19). */
  keyedBy: 'department' | 'outcome';
  /**
   * Issue 15: each key's number has a source note of its own, kept under `<field>.<key>` (an
   * outcome's value per department taken from the library carries that library entry's source).
   */
  notePerEntry?: boolean;
};
/** Participants starting per year (the intake map: year offset → participants). */
export type CohortsSpec = Spec<'cohorts', typeof CohortsDraft, typeof Cohorts> & { unit: 'count' };

/**
 * P7: an outcome's rate card — one to twelve measurement points (months after intake, price,
 * basis), kept as a map point id → map of scalars (ydoc/measurementPoints.ts).
 */
export type MeasurementPointsSpec = Spec<'measurementPoints', typeof MeasurementPointsDraft, typeof MeasurementPoints>;

/** Any field of the case model. */
export type FieldSpec =
  | RichTextSpec
  | ShortTextSpec
  | ReferenceSpec
  | NumberSpec
  | ChoiceSpec
  | NumberRecordSpec
  | CohortsSpec
  | MeasurementPointsSpec;
export type FieldKind = FieldSpec['kind'];

/** The longest short text unless a field says less. */
export const DEFAULT_SHORT_TEXT_CHARS = 2_000;

export function richText(options: FieldOptions): RichTextSpec {
  return { kind: 'richText', draft: RichText, complete: RichText, ...options };
}

/** A short text; `required` ones must be filled in a complete case. */
export function shortText<R extends boolean = false>(
  options: FieldOptions & { required?: R; maxChars?: number; plain?: boolean },
): Omit<ShortTextSpec, 'complete'> & {
  complete: R extends true ? z.ZodString : z.ZodOptional<z.ZodString>;
} {
  const { required, maxChars = DEFAULT_SHORT_TEXT_CHARS, ...rest } = options;
  const complete = required ? z.string().min(1) : z.string().optional();
  return { kind: 'shortText', draft: z.string().optional(), complete: complete as never, maxChars, ...rest };
}

export function reference(to: 'intervention', options: FieldOptions): ReferenceSpec & { complete: typeof Id } {
  return { kind: 'reference', to, draft: Id.optional(), complete: Id, maxChars: 64, ...options };
}

/** A number; `complete` says what a complete case holds (a rate in [0, 1], whole years, …). */
export function number<C extends z.ZodType>(
  unit: NumberUnit,
  complete: C,
  options: FieldOptions & Pick<NumberSpec, 'workshopState' | 'ofChosenCandidate'>,
): NumberSpec & { complete: C } {
  return { kind: 'number', unit, draft: FiniteNumber.optional(), complete, ...options };
}

/**
 * A choice among `choices` (named by `names`), required in a complete case unless `optional`
 * (then absent has a meaning of its own, e.g. a stored case's flat discount rate).
 */
export function choice<const T extends readonly [string, ...string[]], O extends boolean = false>(
  choices: T,
  names: ChoiceNames<T[number]>,
  options: FieldOptions & { optional?: O },
): ChoiceSpec & {
  draft: z.ZodOptional<z.ZodEnum<{ [K in T[number]]: K }>>;
  complete: O extends true ? z.ZodOptional<z.ZodEnum<{ [K in T[number]]: K }>> : z.ZodEnum<{ [K in T[number]]: K }>;
} {
  const { optional, ...rest } = options;
  const schema = z.enum(choices);
  const complete = optional ? schema.optional() : schema;
  return { kind: 'choice', choices, names, draft: schema.optional(), complete: complete as never, ...rest };
}

/** Numbers per department (or per outcome); `value` says what each holds in a complete case. */
export function numberRecord<C extends z.ZodType<number>>(
  unit: NumberUnit,
  value: C,
  options: FieldOptions & Pick<NumberRecordSpec, 'notePerEntry'> & { keyedBy?: NumberRecordSpec['keyedBy'] },
): NumberRecordSpec & { draft: z.ZodRecord<z.ZodString, typeof FiniteNumber>; complete: z.ZodRecord<z.ZodString, C> } {
  const { keyedBy = 'department', ...rest } = options;
  return {
    kind: 'numberRecord',
    unit,
    keyedBy,
    draft: z.record(z.string(), FiniteNumber),
    complete: z.record(z.string(), value),
    ...rest,
  };
}

export function measurementPoints(options: FieldOptions): MeasurementPointsSpec {
  return { kind: 'measurementPoints', draft: MeasurementPointsDraft, complete: MeasurementPoints, ...options };
}

export function cohorts(options: FieldOptions): CohortsSpec {
  return { kind: 'cohorts', unit: 'count', draft: CohortsDraft, complete: Cohorts, ...options };
}

/** How a number of this unit reads in a change description (`formatDanish`'s kind); a calendar year reads as itself. */
export function numberKindOf(unit: NumberUnit): NumberKind | 'calendarYear' {
  return unit;
}
