/**
 * One case's writes, committed in the order they were accepted (issue 14: an ordered, batched
 * durable pipeline). Updates accepted while a commit is in flight — or in the same synchronous
 * run — are committed together in one store write (group commit); a job
 * (a compaction) runs after everything queued before it and before anything queued after.
 *
 * `append` never rejects: it resolves with the write's outcome, so the document decides what a
 * failure means (hold the case in memory, refuse, retry) and no promise is left unhandled.
 */
export class CommitQueue {
  /** The batch still taking updates: it has not started writing. */
  private open: Batch | undefined;
  /** Resolves when everything queued so far has been written (or has failed). */
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;

  constructor(private readonly write: (updates: Uint8Array[]) => Promise<void>) {}

  /** Queues an update; resolves once it is stored (`ok`) or its batch failed. */
  append(update: Uint8Array): Promise<CommitOutcome> {
    this.queued++;
    if (!this.open) {
      const batch: Batch = { updates: [], done: undefined as unknown as Promise<CommitOutcome> };
      this.open = batch;
      batch.done = this.enqueue(async () => {
        // Everything appended until now joins (the rest of this turn's synchronous work, and
        // what arrived while the previous write was in flight); the store gathers every case's
        // appends of the turn into one statement (UpdateLog).
        if (this.open === batch) this.open = undefined;
        try {
          await this.write(batch.updates);
          return { ok: true } as const;
        } catch (error) {
          return { ok: false, error } as const;
        } finally {
          this.queued -= batch.updates.length;
        }
      });
    }
    this.open.updates.push(update);
    return this.open.done;
  }

  /** Runs `job` after everything queued before it; what is queued after waits for it. */
  run<T>(job: () => Promise<T>): Promise<T> {
    this.open = undefined;
    return this.enqueue(job);
  }

  /**
   * Resolves when everything queued so far is written or has failed — after the handlers the
   * callers hung on `append`'s promises (the tail is derived from those promises, so it settles
   * after them).
   */
  settled(): Promise<void> {
    return this.tail.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Updates queued and not yet written (the queue depth a metric reports). */
  get depth(): number {
    return this.queued;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** The outcome of one queued update's write. */
export type CommitOutcome = { ok: true } | { ok: false; error: unknown };

type Batch = { updates: Uint8Array[]; done: Promise<CommitOutcome> };
