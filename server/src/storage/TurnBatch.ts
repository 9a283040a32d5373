/**
 * Writes asked for in one turn of the event loop, done together (issue 14: the periodic writes
 * of every open case — activity, the catalogue's summary — fall due on a shared grid, and one
 * transaction for the cases of one moment costs one commit instead of one per case). Each caller gets its
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

/**
 * How many moments per interval the periodic writes of all cases fall due at: each case has one
 * (by its id), so a few cases share each commit (TurnBatch) while no moment gathers them all — one
 * transaction for 500 cases' activity held the store for tens of milliseconds and every edit's
 * commit waited behind it (`pnpm bench:sync`, p99).
 */
export const GRID_SLOTS = 50;

/**
 * Milliseconds until this case's next moment on a grid shared by every case: the interval is cut
 * into GRID_SLOTS moments and `key` (a case id) picks one; without a key, the interval's start.
 */
export function untilNextTick(now: number, intervalMs: number, key?: string): number {
  const offset = key === undefined ? 0 : Math.floor((slotOf(key) * intervalMs) / GRID_SLOTS);
  const rest = (((now - offset) % intervalMs) + intervalMs) % intervalMs;
  return rest === 0 ? intervalMs : intervalMs - rest;
}

/** A stable slot in 0 … GRID_SLOTS − 1 for a key (FNV-1a). */
function slotOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % GRID_SLOTS;
}
