/**
 * Number formats as XLSX stores them: locale-neutral codes (`,` groups thousands, `.` is the
 * decimal point). Excel and LibreOffice show them with the reader's separators, so a Danish
 * reader sees 1.234.567 kr. and 3,5 %.
 */
export const FORMAT = {
  money: '#,##0 "kr.";-#,##0 "kr."',
  rate: '0.0%',
  factor: '0.00',
  discountFactor: '0.0000',
  people: '#,##0.0',
  count: '#,##0',
  year: '0',
  ratio: '0.00',
  multiple: '0.00"×"',
  flag: '0',
} as const;

/** One of the export's number formats. */
export type NumberFormat = (typeof FORMAT)[keyof typeof FORMAT];
