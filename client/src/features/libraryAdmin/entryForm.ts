import {
  DEPARTMENT_LEVELS,
  type DepartmentLevel,
  formatDanish,
  formatForInput,
  LIBRARY_BOUNDS,
  type LibraryEntry,
  LibraryEntryFields,
  type NumberError,
  parseDanishNumber,
} from '@caseroom/shared';

/**
 * The library page's entry form as pure data (issue 15, docs/library.md): what the person typed
 * (strings, Danish numbers and dates), the request body it makes, and why a field is refused —
 * checked against the same bounds (`LIBRARY_BOUNDS`) and, last, the same schema
 * (`LibraryEntryFields`) the server parses, so the two cannot disagree.
 */

/** What the form holds: every field as typed. */
export type EntryDraft = {
  name: string;
  level: DepartmentLevel;
  valuePerYear: string;
  unit: string;
  priceYear: string;
  sourceText: string;
  sourceLink: string;
  sourceDate: string;
  validFrom: string;
};

/** The form's fields, in the order they are shown and checked. */
export const ENTRY_FIELDS = [
  'name',
  'level',
  'valuePerYear',
  'unit',
  'priceYear',
  'sourceText',
  'sourceLink',
  'sourceDate',
  'validFrom',
] as const satisfies readonly (keyof EntryDraft)[];
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** Why a field is refused; each has a message in the catalogue (`libraryAdmin.errors`). */
export type EntryFieldError =
  | NumberError
  | 'required'
  | 'tooLong'
  | 'valueTooLarge'
  | 'yearRange'
  | 'notWebLink'
  | 'notADate'
  | 'invalid';

export type EntryFieldErrors = Partial<Record<EntryField, EntryFieldError>>;

/** The form's outcome: the body to send, or the refused fields. */
export type EntryFormResult = { ok: true; body: LibraryEntryFields } | { ok: false; errors: EntryFieldErrors };

/** A new entry's blank form (municipal: the level the seeded figures have). */
export function blankDraft(): EntryDraft {
  return {
    name: '',
    level: DEPARTMENT_LEVELS[0],
    valuePerYear: '',
    unit: '',
    priceYear: '',
    sourceText: '',
    sourceLink: '',
    sourceDate: '',
    validFrom: '',
  };
}

/** An entry's current version as the form shows it, to change it: `130.000`, dates as Danish dates. */
export function draftOf(entry: LibraryEntry): EntryDraft {
  return {
    name: entry.name,
    level: entry.level,
    valuePerYear: formatForInput(entry.valuePerYear, 'money'),
    unit: entry.unit,
    priceYear: String(entry.priceYear),
    sourceText: entry.source.text,
    sourceLink: entry.source.link ?? '',
    sourceDate: formatSourceDate(entry.source.date, 'da'),
    validFrom: formatSourceDate(entry.validFrom, 'da'),
  };
}

/**
 * Reads a source's date as typed — ISO (`2020`, `2020-11`, `2020-11-19`) or Danish (`19.11.2020`,
 * `19-11-2020`, `11.2020`) — as the ISO form the server stores, or undefined when it is neither
 * (or no such day: 31.02.2020).
 */
export function readSourceDate(input: string): string | undefined {
  const text = input.trim();
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  const danish = /^(?:(\d{1,2})[.\-/])?(\d{1,2})[.\-/](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : danish ? [danish[3], danish[2], danish[1]] : [];
  if (!year) return undefined;
  if (month === undefined) return year;
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  const monthText = String(m).padStart(2, '0');
  if (day === undefined) return `${year}-${monthText}`;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) return undefined;
  return `${year}-${monthText}-${String(d).padStart(2, '0')}`;
}

/** A stored date for reading: Danish `19.11.2020` / `11.2020` / `2020`; English keeps ISO. */
export function formatSourceDate(iso: string, lang: 'da' | 'en'): string {
  if (lang === 'en') return iso;
  return iso.split('-').reverse().join('.');
}

/** A value per year for reading: `130.000 kr.`, and its øre when it has them (`137.500,5 kr.`), never rounded away. */
export function valueText(value: number): string {
  return Number.isInteger(value) ? formatDanish(value, 'money') : `${formatForInput(value, 'money')} kr.`;
}

/** The address to render as a link, only if it is an http(s) address — anything else stays text. */
export function webLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function text(value: string, max: number, optional = false): EntryFieldError | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return optional ? undefined : 'required';
  return trimmed.length > max ? 'tooLong' : undefined;
}

/**
 * The request body of `POST /api/library` / `PUT /api/library/:entryId` from the form, or every
 * field the server would refuse, each with its reason.
 */
export function entryBody(draft: EntryDraft): EntryFormResult {
  const errors: EntryFieldErrors = {};
  const note = (field: EntryField, error: EntryFieldError | undefined) => {
    if (error && !errors[field]) errors[field] = error;
  };
  note('name', text(draft.name, LIBRARY_BOUNDS.nameChars));
  if (!(DEPARTMENT_LEVELS as readonly string[]).includes(draft.level)) note('level', 'required');
  const value = parseDanishNumber(draft.valuePerYear, 'money');
  if (!value.ok) note('valuePerYear', value.error);
  else if (value.value === undefined) note('valuePerYear', 'required');
  else if (value.value > LIBRARY_BOUNDS.maxValue) note('valuePerYear', 'valueTooLarge');
  note('unit', text(draft.unit, LIBRARY_BOUNDS.unitChars));
  // A year is typed without a thousands dot ("2020"); a dotted one ("2.020") is read as the same.
  const year = parseDanishNumber(draft.priceYear, 'count');
  if (!year.ok) note('priceYear', year.error);
  else if (year.value === undefined) note('priceYear', 'required');
  else if (year.value < LIBRARY_BOUNDS.minPriceYear || year.value > LIBRARY_BOUNDS.maxPriceYear) {
    note('priceYear', 'yearRange');
  }
  note('sourceText', text(draft.sourceText, LIBRARY_BOUNDS.sourceTextChars));
  const link = draft.sourceLink.trim();
  note('sourceLink', text(link, LIBRARY_BOUNDS.sourceLinkChars, true));
  if (link !== '' && (!webLink(link) || /\s/.test(link))) note('sourceLink', 'notWebLink');
  const sourceDate = readSourceDate(draft.sourceDate);
  note('sourceDate', draft.sourceDate.trim() === '' ? 'required' : sourceDate ? undefined : 'notADate');
  const validFrom = readSourceDate(draft.validFrom);
  note('validFrom', draft.validFrom.trim() === '' ? 'required' : validFrom ? undefined : 'notADate');
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const body = {
    name: draft.name.trim(),
    level: draft.level,
    valuePerYear: value.ok ? value.value : undefined,
    unit: draft.unit.trim(),
    priceYear: year.ok ? year.value : undefined,
    source: { text: draft.sourceText.trim(), ...(link ? { link } : {}), date: sourceDate },
    validFrom,
  };
  // The server's own schema, last: whatever it would refuse is refused here too.
  const parsed = LibraryEntryFields.safeParse(body);
  if (parsed.success) return { ok: true, body: parsed.data };
  for (const issue of parsed.error.issues) note(fieldOfPath(issue.path), 'invalid');
  return { ok: false, errors };
}

function fieldOfPath(path: readonly PropertyKey[]): EntryField {
  const [first, second] = path;
  if (first === 'source') return second === 'link' ? 'sourceLink' : second === 'date' ? 'sourceDate' : 'sourceText';
  return (ENTRY_FIELDS as readonly PropertyKey[]).includes(first ?? '') ? (first as EntryField) : 'name';
}

/**
 * The field a server's 400 names (`valuePerYear: …`, `source.link: …`), so its message stands
 * next to that field; undefined when it names none the form has.
 */
export function fieldOfServerMessage(message: string | undefined): EntryField | undefined {
  const match = /^([A-Za-z.]+):/.exec(message ?? '');
  if (!match?.[1]) return undefined;
  const path = match[1].split('.');
  if (path[0] !== 'source' && !(ENTRY_FIELDS as readonly string[]).includes(path[0] ?? '')) return undefined;
  return fieldOfPath(path);
}
