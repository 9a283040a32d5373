import { choiceText, fieldRowLabel } from '../fieldRows.ts';
import type { BusinessCaseLayout } from './businessCaseSheet.ts';
import { absCell, onSheet } from './cellAddress.ts';
import type { InputsLayout } from './inputsSheet.ts';
import { FORMAT } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';

/** Where the who-pays sheet put each department's account (rows in department order). */
export type WhoPaysLayout = {
  departments: {
    id: string;
    known: boolean;
    valueGained: string;
    paymentsMade: string;
    ownCost: string;
    net: string;
  }[];
  /** The PV of the not-yet-allocated remainder (P10, P17). */
  unallocated: string;
  /** The PV of a municipal guarantor's payment (P11, P12, P17). */
  guarantee: string;
};

/**
 * Who pays, who gains (P17, P17a): per department the present value of what it gains, what it
 * pays and its share of the authority's own funding, and the net — formulas over the expected
 * business-case sheet.
 */
export function writeWhoPaysSheet(
  w: SheetWriter,
  inputs: InputsLayout,
  bc: BusinessCaseLayout,
  text: WorkbookText,
): WhoPaysLayout {
  const t = text.whoPays;
  const { rows } = bc;
  const lastYear = bc.firstYearColumn + bc.years - 1;
  const span = (row: number) => onSheet(bc.sheet, `${absCell(bc.firstYearColumn, row)}:${absCell(lastYear, row)}`);
  const pv = (row: number) => `SUMPRODUCT(${span(row)},${span(rows.df)})`;
  w.widths(40, 20, 20, 22, 20);
  w.heading(1, t.heading);

  // Helper cells for P17a: the PV of the authority's own funding and the municipal payers' shares.
  w.text(3, 1, text.businessCase.ownFunding);
  w.formula(3, 2, pv(rows.ownFunding), FORMAT.money);
  w.text(
    4,
    1,
    `${fieldRowLabel('paymentModel.payerShares', text.lang)}, ${choiceText('department.level', 'municipal', text.lang)}`,
  );
  const shareSum = inputs.payerShares
    ? `SUMIFS(${inputs.payerShares},${inputs.municipalFlags},1,${inputs.payerShares},">0")`
    : '0';
  w.formula(4, 2, shareSum, FORMAT.rate);
  const pvOwn = absCell(2, 3);
  const municipalShares = absCell(2, 4);

  const header = 6;
  [fieldRowLabel('department.name', text.lang), t.pvValue, t.pvPayments, t.ownCost, t.net].forEach((label, i) => {
    w.text(header, i + 1, label, { bold: true, wrap: true });
  });
  const departments: WhoPaysLayout['departments'] = [];
  inputs.departments.forEach((department, i) => {
    const row = header + 1 + i;
    w.text(row, 1, department.name);
    w.formula(row, 2, pv(rows.valueByDepartment[i]!), FORMAT.money);
    w.formula(row, 3, pv(rows.paidByPayer[i]!), FORMAT.money);
    w.formula(
      row,
      4,
      `IF(${municipalShares}>0,${pvOwn}*MAX(0,${department.payerShare})*${department.municipal}/${municipalShares},0)`,
      FORMAT.money,
    );
    w.formula(row, 5, `B${row}-C${row}-D${row}`, FORMAT.money);
    const ref = (column: number) => onSheet(w.name, absCell(column, row));
    departments.push({
      id: department.id,
      known: department.known,
      valueGained: ref(2),
      paymentsMade: ref(3),
      ownCost: ref(4),
      net: ref(5),
    });
  });
  const unallocatedRow = header + 1 + inputs.departments.length;
  w.text(unallocatedRow, 1, t.unallocated);
  w.formula(unallocatedRow, 3, pv(rows.unallocated), FORMAT.money);
  // P10, P17: the authority still owes the remainder, so it nets negative on its own row.
  w.formula(unallocatedRow, 5, `-C${unallocatedRow}`, FORMAT.money);
  // P11, P12, P17: a municipal guarantor's payment, owed by the authority (0 for any other guarantor).
  const guaranteeRow = unallocatedRow + 1;
  w.text(guaranteeRow, 1, t.guarantee);
  w.formula(guaranteeRow, 3, `${pv(rows.guarantee)}*${inputs.guarantorMunicipal}`, FORMAT.money);
  w.formula(guaranteeRow, 5, `-C${guaranteeRow}`, FORMAT.money);
  const totalRow = guaranteeRow + 1;
  w.text(totalRow, 1, t.total, { bold: true });
  for (const column of [2, 3, 4, 5]) {
    const letter = String.fromCharCode(64 + column);
    w.formula(totalRow, column, `SUM(${letter}${header + 1}:${letter}${guaranteeRow})`, FORMAT.money);
  }
  return {
    departments,
    unallocated: onSheet(w.name, absCell(3, unallocatedRow)),
    guarantee: onSheet(w.name, absCell(3, guaranteeRow)),
  };
}
