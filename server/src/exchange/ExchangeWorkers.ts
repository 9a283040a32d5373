import { Worker } from 'node:worker_threads';
import type { Log } from '../log.ts';
import type { ExchangeJob, ExchangeJobResult, WorkerReply } from './exchangeWorker.ts';

/** How long one job may run (from when the worker starts it) before the worker is stopped. */
export const EXCHANGE_JOB_TIMEOUT_MS = 60_000;

/** How many jobs may wait for the worker; more are refused as busy. */
export const MAX_WAITING_JOBS = 20;

/** The job itself failed (it threw in the worker): the same input would fail again — a bug. */
export class ExchangeJobFailed extends Error {}

/** The worker could not do the job now (crashed, timed out, too many waiting, shutting down): try again. */
export class ExchangeUnavailable extends Error {}

type Queued = {
  job: ExchangeJob;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
};

/** The worker's entry: the compiled module beside this one, or the tsx boot when this is a .ts source. */
const WORKER_ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./exchangeWorkerBoot.mjs', import.meta.url)
  : new URL('./exchangeWorker.js', import.meta.url);

/**
 * Runs export rendering and import parsing in a worker thread, so building a risk analysis,
 * writing an XLSX or a PDF, or parsing a large import file never holds up the event loop that
 * stores and relays edits. One worker, started on first use (or at start-up with `prewarm`),
 * takes one job at a time from a queue; each job's time limit starts when the worker starts it.
 * A worker that crashes or overruns fails only the job it was running, is stopped, and the
 * queue goes on in a fresh one. Compiled (server/dist, `pnpm start`) the worker is plain JavaScript;
 * run from the TypeScript sources (tests, `pnpm dev:server`) it goes through tsx (exchangeWorkerBoot.mjs).
 */
export class ExchangeWorkers {
  private worker: Worker | undefined;
  private readonly waiting: Queued[] = [];
  private running: { id: number; worker: Worker; queued: Queued; timer: NodeJS.Timeout } | undefined;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly log: Log,
    private readonly options: { prewarm?: boolean; timeoutMs?: number; maxWaiting?: number } = {},
  ) {
    if (options.prewarm) this.ensureWorker();
  }

  /** Runs one job off the event loop: its result, ExchangeJobFailed, or ExchangeUnavailable. */
  run<J extends ExchangeJob>(job: J, options: { timeoutMs?: number } = {}): Promise<ExchangeJobResult<J>> {
    if (this.closed) return Promise.reject(new ExchangeUnavailable('the server is shutting down'));
    if (this.waiting.length >= (this.options.maxWaiting ?? MAX_WAITING_JOBS)) {
      return Promise.reject(new ExchangeUnavailable('too many exports and imports are waiting'));
    }
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? EXCHANGE_JOB_TIMEOUT_MS;
    return new Promise<ExchangeJobResult<J>>((resolve, reject) => {
      this.waiting.push({ job, timeoutMs, resolve: resolve as (value: unknown) => void, reject });
      this.next();
    });
  }

  /** Stops the worker; the running and waiting jobs fail. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.waiting.splice(0)) queued.reject(new ExchangeUnavailable('the server is shutting down'));
    const worker = this.worker;
    if (worker) await this.retire(worker, new ExchangeUnavailable('the server is shutting down'));
  }

  /** Hands the next waiting job to the worker, if it is free. */
  private next(): void {
    if (this.running || this.closed) return;
    const queued = this.waiting.shift();
    if (!queued) return;
    const worker = this.ensureWorker();
    const id = this.nextId++;
    try {
      worker.postMessage({ id, job: queued.job });
    } catch (error) {
      // The job could not be copied to the worker (not structured-cloneable): its own fault.
      queued.reject(new ExchangeJobFailed((error as Error).message));
      this.next();
      return;
    }
    const timer = setTimeout(() => {
      this.log('error', 'exchange job timed out; restarting the worker', { kind: queued.job.kind });
      void this.retire(worker, new ExchangeUnavailable(`it took longer than ${queued.timeoutMs / 1000} s`));
    }, queued.timeoutMs);
    this.running = { id, worker, queued, timer };
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_ENTRY);
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => {
      this.log('error', 'exchange worker failed', { error: error.message });
      void this.retire(worker, new ExchangeUnavailable(`the worker failed: ${error.message}`));
    });
    worker.on('exit', () => void this.retire(worker, new ExchangeUnavailable('the worker stopped')));
    // An idle worker must not keep the process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const running = this.running;
    if (!running || running.id !== reply.id) return;
    clearTimeout(running.timer);
    this.running = undefined;
    if (reply.ok) {
      const value = reply.value as { bytes?: unknown };
      // Transferred bytes arrive as a Uint8Array over the transferred buffer; keep them one.
      running.queued.resolve(
        value.bytes instanceof Uint8Array ? { ...value, bytes: new Uint8Array(value.bytes) } : value,
      );
    } else {
      running.queued.reject(new ExchangeJobFailed(reply.message));
    }
    this.next();
  }

  /** Takes a worker out of service: its running job fails; waiting jobs go on in a fresh worker. */
  private retire(worker: Worker, error: Error): Promise<number> {
    if (this.worker === worker) this.worker = undefined;
    if (this.running?.worker === worker) {
      clearTimeout(this.running.timer);
      this.running.queued.reject(error);
      this.running = undefined;
    }
    const stopped = worker.terminate();
    this.next();
    return stopped;
  }
}
