import { parentPort } from 'node:worker_threads';
import { type CaseImportResult, parseCaseImport } from '@caseroom/shared';
import { type ExportRequest, type RenderedExport, renderExport } from './renderExport.ts';

/** A job for the exchange worker thread: render an export, or read an import file. */
export type ExchangeJob =
  | { kind: 'export'; request: ExportRequest }
  | { kind: 'import'; text: string; maxBytes: number };

/** What a job gives back. */
export type ExchangeJobResult<J extends ExchangeJob> = J extends { kind: 'export' } ? RenderedExport : CaseImportResult;

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
