import { Worker } from 'node:worker_threads';
import type { Log } from '../log.ts';
import type { WorkerReply } from './exportWorker.ts';
import type { ExportRequest, RenderedExport } from './renderExport.ts';

/** How long one export may take before its worker is stopped and the request fails. */
export const EXPORT_TIMEOUT_MS = 60_000;

type Pending = {
  worker: Worker;
  resolve: (value: RenderedExport) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/**
 * Renders exports in a worker thread, so building the risk analysis and writing an XLSX or a PDF
 * (tens to hundreds of milliseconds) never holds up the event loop that stores and relays
 * edits. One worker, started on first use (or at start-up with `prewarm`), handles requests in
 * order; one that crashes or times out fails its pending requests and is replaced on the next.
 * The worker runs TypeScript through tsx (exportWorkerBoot.mjs), like the server itself.
 */
export class ExportWorkers {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly log: Log,
    private readonly options: { prewarm?: boolean; timeoutMs?: number } = {},
  ) {
    if (options.prewarm) this.ensureWorker();
  }

  /** Renders one export off the event loop. Rejects when the worker fails or times out. */
  run(request: ExportRequest, options: { timeoutMs?: number } = {}): Promise<RenderedExport> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? EXPORT_TIMEOUT_MS;
    return new Promise<RenderedExport>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.log('error', 'export timed out; restarting the export worker', { format: request.format });
        this.retire(worker, new Error(`the export took longer than ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, { worker, resolve, reject, timer });
      worker.postMessage({ id, request });
    });
  }

  /** Stops the worker; pending exports fail. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (worker) await this.retire(worker, new Error('the server is shutting down'));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./exportWorkerBoot.mjs', import.meta.url));
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => {
      this.log('error', 'export worker failed', { error: error.message });
      void this.retire(worker, error);
    });
    worker.on('exit', () => void this.retire(worker, new Error('the export worker stopped')));
    // An idle worker must not keep the process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve({ ...reply.value, bytes: new Uint8Array(reply.value.bytes) });
    else pending.reject(new Error(reply.message));
  }

  /** Takes a worker out of service: its pending exports fail, the next export starts a new one. */
  private retire(worker: Worker, error: Error): Promise<number> {
    if (this.worker === worker) this.worker = undefined;
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
    return worker.terminate();
  }
}
