import { formatDanish, formatForInput, type IrrResult } from '@caseroom/shared';

/**
 * Number formatting for the report, the same as the business case panel's
 * (client/src/features/businessCase/format.ts): Danish number format in both languages, so a
 * figure reads the same on paper as on the projector. The integration test compares the two.
 */

/** 1.234.567 kr. */
export const money = (value: number): string => formatDanish(value, 'money');

/** 3,5 % */
export const percent = (value: number): string => formatDanish(value, 'percent');

/** 1,35 */
export const decimal = (value: number): string => formatDanish(roundTo(value, 2), 'decimal');

/** 10.000 */
export const count = (value: number): string => formatDanish(value, 'count');

/** A whole amount without unit, for tables whose header carries "kr." (1.234.567). */
export const amount = (value: number): string => formatForInput(Math.round(value) || 0, 'money');

const millionsFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
/** Millions for chart axes, whose caption says "mio. kr.": 12,3. */
export const millions = (value: number): string => millionsFormat.format(value / 1_000_000);

/** The calendar year of year offset t (t = 0 is the start year); "år t+1" without a start year. */
export function calendarYear(t: number, startYear: number | undefined, yearWord: (n: number) => string): string {
  return startYear === undefined ? yearWord(t + 1) : String(startYear + t);
}

/** An IRR as a percentage, or undefined when there is none. */
export const irrText = (irr: IrrResult | undefined): string | undefined => (irr?.ok ? percent(irr.rate) : undefined);

/** A value that may be missing: the formatted value, or "–". */
export function orDash<T>(value: T | undefined, format: (value: T) => string): string {
  return value === undefined ? '–' : format(value);
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The parts of an ISO 8601 time, read as written (UTC), without a clock or time zone lookup. */
export function isoParts(iso: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!match) return undefined;
  const [, year = '', month = '', day = '', hour = '', minute = ''] = match;
  return { year, month, day, hour, minute };
}
