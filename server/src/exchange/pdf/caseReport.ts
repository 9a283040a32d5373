import type { BuiltCaseExport } from '@caseroom/shared';
import { createDocument, ReportWriter } from './layout.ts';
import { drawFooters } from './pageFooter.ts';
import { type ReportLanguage, reportText } from './reportText.ts';
import { oneLine } from './safeText.ts';
import { assumptionsSection } from './sections/assumptions.ts';
import { interventionSection, problemSection, targetGroupSection } from './sections/caseSections.ts';
import { chartsSection } from './sections/charts.ts';
import { contractAnnexSection } from './sections/contractAnnex.ts';
import { evaluationSection } from './sections/evaluation.ts';
import { outcomesSection } from './sections/outcomes.ts';
import { paymentModelSection } from './sections/paymentModel.ts';
import { decisionsSection, findingsSection, signoffsSection } from './sections/record.ts';
import { riskSection } from './sections/risk.ts';
import { factsSection, summarySection } from './sections/summary.ts';

/**
 * The PDF report of an exported case (docs/export-pdf.md), in Danish or English, A4. A pure
 * function of its arguments apart from reading the font files once: every date printed comes
 * from the export, so it can run in a worker thread and gives the same bytes for the same export.
 */
export async function caseReport(exported: BuiltCaseExport, lang: ReportLanguage): Promise<Uint8Array> {
  const text = reportText(lang);
  const createdAt = new Date(exported.exportedAt);
  const doc = createDocument({
    title: oneLine(exported.case.title, 300) || text.untitled,
    subject: text.documentSubject,
    createdAt: Number.isNaN(createdAt.getTime()) ? new Date(0) : createdAt,
    lang: lang === 'da' ? 'da-DK' : 'en-GB',
  });
  const bytes = collect(doc);
  const w = new ReportWriter(doc);

  summarySection(w, exported, text, lang);
  w.newPage();
  factsSection(w, exported, text, lang);
  problemSection(w, exported, text, lang);
  targetGroupSection(w, exported, text, lang);
  interventionSection(w, exported, text, lang);
  outcomesSection(w, exported, text, lang);
  paymentModelSection(w, exported, text, lang);
  chartsSection(w, exported, text, lang);
  riskSection(w, exported, text, lang);
  evaluationSection(w, exported, text, lang);
  findingsSection(w, exported, text, lang);
  decisionsSection(w, exported, text);
  signoffsSection(w, exported, text);
  assumptionsSection(w, exported, text, lang);
  contractAnnexSection(w, exported, lang);

  drawFooters(doc, {
    title: exported.case.title || text.untitled,
    hash: exported.version.contentHash,
    page: text.page,
  });
  doc.end();
  return bytes;
}

/** The document's output stream, gathered into one array when it ends. */
function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => {
      const buffer = Buffer.concat(chunks);
      resolve(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    });
  });
}
