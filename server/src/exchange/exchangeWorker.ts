import { parentPort } from 'node:worker_threads';
import { type ExportRequest, renderExport } from './renderExport.ts';

/**
 * The export worker thread (started by ExportWorkers): renders one request at a time and
 * answers with the bytes (transferred, not copied) or the error's message.
 */
export type WorkerReply =
  | { id: number; ok: true; value: Awaited<ReturnType<typeof renderExport>> }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('exportWorker.ts runs as a worker thread (see ExportWorkers)');

port.on('message', async ({ id, request }: { id: number; request: ExportRequest }) => {
  try {
    const value = await renderExport(request);
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
