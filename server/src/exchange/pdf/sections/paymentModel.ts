import { type BuiltCaseExport, figureLabel, RANGED_INPUTS } from '@caseroom/shared';
import { exportFields, fieldRowLabel, recordValue, valueIn, valueText } from '../../fieldRows.ts';
import { fieldBlock } from '../fieldBlocks.ts';
import { decimal, orDash, percent } from '../format.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine } from '../safeText.ts';
import { table } from '../table.ts';

/**
 * Payment model: the departments (their registry fields) with their payer shares, the registry's
 * payment-model fields (who funds the cost, the cap, return cap, guarantee), the scenario ranges.
 */
export function paymentModelSection(
  w: ReportWriter,
  exported: BuiltCaseExport,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const t = text.payment;
  const { model } = exported;
  const { paymentModel, facts } = model;
  const ctx = { model, lang, text };
  w.newPage('portrait');
  w.heading(text.sections.paymentModel, 1);
  w.heading(t.payers, 3);
  // One row per department (its registry fields), and any id a payer share names that the case does not list.
  const departmentFields = exportFields({ pdf: 'paymentModel' }, ['department']);
  const shares = paymentModel.payerShares;
  const known = new Set(facts.departments.map((d) => d.id));
  const unknown = Object.keys(shares).filter((id) => !known.has(id));
  if (facts.departments.length === 0 && unknown.length === 0) w.paragraph(t.noPayers);
  else {
    const share = (id: string) => (shares[id] === undefined ? '–' : percent(shares[id]));
    const total = Object.values(shares).reduce((sum, value) => sum + value, 0);
    const blank = departmentFields.slice(1).map(() => '');
    table(
      w,
      [
        ...departmentFields.map((field, i) => ({ header: fieldRowLabel(field, lang), width: i === 0 ? 3 : 1.4 })),
        { header: fieldRowLabel('paymentModel.payerShares', lang), width: 1.2, align: 'right' as const },
      ],
      [
        ...facts.departments.map((d) => [
          ...departmentFields.map((field) => oneLine(valueText(field, valueIn(d, field), ctx)) || '–'),
          share(d.id),
        ]),
        ...unknown.map((id) => [oneLine(id), ...blank, share(id)]),
        [{ text: t.total, bold: true }, ...blank, { text: percent(total), bold: true }],
      ],
    );
  }
  const fields = exportFields({ pdf: 'paymentModel' }, ['paymentModel']).filter((f) => f.kind !== 'numberRecord');
  fieldBlock(w, fields, (field) => recordValue(model, field), ctx);
  w.heading(t.ranges, 3);
  table(
    w,
    [
      { header: t.input, width: 2 },
      { header: t.low, width: 1, align: 'right' },
      { header: figureLabel('scenarioExpected', lang), width: 1, align: 'right' },
      { header: t.high, width: 1, align: 'right' },
    ],
    RANGED_INPUTS.map((input) => {
      const range = paymentModel.scenarios[input];
      return [figureLabel(input, lang), orDash(range.low, decimal), decimal(1), orDash(range.high, decimal)];
    }),
  );
}
