import { figureFormat } from '@caseroom/shared';

/**
 * Number formatting for the report: the shared figure format (shared/src/format/figureFormat.ts),
 * the same the business case panel uses, so a figure reads the same on paper as on the projector.
 */
export const { money, percent, decimal, count, amount, millions, calendarYear, irrText } = figureFormat;

/** A value that may be missing: the formatted value, or "–". */
export function orDash<T>(value: T | undefined, format: (value: T) => string): string {
  return value === undefined ? '–' : format(value);
}

/** The parts of an ISO 8601 time, read as written (UTC), without a clock or time zone lookup. */
export function isoParts(iso: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!match) return undefined;
  const [, year = '', month = '', day = '', hour = '', minute = ''] = match;
  return { year, month, day, hour, minute };
}
