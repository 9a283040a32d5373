import type { BuiltCaseExport } from '@caseroom/shared';
import { ALL_RECORDS, exportFields, fieldRowLabel, recordValue } from '../fieldRows.ts';
import { versionLabel } from '../versionLabel.ts';
import { fieldCell } from './fieldCells.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';

/**
 * The case sheet: which version this is — the exported version's hash and signatures — then
 * every case field the registry marks for it (`exportRows.xlsx: 'case'`: title, partners, the
 * problem and the chosen intervention as plain text, …) and, for a case that cannot be priced,
 * why the workbook has no business case.
 */
export function writeCaseSheet(w: SheetWriter, exported: BuiltCaseExport, text: WorkbookText): void {
  const t = text.case;
  const { model, version } = exported;
  const ctx = { model, lang: text.lang };
  w.widths(44, 100);
  w.heading(1, t.heading);
  let row = 3;
  const line = (label: string, value: string | undefined, wrap = false) => {
    w.text(row, 1, label, { bold: true });
    if (value !== undefined) w.text(row, 2, value, { wrap });
    row++;
  };
  if (!exported.pricing.ok) {
    w.text(row, 1, t.notPriced, { bold: true });
    w.text(row++, 2, t.notPricedReason[exported.pricing.reason]);
    row++;
  }
  line(t.caseId, exported.case.id);
  line(t.exportedAt, exported.exportedAt);
  line(
    t.version,
    version.source === 'current' ? t.currentVersion : (versionLabel(version.sourceName, text.lang) ?? version.source),
  );
  line(t.contentHash, version.contentHash);
  line(t.agreed, version.agreed ? text.yes : text.no);
  line(t.signedBy, version.signedBy.map((s) => `${s.partyName} (${s.at})`).join('; '), true);
  row++;
  // Every field the registry puts on this sheet, in form order, labelled and written by kind.
  for (const field of exportFields({ xlsx: 'case' }, ALL_RECORDS)) {
    w.text(row, 1, fieldRowLabel(field, text.lang), { bold: true });
    fieldCell(w, row, 2, field, recordValue(model, field), ctx);
    row++;
  }
  if (exported.pricing.ok && exported.pricing.excludedOutcomeIds.length > 0) {
    const names = exported.pricing.excludedOutcomeIds.map((id) => model.outcomes.find((o) => o.id === id)?.name ?? id);
    line(t.excludedOutcomes, names.join('; '), true);
  }
  row++;
  w.text(row, 1, t.formatsNote);
}
