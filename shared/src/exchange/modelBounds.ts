import { MAX_KEY_CHARS, mapEntryBound, shortTextBound } from '../bounds/bounds.ts';
import { type CaseModelDraft, SECTIONS } from '../model/caseModel.ts';
import { keyTooLong, textTooLong, tooManyEntries } from './boundErrors.ts';
import { type ImportError, MAX_IMPORT_ERRORS } from './importErrors.ts';
import { isRecord } from './migrations.ts';

type Path = (string | number)[];

/** Model lists that live under another key in the document (ydoc/layout.ts LISTS). */
const LIST_IN_DOCUMENT: Readonly<Record<string, string>> = { outcomes: 'outcomes/items' };

/** Model lists the document keeps as a map keyed by a field of the item, not by an id (reconcile.ts). */
const KEYED_BY: Readonly<Record<string, string>> = { 'targetGroup/intake': 'year' };

/**
 * The bounds of shared/src/bounds that a schema-checked model must keep for the case it
 * becomes to be editable within the write guard (docs/security.md): every short text within
 * `shortTextBound`, every list and map within `mapEntryBound`, every map key within the guard's
 * `MAX_KEY_CHARS` — each at the path the document will hold it under (`facts/title`,
 * `outcomes/items/<id>/definition`, `interventions/candidates`), the one the guard looks up.
 * Rich text is left to `checkImportShape`, which bounded it before the schema saw it. The model
 * is zod's output, so its shape is the schema's (a handful of levels): walked by recursion.
 * Errors are at the path in the file (`prefix` + the model path). Pure.
 */
export function checkModelBounds(model: CaseModelDraft, prefix: Path): ImportError[] {
  const errors: ImportError[] = [];
  const full = () => errors.length >= MAX_IMPORT_ERRORS;

  const visitMap = (map: Record<string, unknown>, at: Path, documentPath: string) => {
    const entries = Object.entries(map).filter(([, value]) => value !== undefined);
    const limit = mapEntryBound(documentPath);
    if (entries.length > limit) errors.push(tooManyEntries([...prefix, ...at], entries.length, limit));
    for (const [key, value] of entries) {
      if (full()) return;
      const path = `${documentPath}/${key}`;
      if (key.length > MAX_KEY_CHARS) errors.push(keyTooLong([...prefix, ...at, key], MAX_KEY_CHARS));
      if (typeof value === 'string') {
        const most = shortTextBound(path);
        if (value.length > most) errors.push(textTooLong([...prefix, ...at, key], value.length, most));
      } else if (Array.isArray(value)) {
        visitList(value, [...at, key], path);
      } else if (isRecord(value) && value.type !== 'doc') {
        // Partners, source notes, values per department, payer shares, scenario ranges (the
        // document flattens the ranges into one map of six numbers: no text, far under its bound).
        visitMap(value, [...at, key], path);
      }
    }
  };

  const visitList = (items: readonly unknown[], at: Path, documentPath: string) => {
    const keyField = KEYED_BY[documentPath];
    // Items stored by id (duplicates are modelChecks' to report); intake by year, one entry per year.
    const entries = keyField
      ? new Set(items.map((item) => String(isRecord(item) ? item[keyField] : item))).size
      : items.length;
    const limit = mapEntryBound(documentPath);
    if (entries > limit) errors.push(tooManyEntries([...prefix, ...at], entries, limit));
    if (keyField) return; // the entries are numbers
    items.forEach((item, index) => {
      if (!full() && isRecord(item) && typeof item.id === 'string') {
        visitMap(item, [...at, index], `${documentPath}/${item.id}`);
      }
    });
  };

  for (const section of SECTIONS) {
    if (full()) break;
    const value: unknown = model[section];
    if (Array.isArray(value)) visitList(value, [section], LIST_IN_DOCUMENT[section] ?? section);
    else if (isRecord(value)) visitMap(value, [section], section);
  }
  return errors.slice(0, MAX_IMPORT_ERRORS);
}
