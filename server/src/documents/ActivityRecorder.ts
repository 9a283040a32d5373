import { SECTIONS } from '@caseroom/shared';
import type { Log } from '../log.ts';
import type { ActivityEntry } from '../storage/ActivityStore.ts';
import type { Stores } from '../storage/Stores.ts';
import { untilNextTick } from '../storage/TurnBatch.ts';

/**
 * How long a case gathers activity (who changed which section) before writing it: stretches
 * merge over a minute anyway, a listing on this process writes what is pending first, and each
 * write costs a commit (`pnpm bench:sync`, issue 14).
 */
export const ACTIVITY_FLUSH_MS = 5_000;

/**
 * Who changed what (docs/workshop.md W12) for one case: a party's accepted edit is recorded in
 * each section it changed, batched so that the store sees one write per party and section a
 * second, not one per keystroke. Never in the way of storing and relaying the edit: a failing
 * write is logged once and skipped.
 */
export class ActivityRecorder {
  private readonly pending = new Map<string, ActivityEntry>();
  private timer: NodeJS.Timeout | undefined;
  private failed = false;

  constructor(
    private readonly caseId: string,
    private readonly options: { stores: Stores; log: Log; now: () => number },
  ) {}

  /**
   * Records an edit by `partyId` in the sections among `roots` (the roots the update changed, as
   * the write guard found them: a resync of content the case already has changes none).
   */
  record(partyId: string, roots: ReadonlySet<string>): void {
    const sections = SECTIONS.filter((section) => roots.has(section));
    if (sections.length === 0) return;
    const at = this.options.now();
    for (const section of sections) {
      const key = `${partyId}\u0000${section}`;
      const pending = this.pending.get(key);
      if (pending) {
        pending.at = at;
        pending.edits = (pending.edits ?? 1) + 1;
      } else {
        this.pending.set(key, { caseId: this.caseId, partyId, section, at, edits: 1 });
      }
    }
    if (!this.timer) {
      // On a grid shared by every case: their writes fall due together and share one commit (TurnBatch).
      this.timer = setTimeout(() => void this.flush(), untilNextTick(Date.now(), ACTIVITY_FLUSH_MS, this.caseId));
      this.timer.unref();
    }
  }

  /** Writes what was recorded since the last flush (before the activity is listed, on unload). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const entries = [...this.pending.values()];
    this.pending.clear();
    try {
      // One transaction for the second's entries of this case.
      await this.options.stores.activity.recordAll(entries);
    } catch (error) {
      if (!this.failed)
        this.options.log('warn', 'activity not recorded', { caseId: this.caseId, error: String(error) });
      this.failed = true;
    }
  }

  /** Stops the pending write (the document is being destroyed; `flush` ran before if it could). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
