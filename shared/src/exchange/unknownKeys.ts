import { z } from 'zod';
import { CONTAINERS, type Container, fieldsOf } from '../fields/registry.ts';
import { CaseModelDraft } from '../model/caseModel.ts';
import { RichText, SourceNotes } from '../model/primitives.ts';
import { CASE_EXPORT_FORMAT, CaseExport } from './caseExport.ts';
import { describePath, type ImportError, ITEM_KINDS, MAX_IMPORT_ERRORS } from './importErrors.ts';
import { isRecord } from './migrations.ts';
import { nearestKey } from './nearestKey.ts';

/** A key in a file that the case model does not have: zod would drop it in silence. */
export type UnknownKey = {
  /** Where it is in the file, list items by index: `['model', 'paymentModel', 'paymentcap']`. */
  path: (string | number)[];
  /** The same path as a person finds it in the file, list items by id where they have one: `model/outcomes[id=o1]/paymentcap`. */
  at: string;
  /**
   * `field`: the object has no such field; `sourceNote`: a `sources` entry for a field that
   * does not exist; `noteNotTaken`: one for a field that takes no note.
   */
  kind: 'field' | 'sourceNote' | 'noteNotTaken';
  /** The known sibling most likely meant (see nearestKey), if one is near. */
  suggestion?: string;
};

/** The fields of the container that take a source note, by container. */
const NOTE_FIELDS = new Map<string, string[]>(
  (Object.keys(CONTAINERS) as Container[]).map((c) => [
    c,
    fieldsOf(c)
      .filter((f) => f.sourceNote)
      .map((f) => f.key),
  ]),
);

/** Fields whose note is kept per entry (`expectedRates.<outcome id>`, P19; `valuePerDepartment.<department id>`, issue 15), by container. */
const NOTE_PER_ENTRY_FIELDS = new Map<string, string[]>(
  (Object.keys(CONTAINERS) as Container[]).map((c) => [
    c,
    fieldsOf(c)
      .filter((f) => f.sourceNote && f.kind === 'numberRecord' && (f.keyedBy === 'outcome' || f.notePerEntry))
      .map((f) => f.key),
  ]),
);

/**
 * Every unknown key of an import file or a CLI case file (docs/exchange.md, "Unknown fields"),
 * in the file's order, at most MAX_IMPORT_ERRORS. The file is read as an export when its
 * `format` says so, else as a bare model; run it on the file as migrated (migrations.ts), so
 * a key an older schema version had and the migration moved is never reported. The known keys
 * of an object are its schema's (derived from the field registry, plus ids, order keys, lists
 * and `sources`); a `sources` map may only name fields of its container that take a note.
 * Keys of id-keyed maps (payer shares, values per department) are ids, left to validation;
 * rich text and the export's derived parts (pricing, findings) are not fields and not walked.
 * Pure; the file must have passed checkImportShape (the walk recurses, bounded by its depth).
 */
export function findUnknownKeys(file: Record<string, unknown>): UnknownKey[] {
  return unknownKeysAgainst(file, file.format === CASE_EXPORT_FORMAT ? CaseExport : CaseModelDraft);
}

/**
 * The keys of `value` that `schema` does not know, walked the same way (objects, lists, the
 * values of records, the union option the value fits); `sources` maps are checked against
 * the registry where they lie in the case model. At most MAX_IMPORT_ERRORS.
 */
export function unknownKeysAgainst(value: unknown, schema: z.ZodType): UnknownKey[] {
  const found: UnknownKey[] = [];
  walk(value, schema, { path: [], at: [], modelKey: undefined }, found);
  return found.slice(0, MAX_IMPORT_ERRORS);
}

/** Where the walk is: the path in the file, its readable segments, and the path's key in the model (`outcomes` → `outcome`). */
type Place = { path: (string | number)[]; at: string[]; modelKey: string | undefined };

function walk(value: unknown, schema: z.ZodType, place: Place, found: UnknownKey[]): void {
  if (found.length >= MAX_IMPORT_ERRORS) return;
  const inner = unwrap(schema);
  // The model's keys name containers and lists from its root, wherever the model sits in the file.
  const here = inner === CaseModelDraft ? { ...place, modelKey: '' } : place;
  if (inner instanceof z.ZodObject) {
    if (isRecord(value)) walkObject(value, inner, here, found);
  } else if (inner instanceof z.ZodArray) {
    if (!Array.isArray(value)) return;
    const itemKey = here.modelKey === undefined ? undefined : (ITEM_KINDS[here.modelKey] ?? `${here.modelKey}[]`);
    value.forEach((item, index) => {
      const id = isRecord(item) && typeof item.id === 'string' ? `id=${item.id}` : String(index);
      const at = [...here.at.slice(0, -1), `${here.at.at(-1) ?? ''}[${id}]`];
      walk(item, inner.element as z.ZodType, { path: [...here.path, index], at, modelKey: itemKey }, found);
    });
  } else if (inner instanceof z.ZodUnion) {
    // The option the value fits (zod would read it as that one); fitting none, zod reports it.
    const fits = (inner.options as z.ZodType[]).find((option) => option.safeParse(value).success);
    if (fits) walk(value, fits, here, found);
  } else if (inner instanceof z.ZodRecord) {
    // An id-keyed map: its keys are ids (validation checks them), its values may be objects.
    if (!isRecord(value)) return;
    for (const [key, entry] of Object.entries(value)) {
      walk(entry, inner.valueType as z.ZodType, child(here, key, undefined), found);
    }
  }
  // Anything else — a scalar, rich text, a lazy, `unknown` — has no fields to check.
}

function walkObject(value: Record<string, unknown>, schema: z.ZodObject, place: Place, found: UnknownKey[]): void {
  const shape = schema.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  // A loose object (catchall other than never) takes any key by design.
  const catchall = (schema.def as { catchall?: z.ZodType }).catchall;
  const strict = catchall === undefined || catchall instanceof z.ZodNever;
  for (const [key, entry] of Object.entries(value)) {
    if (found.length >= MAX_IMPORT_ERRORS) return;
    const entrySchema = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (entrySchema === undefined) {
      if (strict) found.push(unknownKey(child(place, key, undefined), 'field', nearestKey(key, known)));
      continue;
    }
    const modelKey = place.modelKey === undefined ? undefined : place.modelKey ? `${place.modelKey}.${key}` : key;
    if (unwrap(entrySchema) === SourceNotes && isRecord(entry)) {
      const fields = noteFields(place.modelKey, known);
      const perEntry = (place.modelKey !== undefined && NOTE_PER_ENTRY_FIELDS.get(place.modelKey)) || [];
      checkSourceNotes(entry, { fields, perEntry, siblings: known }, child(place, key, modelKey), found);
      continue;
    }
    walk(entry, entrySchema, child(place, key, modelKey), found);
  }
}

/** A `sources` map names fields that take a note: the registry's, or where no container is known, the siblings. */
function noteFields(modelKey: string | undefined, siblings: readonly string[]): readonly string[] {
  return (modelKey !== undefined && NOTE_FIELDS.get(modelKey)) || siblings.filter((key) => key !== 'sources');
}

function checkSourceNotes(
  notes: Record<string, unknown>,
  {
    fields,
    perEntry,
    siblings,
  }: { fields: readonly string[]; perEntry: readonly string[]; siblings: readonly string[] },
  place: Place,
  found: UnknownKey[],
) {
  for (const key of Object.keys(notes)) {
    if (found.length >= MAX_IMPORT_ERRORS) return;
    if (fields.includes(key) || perEntry.some((field) => key.startsWith(`${field}.`))) continue;
    const at = child(place, key, undefined);
    found.push(
      siblings.includes(key)
        ? unknownKey(at, 'noteNotTaken', undefined)
        : unknownKey(at, 'sourceNote', nearestKey(key, fields)),
    );
  }
}

function child(place: Place, key: string, modelKey: string | undefined): Place {
  return { path: [...place.path, key], at: [...place.at, key], modelKey };
}

function unknownKey(place: Place, kind: UnknownKey['kind'], suggestion: string | undefined): UnknownKey {
  return { path: place.path, at: place.at.join('/'), kind, ...(suggestion === undefined ? {} : { suggestion }) };
}

/** The schema beneath its wrappers (optional, nullable, default, catch, readonly, a pipe's input); rich text stops the walk. */
function unwrap(schema: z.ZodType): z.ZodType | undefined {
  let current: z.ZodType = schema;
  for (;;) {
    if (current === RichText) return undefined;
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodNonOptional ||
      current instanceof z.ZodCatch ||
      current instanceof z.ZodReadonly
    ) {
      current = current.def.innerType as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.def.in as z.ZodType;
    } else {
      return current;
    }
  }
}

/** An unknown key as an import error in Danish and English, naming its path and the key likely meant. */
export function unknownKeyError(found: UnknownKey): ImportError {
  // A note's place is the container whose `sources` map holds it ("Resultatmål 2"), not the map.
  const parent = found.path.slice(0, found.kind === 'field' ? -1 : -2);
  const where = { da: describePath(parent, 'da'), en: describePath(parent, 'en') };
  const what = {
    field: { da: `ukendt felt ${found.at}`, en: `unknown field ${found.at}` },
    sourceNote: {
      da: `kildenote til et felt, der ikke findes: ${found.at}`,
      en: `source note for a field that does not exist: ${found.at}`,
    },
    noteNotTaken: {
      da: `kildenote til et felt, der ikke har kildenoter: ${found.at}`,
      en: `source note for a field that takes none: ${found.at}`,
    },
  }[found.kind];
  const hint =
    found.suggestion !== undefined
      ? { da: ` — mente du ${found.suggestion}?`, en: ` — did you mean ${found.suggestion}?` }
      : found.kind === 'noteNotTaken'
        ? { da: '', en: '' }
        : { da: ' — intet kendt felt her har et lignende navn', en: ' — no known field here has a similar name' };
  const sentence = (lang: 'da' | 'en') => {
    const text = `${what[lang]}${hint[lang]}`;
    return where[lang] ? `${where[lang]}: ${text}` : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  };
  return { path: found.path, message: { da: sentence('da'), en: sentence('en') } };
}
