/**
 * Writes asked for in one turn of the event loop, done together (issue 14: the periodic writes
 * of every open case — activity, the catalogue's summary — fall due on one grid, and one
 * transaction for all of them costs one commit instead of one per case). Each caller gets its
 * own outcome: `writeAll` answers per item (a value, or the Error that item alone met); if the
 * whole batch fails, each item is tried again on its own, so one case's problem is never
 * another's.
 */
export class TurnBatch<Item, Result> {
  private waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];

  constructor(
    private readonly writeAll: (items: readonly Item[]) => Promise<(Result | Error)[]>,
    private readonly writeOne: (item: Item) => Promise<Result>,
  ) {}

  /** Queues one write; it is done with the others asked for in this turn. */
  push(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.flush());
      this.waiting.push({ item, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 1) {
      const [only] = batch;
      await this.writeOne(only!.item).then(only!.resolve, only!.reject);
      return;
    }
    let results: (Result | Error)[];
    try {
      results = await this.writeAll(batch.map((waiting) => waiting.item));
    } catch {
      await Promise.all(batch.map((waiting) => this.writeOne(waiting.item).then(waiting.resolve, waiting.reject)));
      return;
    }
    batch.forEach((waiting, i) => {
      const result = results[i] as Result | Error;
      if (result instanceof Error) waiting.reject(result);
      else waiting.resolve(result);
    });
  }
}

/** Milliseconds until the next multiple of `intervalMs` on `now`'s clock: timers of every case fall due together. */
export function untilNextTick(now: number, intervalMs: number): number {
  const rest = now % intervalMs;
  return rest === 0 ? intervalMs : intervalMs - rest;
}
