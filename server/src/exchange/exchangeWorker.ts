import { parentPort } from 'node:worker_threads';
import {
  assessForPortfolio,
  type CaseImportResult,
  type CaseModelDraft,
  type PortfolioAssessment,
  parseCaseImport,
} from '@caseroom/shared';
import { type BuiltCase, buildCase, fillImported } from '../cases/CaseService.ts';
import { type PortfolioWorkbookRequest, portfolioWorkbook } from '../portfolio/portfolioWorkbook.ts';
import { type ExportRequest, type RenderedExport, renderExport } from './renderExport.ts';

/**
 * A job for the exchange worker thread: render an export, read an import file, or read one and
 * build the new case's document from it (`createdAt`: milliseconds since the epoch), or price a
 * case for the fund's portfolio (issue 15).
 */
export type ExchangeJob =
  | { kind: 'export'; request: ExportRequest }
  | { kind: 'assess'; model: CaseModelDraft }
  | { kind: 'portfolioWorkbook'; request: PortfolioWorkbookRequest }
  | { kind: 'import'; text: string; maxBytes: number }
  | { kind: 'buildImport'; text: string; maxBytes: number; createdAt: number };

/** An import file read and built into a case document, or the reasons it was refused. */
export type BuiltImport =
  | Exclude<CaseImportResult, { ok: true }>
  | { ok: true; built: BuiltCase; fromSchemaVersion: number; decisions: number; signoffs: number };

/** What a job gives back. */
export type ExchangeJobResult<J extends ExchangeJob> = J extends { kind: 'export' }
  ? RenderedExport
  : J extends { kind: 'buildImport' }
    ? BuiltImport
    : J extends { kind: 'assess' }
      ? PortfolioAssessment
      : J extends { kind: 'portfolioWorkbook' }
        ? Uint8Array
        : CaseImportResult;

/** The worker's answer to job `id`: its value, or the message of what it threw. */
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/**
 * The exchange worker thread (started by ExchangeWorkers): runs one job at a time and answers
 * with its value — an export's bytes are transferred, not copied.
 */
const port = parentPort;
if (!port) throw new Error('exchangeWorker.ts runs as a worker thread (see ExchangeWorkers)');

port.on('message', async ({ id, job }: { id: number; job: ExchangeJob }) => {
  try {
    if (job.kind === 'buildImport') {
      const value = buildImport(job);
      // The state's bytes are handed over without a copy, like an export's.
      const transfer = value.ok ? [value.built.initialState.buffer as ArrayBuffer] : [];
      port.postMessage({ id, ok: true, value } satisfies WorkerReply, transfer);
      return;
    }
    if (job.kind === 'assess') {
      port.postMessage({ id, ok: true, value: assessForPortfolio(job.model) } satisfies WorkerReply);
      return;
    }
    if (job.kind === 'portfolioWorkbook') {
      const bytes = (await portfolioWorkbook(job.request)).slice();
      port.postMessage({ id, ok: true, value: bytes } satisfies WorkerReply, [bytes.buffer]);
      return;
    }
    if (job.kind === 'import') {
      port.postMessage({
        id,
        ok: true,
        value: parseCaseImport(job.text, { maxBytes: job.maxBytes }),
      } satisfies WorkerReply);
      return;
    }
    const value = await renderExport(job.request);
    // A fresh buffer of exactly the export's bytes, handed over without a copy.
    const bytes = value.bytes.slice();
    port.postMessage({ id, ok: true, value: { ...value, bytes } } satisfies WorkerReply, [bytes.buffer]);
  } catch (error) {
    port.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies WorkerReply);
  }
});

/** Reads an import file and, if it is a case, builds the new case's document (issue 9: off the event loop). */
function buildImport(job: Extract<ExchangeJob, { kind: 'buildImport' }>): BuiltImport {
  const parsed = parseCaseImport(job.text, { maxBytes: job.maxBytes });
  if (!parsed.ok) return parsed;
  const importedAt = new Date(job.createdAt);
  const built: BuiltCase = {
    ...buildCase(importedAt, fillImported(parsed.model, parsed.history, importedAt)),
    importedAt: job.createdAt,
  };
  // A buffer of exactly the state's bytes, so that transferring it hands over nothing else.
  built.initialState = built.initialState.slice();
  return {
    ok: true,
    built,
    fromSchemaVersion: parsed.fromSchemaVersion,
    decisions: parsed.history.decisions.length,
    signoffs: parsed.history.signoffs.length,
  };
}
