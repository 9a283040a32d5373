import type { BuiltCaseExport } from '@caseroom/shared';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';

type Lang = 'da' | 'en';

/** A finding as the export carries it (typed loosely there: it is derived data). */
type ExportedFinding = { rule?: unknown; severity?: unknown; path?: unknown; message?: { da?: unknown; en?: unknown } };

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The findings of the validation: rule, severity, field and the message in the reader's language. */
export function writeFindingsSheet(w: SheetWriter, exported: BuiltCaseExport, lang: Lang, text: WorkbookText): void {
  const t = text.findings;
  w.widths(10, 14, 44, 100);
  w.heading(1, t.heading);
  [t.rule, t.severity, t.path, t.message].forEach((label, i) => {
    w.text(3, 1 + i, label, { bold: true });
  });
  exported.findings.forEach((raw, i) => {
    const finding = (raw ?? {}) as ExportedFinding;
    const row = 4 + i;
    const severity = asText(finding.severity);
    w.text(row, 1, asText(finding.rule));
    w.text(row, 2, severity in t.severities ? t.severities[severity as keyof typeof t.severities] : severity);
    w.text(row, 3, Array.isArray(finding.path) ? finding.path.map(String).join(' / ') : '');
    w.text(row, 4, asText(finding.message?.[lang]), { wrap: true });
  });
}

/** The decisions the workshop recorded, in the order they were made. */
export function writeDecisionsSheet(w: SheetWriter, exported: BuiltCaseExport, text: WorkbookText): void {
  const t = text.decisions;
  w.widths(8, 80, 32, 28, 26, 22);
  w.heading(1, t.heading);
  [t.order, t.text, t.itemPath, t.party, t.at, text.importedHistory].forEach((label, i) => {
    w.text(3, 1 + i, label, { bold: true });
  });
  exported.decisions.forEach((decision, i) => {
    const row = 4 + i;
    w.text(row, 1, String(decision.order));
    w.text(row, 2, decision.text, { wrap: true });
    w.text(row, 3, decision.itemPath ?? '');
    w.text(row, 4, decision.partyName);
    w.text(row, 5, decision.at);
    if (decision.imported) w.text(row, 6, text.yes);
  });
}

/**
 * Every sign-off: who, when, which content hash, and whether it signs the exported version —
 * never one that came with an import (history, marked as such).
 */
export function writeSignoffsSheet(w: SheetWriter, exported: BuiltCaseExport, text: WorkbookText): void {
  const t = text.signoffs;
  w.widths(32, 26, 26, 70, 26, 22);
  w.heading(1, t.heading);
  [t.party, t.partyId, t.at, t.hash, t.signsThis, text.importedHistory].forEach((label, i) => {
    w.text(3, 1 + i, label, { bold: true });
  });
  exported.signoffs.forEach((signoff, i) => {
    const row = 4 + i;
    w.text(row, 1, signoff.partyName);
    w.text(row, 2, signoff.partyId);
    w.text(row, 3, signoff.at);
    w.text(row, 4, signoff.hash);
    w.text(row, 5, !signoff.imported && signoff.hash === exported.version.contentHash ? text.yes : text.no);
    if (signoff.imported) w.text(row, 6, text.yes);
  });
}
