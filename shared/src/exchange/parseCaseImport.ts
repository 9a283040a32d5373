import { z } from 'zod';
import { withChosenCandidateRates } from '../model/candidateRates.ts';
import { CaseModelDraft } from '../model/caseModel.ts';
import { SCHEMA_VERSION } from '../model/primitives.ts';
import { CASE_EXPORT_FORMAT, ExportedDecision, ExportedSignoff, type ImportedHistory } from './caseExport.ts';
import { completeHandWritten } from './handWritten.ts';
import { describePath, expectation, type ImportError, importError, MAX_IMPORT_ERRORS } from './importErrors.ts';
import { checkImportShape } from './importShape.ts';
import { isRecord, migrateModel, OLDEST_SCHEMA_VERSION } from './migrations.ts';
import { checkModelBounds } from './modelBounds.ts';
import { checkWritable } from './modelChecks.ts';
import { findUnknownKeys, unknownKeyError } from './unknownKeys.ts';

/** The result of reading an import file: a model ready for writeModel and its history, or why not. */
export type CaseImportResult =
  | { ok: true; model: CaseModelDraft; history: ImportedHistory; fromSchemaVersion: number }
  | { ok: false; reason: ImportRefusal; errors: ImportError[] };

/** Why an import was refused, for callers that answer differently (e.g. HTTP 413 for tooLarge). */
export type ImportRefusal = 'tooLarge' | 'notJson' | 'notACase' | 'schemaVersion' | 'invalid';

/**
 * The most decisions, and the most sign-offs, an import may bring along: imported history is
 * stored in the case's workshop record, which every client syncs and every export repeats.
 */
export const MAX_IMPORTED_HISTORY = 5_000;

const History = z.object({
  decisions: z.array(ExportedDecision).max(MAX_IMPORTED_HISTORY).optional(),
  signoffs: z.array(ExportedSignoff).max(MAX_IMPORTED_HISTORY).optional(),
});

/**
 * Reads an import file (docs/exchange.md): a Caseroom JSON export or a bare model written by
 * hand. Refuses, with reasons per path in Danish and English: a file over `maxBytes` (before
 * parsing), text that is not JSON (with line and column), anything that is not an export or a
 * model, a schema version newer than this build or older than any migration, a key the model
 * does not have (unknownKeys.ts, with the key likely meant), values of the wrong type, and anything past the bounds of shared/src/bounds: nesting and size checked
 * without recursion before the schema sees the file (importShape.ts), short texts and lists
 * after (modelBounds.ts) — a case imported is one its editors can go on editing within the
 * write guard's bounds. Older versions are migrated (migrations.ts). Pure.
 */
export function parseCaseImport(text: string, options: { maxBytes: number }): CaseImportResult {
  if (byteLengthOver(text, options.maxBytes)) {
    const mb = formatMegabytes(options.maxBytes);
    return refuse('tooLarge', [], `Filen er for stor (højst ${mb} MB).`, `The file is too large (at most ${mb} MB).`);
  }
  const parsed = parseJson(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (!parsed.ok) return { ok: false, reason: 'notJson', errors: [parsed.error] };
  const value = parsed.value;
  // Before anything recursive sees the file: its depth, its size in values, its rich text.
  const shapeErrors = checkImportShape(value);
  if (shapeErrors.length > 0) return { ok: false, reason: 'invalid', errors: shapeErrors };
  if (!isRecord(value)) {
    return refuse(
      'notACase',
      [],
      'Filen er ikke en Caseroom-sag: den skal være et JSON-objekt ({ … }).',
      'The file is not a Caseroom case: it must be a JSON object ({ … }).',
    );
  }
  const isExport = value.format === CASE_EXPORT_FORMAT;
  if (!isExport && (value.format !== undefined || !('facts' in value || 'outcomes' in value))) {
    return refuse(
      'notACase',
      ['format'],
      `Filen er ikke en Caseroom-eksport (format skal være "${CASE_EXPORT_FORMAT}") eller en sagsmodel.`,
      `The file is not a Caseroom export (format must be "${CASE_EXPORT_FORMAT}") or a case model.`,
    );
  }
  const model = isExport ? value.model : value;
  const modelPath = isExport ? ['model'] : [];
  const version = value.schemaVersion;
  const versionError = checkVersion(version, ['schemaVersion']);
  if (versionError) return { ok: false, reason: 'schemaVersion', errors: [versionError] };
  if (!isRecord(model)) {
    return refuse(
      'notACase',
      modelPath,
      'Sagsmodellen mangler eller er ikke et objekt.',
      'The case model is missing or not an object.',
    );
  }
  const upToDate = migrateModel(model, version as number);
  // Unknown keys after the migrations (a key an older version had is moved, not unknown) and
  // before the schema check, which would drop them in silence.
  const errors: ImportError[] = findUnknownKeys(isExport ? { ...value, model: upToDate } : upToDate).map(
    unknownKeyError,
  );
  const migrated = completeHandWritten(upToDate);
  const checked = CaseModelDraft.safeParse(migrated);
  if (!checked.success) errors.push(...issuesToErrors(checked.error, migrated, modelPath));
  else errors.push(...checkWritable(checked.data, modelPath), ...checkModelBounds(checked.data, modelPath));
  const history = History.safeParse(isExport ? { decisions: value.decisions, signoffs: value.signoffs } : {});
  if (!history.success) errors.push(...issuesToErrors(history.error, value, []));
  if (errors.length > 0 || !checked.success || !history.success) {
    return { ok: false, reason: 'invalid', errors: errors.slice(0, MAX_IMPORT_ERRORS) };
  }
  return {
    ok: true,
    // P19: an outcome's expected rate is the chosen candidate's, whatever the file says beside it.
    // Issue 15: library links name another organisation's library: the values and notes stay, the links go.
    model: withoutLibraryLinks(withChosenCandidateRates(checked.data)),
    history: { decisions: history.data.decisions ?? [], signoffs: history.data.signoffs ?? [] },
    fromSchemaVersion: version as number,
  };
}

/** The model with no outcome's library links (docs/library.md: an imported case keeps its values and notes, not the links). */
export function withoutLibraryLinks(model: CaseModelDraft): CaseModelDraft {
  return { ...model, outcomes: model.outcomes.map(({ libraryLinks: _dropped, ...outcome }) => outcome) };
}

function checkVersion(version: unknown, path: (string | number)[]): ImportError | undefined {
  if (version === undefined) {
    return importError(path, 'Skemaversion mangler (schemaVersion).', 'The schema version (schemaVersion) is missing.');
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return importError(path, 'Skemaversion skal være et helt tal.', 'The schema version must be a whole number.');
  }
  if (version > SCHEMA_VERSION) {
    return importError(
      path,
      `Filen har skemaversion ${version}, men denne Caseroom læser højst version ${SCHEMA_VERSION}. Opdatér Caseroom for at importere den.`,
      `The file has schema version ${version}, but this Caseroom reads at most version ${SCHEMA_VERSION}. Update Caseroom to import it.`,
    );
  }
  if (version < OLDEST_SCHEMA_VERSION) {
    return importError(
      path,
      `Ukendt skemaversion ${version} (kendte versioner: ${OLDEST_SCHEMA_VERSION}–${SCHEMA_VERSION}).`,
      `Unknown schema version ${version} (known versions: ${OLDEST_SCHEMA_VERSION}–${SCHEMA_VERSION}).`,
    );
  }
  return undefined;
}

function issuesToErrors(error: z.ZodError, root: unknown, prefix: (string | number)[]): ImportError[] {
  return error.issues.slice(0, MAX_IMPORT_ERRORS).map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const where = { da: describePath(path, 'da'), en: describePath(path, 'en') };
    const what = expectation(issue as Parameters<typeof expectation>[0], valueAt(root, issue.path));
    return {
      path,
      message: {
        da: where.da ? `${where.da}: ${what.da}` : what.da,
        en: where.en ? `${where.en}: ${what.en}` : what.en,
      },
    };
  });
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: ImportError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const match = /position (\d+)/.exec(String((error as Error).message));
    const position = match ? Number(match[1]) : text.length;
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const ended = !match;
    return {
      ok: false,
      error: importError(
        [],
        ended
          ? `Filen er ikke gyldig JSON: den slutter for tidligt (linje ${line}, kolonne ${column}). Er den afkortet?`
          : `Filen er ikke gyldig JSON: fejl i linje ${line}, kolonne ${column} (tegn ${position}).`,
        ended
          ? `The file is not valid JSON: it ends too early (line ${line}, column ${column}). Was it cut short?`
          : `The file is not valid JSON: error at line ${line}, column ${column} (character ${position}).`,
      ),
    };
  }
}

function byteLengthOver(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true; // every character is at least one byte
  if (text.length * 3 <= maxBytes) return false; // and at most three (UTF-16 unit → UTF-8)
  return new TextEncoder().encode(text).byteLength > maxBytes;
}

function formatMegabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10).replace('.', ',');
}

function refuse(reason: ImportRefusal, path: (string | number)[], da: string, en: string): CaseImportResult {
  return { ok: false, reason, errors: [importError(path, da, en)] };
}
