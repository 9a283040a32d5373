import { type BuiltCaseExport, figureLabel, RANGED_INPUTS } from '@caseroom/shared';
import { decimal, money, orDash, percent } from '../format.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine } from '../safeText.ts';
import { keyValues, table } from '../table.ts';

/** Payment model: payers and their shares, who funds the cost, the cap, return cap and guarantee, the scenario ranges. */
export function paymentModelSection(
  w: ReportWriter,
  exported: BuiltCaseExport,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const t = text.payment;
  const { paymentModel, facts } = exported.model;
  w.newPage('portrait');
  w.heading(text.sections.paymentModel, 1);
  w.heading(t.payers, 3);
  const names = new Map(facts.departments.map((d) => [d.id, oneLine(d.name) || d.id]));
  const shares = Object.entries(paymentModel.payerShares);
  if (shares.length === 0) w.paragraph(t.noPayers);
  else {
    const total = shares.reduce((sum, [, share]) => sum + share, 0);
    table(
      w,
      [
        { header: text.facts.department, width: 3 },
        { header: t.share, width: 1.2, align: 'right' },
      ],
      [
        ...shares.map(([id, share]) => [names.get(id) ?? oneLine(id), percent(share)]),
        [
          { text: t.total, bold: true },
          { text: percent(total), bold: true },
        ],
      ],
    );
  }
  keyValues(w, [
    [t.fundedShare, orDash(paymentModel.investorFundedShare, percent)],
    [t.cap, paymentModel.paymentCap === undefined ? t.none : money(paymentModel.paymentCap)],
    [t.returnCap, paymentModel.returnCap === undefined ? t.none : percent(paymentModel.returnCap)],
    [t.guarantee, paymentModel.guaranteeAmount === undefined ? t.none : money(paymentModel.guaranteeAmount)],
  ]);
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
