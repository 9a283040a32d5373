import type { BuiltCaseExport } from '@caseroom/shared';
import { count, orDash } from '../format.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportText } from '../reportText.ts';
import { richText } from '../richText.ts';
import { oneLine, safeText } from '../safeText.ts';
import { keyValues, table } from '../table.ts';

/** Evaluation & contract (phase 3): design, data, who evaluates, contract terms and who must sign. */
export function evaluationSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText): void {
  const t = text.evaluation;
  const e = exported.model.evaluation;
  w.heading(text.sections.evaluation, 1);
  keyValues(w, [
    [t.design, e.design ? t.designs[e.design] : '–'],
    [t.dataSources, safeText(e.dataSources) || '–'],
    [t.measurementPoints, safeText(e.measurementPoints) || '–'],
    [t.evaluator, safeText(e.evaluator) || '–'],
    [t.contractYears, orDash(e.contractYears, (n) => `${count(n)} ${text.years}`)],
    [t.contractParties, safeText(e.contractParties) || '–'],
  ]);
  w.heading(t.notes, 3);
  if (!richText(w, e.notes)) w.note(text.empty);
  w.heading(t.earlyStop, 3);
  if (!richText(w, e.earlyStop)) w.note(text.empty);
  if (e.signatories.length > 0) {
    w.heading(t.signatories, 3);
    table(
      w,
      [
        { header: t.signatory, width: 1 },
        { header: t.organisation, width: 1 },
      ],
      e.signatories.map((s) => [oneLine(s.name) || '–', oneLine(s.organisation) || '–']),
    );
  }
}
