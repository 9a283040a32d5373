import {
  type BuiltCaseExport,
  buildCaseExport,
  type CaseExportSource,
  caseExportJson,
  type ExportFormat,
  type ExportLanguage,
  indigoRecordJson,
} from '@caseroom/shared';
import { contractAnnexDocx } from './docx/contractAnnex.ts';
import { caseReport } from './pdf/caseReport.ts';
import { caseWorkbook } from './xlsx/caseWorkbook.ts';

/** What one export needs: plain, structured-cloneable data (it crosses into a worker thread). */
export type ExportRequest = { format: ExportFormat; lang: ExportLanguage; source: CaseExportSource };

/** A rendered export: the bytes and how to offer them for download. */
export type RenderedExport = {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
  /** Which version was exported: 'current' or a snapshot id. */
  source: string;
  contentHash: string;
  /** Whether every required party has signed this version. */
  agreed: boolean;
};

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  indigo: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Builds the export (pricing, the Monte Carlo risk analysis, findings) and renders it in the
 * asked format. CPU-bound for tens to hundreds of milliseconds: the server runs it in a worker
 * thread (ExchangeWorkers), never on the event loop that relays edits.
 */
export async function renderExport(request: ExportRequest): Promise<RenderedExport> {
  const built = buildCaseExport(request.source);
  return {
    filename: exportFilename(built, request.format, request.lang),
    contentType: CONTENT_TYPES[request.format],
    bytes: await renderBytes(built, request.format, request.lang),
    source: built.version.source,
    contentHash: built.version.contentHash,
    agreed: built.version.agreed,
  };
}

async function renderBytes(built: BuiltCaseExport, format: ExportFormat, lang: ExportLanguage): Promise<Uint8Array> {
  switch (format) {
    case 'json':
      return new TextEncoder().encode(caseExportJson(built));
    case 'xlsx':
      return caseWorkbook(built, lang);
    case 'pdf':
      return caseReport(built, lang);
    case 'indigo':
      return new TextEncoder().encode(indigoRecordJson(built));
    case 'docx':
      return contractAnnexDocx(built, lang);
  }
}

/**
 * `<slug of the title>-v<first 8 of the content hash>.<ext>`, ASCII only; the PDF report, the
 * workbook and the contract annex (`…-bilag.docx` / `…-annex-en.docx`), which are written in one
 * language, say which (`…-en.pdf`) unless it is Danish; the INDIGO record is JSON in no language
 * (`…-indigo.json`).
 */
export function exportFilename(
  value: Pick<BuiltCaseExport, 'case' | 'version'>,
  format: ExportFormat,
  lang: ExportLanguage = 'da',
): string {
  const base = `${slug(value.case.title)}-v${value.version.contentHash.slice(0, 8)}`;
  if (format === 'indigo') return `${base}-indigo.json`;
  const language = format !== 'json' && lang !== 'da' ? `-${lang}` : '';
  const kind = format === 'docx' ? (lang === 'da' ? '-bilag' : '-annex') : '';
  return `${base}${kind}${language}.${format}`;
}

/** A file-name-safe slug: Danish letters spelled out, accents dropped, anything else a dash. */
export function slug(title: string): string {
  const spelled = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const cleaned = spelled
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return cleaned || 'case';
}
