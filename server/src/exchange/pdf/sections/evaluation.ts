import type { BuiltCaseExport } from '@caseroom/shared';
import { exportFields, fieldRowLabel, recordValue, valueIn, valueText } from '../../fieldRows.ts';
import { fieldBlock } from '../fieldBlocks.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine } from '../safeText.ts';
import { table } from '../table.ts';

/** Evaluation & contract (phase 3): the registry's evaluation fields, and who must sign (one column per signatory field). */
export function evaluationSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText, lang: ReportLanguage) {
  const { model } = exported;
  const ctx = { model, lang, text };
  w.heading(text.sections.evaluation, 1);
  fieldBlock(w, exportFields({ pdf: 'evaluation' }, ['evaluation']), (field) => recordValue(model, field), ctx);
  const signatories = model.evaluation.signatories;
  if (signatories.length === 0) return;
  w.heading(text.evaluation.signatories, 3);
  const fields = exportFields({ pdf: 'evaluation' }, ['signatory']);
  table(
    w,
    fields.map((field) => ({ header: fieldRowLabel(field, lang), width: 1 })),
    signatories.map((s) => fields.map((field) => oneLine(valueText(field, valueIn(s, field), ctx)) || '–')),
  );
}
