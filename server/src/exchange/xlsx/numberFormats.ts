/**
 * Number formats in Danish notation: 1.234.567 kr., 3,5 %, 1,07 ×. XLSX stores format codes
 * locale-neutrally (`,` groups thousands, `.` is the decimal point); the `[$-406]` tag marks a
 * format as Danish (LCID 0x406), so LibreOffice shows Danish separators whatever the reader's
 * locale, and Excel — which takes separators from the system — shows them on a Danish machine.
 */
const DANISH = '[$-406]';

export const FORMAT = {
  money: `${DANISH}#,##0 "kr.";${DANISH}-#,##0 "kr."`,
  rate: `${DANISH}0.0 %`,
  factor: `${DANISH}0.00`,
  discountFactor: `${DANISH}0.0000`,
  people: `${DANISH}#,##0.0`,
  count: `${DANISH}#,##0`,
  year: '0',
  ratio: `${DANISH}0.00`,
  multiple: `${DANISH}0.00" ×"`,
  flag: '0',
} as const;

/** One of the export's number formats. */
export type NumberFormat = (typeof FORMAT)[keyof typeof FORMAT];
