import type { BuiltCaseExport } from '@caseroom/shared';
import { exportFields, recordValue, valueIn } from '../../fieldRows.ts';
import { fieldBlock } from '../fieldBlocks.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine } from '../safeText.ts';
import { candidateComparisonSection } from './candidates.ts';

/** Problem: the registry's problem fields (the group's rich text). */
export function problemSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText, lang: ReportLanguage) {
  const { model } = exported;
  w.heading(text.sections.problem, 1);
  fieldBlock(w, exportFields({ pdf: 'case' }, ['problem']), (field) => recordValue(model, field), {
    model,
    lang,
    text,
  });
}

/** Target group: the registry's target-group fields — name, eligibility, the eligible population, yearly intake, the baseline. */
export function targetGroupSection(
  w: ReportWriter,
  exported: BuiltCaseExport,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const { model } = exported;
  w.heading(text.sections.targetGroup, 1);
  fieldBlock(w, exportFields({ pdf: 'case' }, ['targetGroup']), (field) => recordValue(model, field), {
    model,
    lang,
    text,
  });
}

/**
 * Intervention: the choice and its rationale, the chosen candidate's fields (the registry's,
 * under its name), and every candidate priced on its own (P19, `candidates.ts`).
 */
export function interventionSection(
  w: ReportWriter,
  exported: BuiltCaseExport,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const t = text.intervention;
  const { model } = exported;
  const { interventions } = model;
  const ctx = { model, lang, text };
  w.heading(text.sections.intervention, 1);
  const chosen = interventions.candidates.find((c) => c.id === interventions.chosenId);
  if (!chosen) w.paragraph(t.noneChosen);
  fieldBlock(w, exportFields({ pdf: 'case' }, ['interventions']), (field) => recordValue(model, field), ctx);
  if (chosen) {
    w.heading(oneLine(chosen.name) || '–', 2);
    const fields = exportFields({ pdf: 'case' }, ['intervention']).filter((field) => field.key !== 'name');
    fieldBlock(w, fields, (field) => valueIn(chosen, field), ctx);
  }

  candidateComparisonSection(w, exported, text, lang);
}
