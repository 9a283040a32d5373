import { type BuiltCaseExport, figureLabel } from '@caseroom/shared';
import { cashFlowChart } from '../charts/cashFlowChart.ts';
import { departmentChart } from '../charts/departmentChart.ts';
import { money } from '../format.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine } from '../safeText.ts';
import { table } from '../table.ts';

/** The business case in charts: cash flow per year, and who pays / who gains with its figures as a table. */
export function chartsSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText, lang: ReportLanguage) {
  if (!exported.pricing.ok) return;
  const { pricing } = exported.pricing;
  const { facts } = exported.model;
  w.heading(text.sections.charts, 1);
  w.heading(text.charts.cashFlow, 3);
  w.note(text.charts.cashFlowHelp);
  cashFlowChart(w, pricing, facts.startYear, text, lang);

  const names = new Map(facts.departments.map((d) => [d.id, oneLine(d.name) || d.id]));
  w.heading(text.charts.departments, 3);
  w.note(text.charts.departmentsHelp);
  departmentChart(w, pricing.departments, names, text, lang);
  table(
    w,
    [
      { header: figureLabel('department', lang), width: 2.2 },
      { header: figureLabel('valueGained', lang), width: 1.3, align: 'right' },
      { header: figureLabel('paymentsMade', lang), width: 1.3, align: 'right' },
      { header: figureLabel('ownCost', lang), width: 1.3, align: 'right' },
      { header: figureLabel('net', lang), width: 1.3, align: 'right' },
    ],
    [
      ...pricing.departments.map((a) => [
        names.get(a.departmentId) ?? oneLine(a.departmentId),
        money(a.valueGained),
        money(a.paymentsMade),
        money(a.ownCost),
        { text: money(a.net), bold: true },
      ]),
      // P10, P11, P17: what the authority owes beyond its departments' shares, rows of their own.
      ...(['unallocated', 'guarantee'] as const)
        .filter((key) => Math.round(pricing.authorityRows[key]) !== 0)
        .map((key) => [
          figureLabel(key, lang),
          money(0),
          money(pricing.authorityRows[key]),
          money(0),
          { text: money(-pricing.authorityRows[key]), bold: true },
        ]),
    ],
  );
}
