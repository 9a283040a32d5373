/**
 * Danish number format, both ways: `1.234.567`, `3,5 %`, `1.234,50 kr.`.
 * Dots group thousands, the comma is the decimal mark. A single dot followed by anything but
 * exactly three digits ("1.5") is read as a decimal point, since no Danish grouping looks like
 * that — people pasting from English sources are not punished.
 */

/** How a field's number is entered and shown. */
export const NUMBER_KINDS = ['money', 'percent', 'count', 'years', 'decimal'] as const;
export type NumberKind = (typeof NUMBER_KINDS)[number];

/** Why an entry is not accepted; each has a message in the client's catalogues. */
export const NUMBER_ERRORS = ['notANumber', 'notWhole', 'negative', 'tooLarge', 'percentRange'] as const;
export type NumberError = (typeof NUMBER_ERRORS)[number];

export type ParsedNumber = { ok: true; value: number | undefined } | { ok: false; error: NumberError };

const UNIT_WORDS = /(kr\.?|dkk|%|år|personer|person|pers\.?)$/i;
const MAX_MAGNITUDE = 1e13;

/**
 * Parses what a person typed into a field of the given kind. An empty entry is valid and
 * clears the field. Percent fields return a share (3,5 → 0.035).
 */
export function parseDanishNumber(input: string, kind: NumberKind): ParsedNumber {
  let text = input.replace(/[\s\u00a0\u202f]+/g, '').replace(/\u2212/g, '-');
  if (text === '') return { ok: true, value: undefined };
  let stripped = true;
  while (stripped) {
    const next = text.replace(UNIT_WORDS, '');
    stripped = next !== text;
    text = next;
  }
  const number = readDigits(text);
  if (number === undefined) return { ok: false, error: 'notANumber' };
  if (Math.abs(number) > MAX_MAGNITUDE) return { ok: false, error: 'tooLarge' };
  if (number < 0) return { ok: false, error: 'negative' };
  if ((kind === 'count' || kind === 'years') && !Number.isInteger(number)) return { ok: false, error: 'notWhole' };
  if (kind === 'percent') {
    if (number > 100) return { ok: false, error: 'percentRange' };
    return { ok: true, value: roundTo(number / 100, 12) };
  }
  return { ok: true, value: number };
}

function readDigits(text: string): number | undefined {
  const match = /^(-?)(\d[\d.]*)(?:,(\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction] = match;
  let integerPart: string;
  let fractionPart = fraction ?? '';
  if (!whole.includes('.')) {
    integerPart = whole;
  } else if (/^\d{1,3}(\.\d{3})+$/.test(whole)) {
    integerPart = whole.replace(/\./g, '');
  } else if (fraction === undefined && /^\d+\.\d+$/.test(whole)) {
    [integerPart = '', fractionPart] = whole.split('.') as [string, string];
  } else {
    return undefined;
  }
  const value = Number(`${sign}${integerPart}.${fractionPart || '0'}`);
  return Number.isFinite(value) ? value : undefined;
}

function roundTo(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

const groupers = new Map<number, Intl.NumberFormat>();
function grouper(decimals: number): Intl.NumberFormat {
  let format = groupers.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('da-DK', { maximumFractionDigits: decimals, useGrouping: true });
    groupers.set(decimals, format);
  }
  return format;
}

/** The number as it stands in an input of this kind, without unit: `1.234.567`, `3,5`. */
export function formatForInput(value: number | undefined, kind: NumberKind): string {
  if (value === undefined) return '';
  if (kind === 'percent') return grouper(4).format(roundTo(value * 100, 10));
  return grouper(kind === 'count' || kind === 'years' ? 0 : 2).format(value);
}

/** The number with its unit, for reading: `1.234.567 kr.`, `3,5 %`, `12 år`. */
export function formatDanish(value: number | undefined, kind: NumberKind, units: { years?: string } = {}): string {
  if (value === undefined) return '–';
  const number = formatForInput(value, kind);
  switch (kind) {
    case 'money':
      return `${grouper(0).format(Math.round(value))} kr.`;
    case 'percent':
      // Read, not typed: one decimal is what a finance officer reads (3,5 %, 12,0 % → 12 %).
      return `${grouper(1).format(roundTo(value * 100, 10))} %`;
    case 'years':
      return `${number} ${units.years ?? 'år'}`;
    default:
      return number;
  }
}
