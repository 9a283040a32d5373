import { formatDanish } from '../format/danishNumber.ts';
import type { LibraryEntry } from './libraryEntry.ts';

/** An index factor a person entered to convert a value to the case's price year, and where it comes from. */
export type PriceConversion = { factor: number; source: string; toYear: number };

/** The longest source a person may give for an index factor. */
export const FACTOR_SOURCE_CHARS = 300;

/** The key of an outcome's source note for its value to one department (`valuePerDepartment.<department id>`). */
export function departmentValueSourceKey(departmentId: string): string {
  return `valuePerDepartment.${departmentId}`;
}

/**
 * The source note a value taken from the library carries in the case: the source's text, link
 * and date, the price year, the entry's name and unit — and, when it was converted, the index
 * factor and its source. Written in the case's language of the person who took it.
 */
export function libraryNote(entry: LibraryEntry, lang: 'da' | 'en', conversion?: PriceConversion): string {
  const link = entry.source.link ? ` – ${entry.source.link}` : '';
  const base =
    lang === 'da'
      ? `${entry.source.text}${link} (${entry.source.date}). Prisniveau ${entry.priceYear}. Fra biblioteket: ${entry.name}, ${entry.unit}.`
      : `${entry.source.text}${link} (${entry.source.date}). Price year ${entry.priceYear}. From the library: ${entry.name}, ${entry.unit}.`;
  if (!conversion) return base;
  const factor = formatDanish(conversion.factor, 'decimal');
  return lang === 'da'
    ? `${base} Omregnet til prisniveau ${conversion.toYear} med indeksfaktor ${factor} (${conversion.source}).`
    : `${base} Converted to price year ${conversion.toYear} with index factor ${factor} (${conversion.source}).`;
}

/** The value a case takes from an entry: as the library has it, or times the person's index factor (whole kroner). */
export function takenValue(entry: LibraryEntry, factor?: number): number {
  return factor === undefined ? entry.valuePerYear : Math.round(entry.valuePerYear * factor);
}
