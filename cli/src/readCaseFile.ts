import { readFileSync } from 'node:fs';
import { CaseModelDraft, type Language } from '@caseroom/shared';
import { say } from './messages.ts';

export type ReadCase = { ok: true; model: CaseModelDraft } | { ok: false; message: string };

/** Reads a case JSON file; every way it can fail becomes a message saying what and where. */
export function readCaseFile(file: string, lang: Language): ReadCase {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: say(lang, 'cannotRead', { file, reason }) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: say(lang, 'notJson', { file, reason: (error as Error).message }) };
  }
  const parsed = CaseModelDraft.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 8)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, message: say(lang, 'notACase', { file, details }) };
  }
  return { ok: true, model: parsed.data };
}
