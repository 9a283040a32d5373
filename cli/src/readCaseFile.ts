import { readFileSync } from 'node:fs';
import { type CaseModelDraft, type Language, parseCaseImport } from '@caseroom/shared';
import { say } from './messages.ts';

export type ReadCase = { ok: true; model: CaseModelDraft } | { ok: false; message: string };

/** The largest case file read: the same 50 MiB the server's import takes. */
export const MAX_CASE_FILE_BYTES = 50 * 1024 * 1024;

/** The most reasons one refusal prints (the rest are counted). */
const SHOWN_ERRORS = 20;

/**
 * Reads a case file — the model `GET /api/cases/:id/model` returns, a JSON export, or a model
 * written by hand — exactly as the import does (`parseCaseImport`): an older schema version is
 * migrated, and an unknown field is an error naming its path and the field likely meant, never
 * dropped. Every way it can fail becomes one message saying what and where.
 */
export function readCaseFile(file: string, lang: Language): ReadCase {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: say(lang, 'cannotRead', { file, reason }) };
  }
  const parsed = parseCaseImport(text, { maxBytes: MAX_CASE_FILE_BYTES });
  if (parsed.ok) return { ok: true, model: parsed.model };
  const reasons = parsed.errors.map((error) => error.message[lang]);
  if (parsed.reason === 'notJson' || parsed.reason === 'tooLarge') {
    return { ok: false, message: say(lang, 'unreadable', { file, reason: reasons.join(' ') }) };
  }
  const lines = reasons.slice(0, SHOWN_ERRORS).map((reason) => `  - ${reason}`);
  if (reasons.length > SHOWN_ERRORS)
    lines.push(`  - ${say(lang, 'moreErrors', { count: reasons.length - SHOWN_ERRORS })}`);
  return { ok: false, message: [say(lang, 'notACase', { file }), ...lines].join('\n') };
}
