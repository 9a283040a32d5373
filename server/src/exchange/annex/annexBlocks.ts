import { safeText } from '../pdf/safeText.ts';

/**
 * The contract annex as plain structure — headings, paragraphs, label–value rows and tables of
 * text — built once (annexContent.ts) and drawn by two renderers: the Word document
 * (docx/contractAnnex.ts) and the PDF report's annex section (pdf/sections/contractAnnex.ts).
 * So both list the same things, in the same order, with the same words.
 */

/** One column of an annex table: its header, its share of the width, how its cells align. */
export type AnnexColumn = { header: string; width: number; align?: 'left' | 'right' };

/** One block of the annex. Texts are plain (a newline starts a new line) and already cleaned. */
export type AnnexBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; note?: boolean }
  /** Label–value rows (a two-column table without a header). */
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  /** A table with a header row; `totalRow`: the last row is a total (drawn bold). */
  | { kind: 'table'; columns: AnnexColumn[]; rows: string[][]; totalRow?: boolean };

/** The whole annex: its title and its blocks in reading order. */
export type ContractAnnex = { title: string; lang: 'da' | 'en'; blocks: AnnexBlock[] };

/** Matches a UTF-16 surrogate that is not half of a pair (not a character; XML cannot hold it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A user's text as the annex holds it: control characters, bidirectional overrides and lone
 * surrogates dropped (the report's rule, `safeText`, which also keeps XML well-formed), never
 * cut — an annex is a contract text, and the model's own bounds already limit every field.
 */
export function annexPlain(value: string | undefined): string {
  return safeText(value, Number.POSITIVE_INFINITY).replace(LONE_SURROGATE, '');
}
