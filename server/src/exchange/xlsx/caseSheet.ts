import { type BuiltCaseExport, richTextToPlain } from '@caseroom/shared';
import { FORMAT } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';

/**
 * The case sheet: what the case is and which version this is — title, partners, the exported
 * version's hash and signatures, the problem and the chosen intervention as plain text — and,
 * for a case that cannot be priced, why the workbook has no business case.
 */
export function writeCaseSheet(w: SheetWriter, exported: BuiltCaseExport, text: WorkbookText): void {
  const t = text.case;
  const { model, version } = exported;
  const { facts } = model;
  const chosen = model.interventions.candidates.find((c) => c.id === model.interventions.chosenId);
  w.widths(44, 100);
  w.heading(1, t.heading);
  let row = 3;
  const line = (label: string, value: string | undefined, wrap = false) => {
    w.text(row, 1, label, { bold: true });
    if (value !== undefined) w.text(row, 2, value, { wrap });
    row++;
  };
  const numberLine = (label: string, value: number | undefined, format: (typeof FORMAT)[keyof typeof FORMAT]) => {
    w.text(row, 1, label, { bold: true });
    w.number(row, 2, value, format);
    row++;
  };
  if (!exported.pricing.ok) {
    w.text(row, 1, t.notPriced, { bold: true });
    w.text(row++, 2, t.notPricedReason[exported.pricing.reason]);
    row++;
  }
  line(t.title, exported.case.title);
  line(t.municipality, facts.municipality);
  line(t.authority, facts.partners.authority);
  line(t.provider, facts.partners.provider);
  line(t.investor, facts.partners.investor);
  line(t.guarantor, facts.partners.guarantor);
  line(t.caseId, exported.case.id);
  line(t.exportedAt, exported.exportedAt);
  line(t.version, version.source === 'current' ? t.currentVersion : version.source);
  line(t.contentHash, version.contentHash);
  line(t.agreed, version.agreed ? text.yes : text.no);
  line(t.signedBy, version.signedBy.map((s) => `${s.partyName} (${s.at})`).join('; '), true);
  line(t.currency, facts.currency);
  numberLine(t.priceYear, facts.priceYear, FORMAT.year);
  numberLine(t.startYear, facts.startYear, FORMAT.year);
  line(t.targetGroup, model.targetGroup.name);
  numberLine(t.eligiblePopulation, model.targetGroup.eligiblePopulation, FORMAT.count);
  line(t.intervention, chosen?.name);
  line(t.rationale, richTextToPlain(model.interventions.rationale), true);
  line(t.problem, richTextToPlain(model.problem.text), true);
  if (exported.pricing.ok && exported.pricing.excludedOutcomeIds.length > 0) {
    const names = exported.pricing.excludedOutcomeIds.map((id) => model.outcomes.find((o) => o.id === id)?.name ?? id);
    line(t.excludedOutcomes, names.join('; '), true);
  }
  row++;
  w.text(row, 1, t.formatsNote);
}
