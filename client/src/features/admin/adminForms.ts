import { type PersonalData, parseDanishNumber, RETENTION_DAYS_LIMITS } from '@caseroom/shared';
import { expiryAfterDay, expiryDayProblem } from '../access/linkLifetime.ts';

/**
 * The administrator's page (issue 15), its pure parts: what the retention field, the new
 * member's expiry day and the case field turn into before anything is sent.
 */

/** Why a retention entry cannot be sent. */
export type RetentionProblem = 'notWhole' | 'tooSmall' | 'tooLarge';

/**
 * The retention field ("Slet arkiverede sager efter … dage") → the request's `days`: empty means
 * keep (null); else a whole number within the server's bounds, written the Danish way ("1.000").
 */
export function readRetentionDays(
  text: string,
): { ok: true; days: number | null } | { ok: false; problem: RetentionProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, days: null };
  const parsed = parseDanishNumber(trimmed, 'count');
  if (!parsed.ok && parsed.error === 'negative') return { ok: false, problem: 'tooSmall' };
  if (!parsed.ok && parsed.error === 'tooLarge') return { ok: false, problem: 'tooLarge' };
  if (!parsed.ok || parsed.value === undefined) return { ok: false, problem: 'notWhole' };
  if (parsed.value < RETENTION_DAYS_LIMITS.min) return { ok: false, problem: 'tooSmall' };
  if (parsed.value > RETENTION_DAYS_LIMITS.max) return { ok: false, problem: 'tooLarge' };
  return { ok: true, days: parsed.value };
}

/** What the retention field shows for the server's value, the Danish way ("1.095"): empty for "kept". */
export function retentionFieldText(days: number | null): string {
  return days === null ? '' : DANISH_WHOLE.format(days);
}

const DANISH_WHOLE = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

/**
 * The new member's optional expiry day (an `<input type="date">` value) → the request's
 * `expiresAt`: none (null) when empty; the link works through that day in this browser's time.
 */
export function readMemberExpiry(
  day: string,
  now: number,
): { ok: true; expiresAt: string | null } | { ok: false; problem: 'dateRequired' | 'datePassed' } {
  if (day.trim() === '') return { ok: true, expiresAt: null };
  const problem = expiryDayProblem(day, now);
  const expiry = expiryAfterDay(day);
  if (problem || !expiry) return { ok: false, problem: problem ?? 'dateRequired' };
  return { ok: true, expiresAt: expiry.toISOString() };
}

/**
 * The case the administrator means: a case id as typed, or the id out of a pasted case link
 * (`…/case/<id>#token=…` — the token is never used). Undefined when nothing usable was given.
 */
export function caseIdFrom(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const inLink = /\/case\/([^/?#\s]+)/.exec(trimmed);
  const id = inLink?.[1] ? safeDecode(inLink[1]) : trimmed;
  // An id is one path segment: no slashes, spaces or fragments.
  if (!id || /[\s/?#]/.test(id) || id.length > 200) return undefined;
  return id;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The download's name: `persondata-<case id>-<day listed>.json`, safe as a file name. */
export function personalDataFilename(data: Pick<PersonalData, 'caseId' | 'listedAt'>): string {
  const id = data.caseId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  return `persondata-${id}-${data.listedAt.slice(0, 10)}.json`;
}

/** The personal data as the JSON file an administrator hands over: the server's answer, indented. */
export function personalDataJson(data: PersonalData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
