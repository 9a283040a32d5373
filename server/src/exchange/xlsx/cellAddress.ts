/** A1-style addresses for the formulas the export writes (columns and rows are 1-based). */

/** The column letters of a 1-based column index (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A relative address such as C12. */
export function cell(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** An absolute address such as $C$12. */
export function absCell(column: number, row: number): string {
  return `$${columnLetter(column)}$${row}`;
}

/** An address with the row fixed and the column relative, such as C$5 (a header row). */
export function rowFixed(column: number, row: number): string {
  return `${columnLetter(column)}$${row}`;
}

/** An absolute range such as $C$12:$C$14. */
export function absRange(fromColumn: number, fromRow: number, toColumn: number, toRow: number): string {
  return `${absCell(fromColumn, fromRow)}:${absCell(toColumn, toRow)}`;
}

/** A reference into another sheet: 'Sheet name'!$B$5. Sheet names come from the label catalogue. */
export function onSheet(sheet: string, address: string): string {
  return `'${sheet.replaceAll("'", "''")}'!${address}`;
}
