import type { IrrResult } from '../pricing/irr.ts';
import { formatDanish, formatForInput } from './danishNumber.ts';

/**
 * How the business case's figures are written wherever they are shown — the panel, the PDF
 * report — always in Danish number format (docs/product.md: "numbers in Danish format"), whatever
 * the language of the surrounding text, so a figure reads the same on paper as on the projector.
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

/** Millions for chart axes, whose caption says "mio. kr.": 12,3 (Danish format in both languages). */
const millionsFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
export const millions = (value: number): string => millionsFormat.format(value / 1_000_000);

/** The calendar year of year offset t (t = 0 is the start year); "år t+1" without a start year. */
export function calendarYear(t: number, startYear: number | undefined, yearWord: (n: number) => string): string {
  return startYear === undefined ? yearWord(t + 1) : String(startYear + t);
}

/** An IRR as a percentage, or undefined when there is none (the reason is shown beside it). */
export const irrText = (irr: IrrResult | undefined): string | undefined => (irr?.ok ? percent(irr.rate) : undefined);

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
