import type { PortfolioAssessment, PortfolioRow } from '@caseroom/shared';

/**
 * How many unloaded cases' shown versions are kept. Above the largest portfolio we expect of
 * one process (a fund follows tens to hundreds of cases), so a member's repeated requests
 * decode no unchanged case twice; an entry holds no model and no Y.Doc — a few hundred bytes,
 * under ~2 MB when full. Least recently used first out.
 */
export const SHOWN_VERSION_CACHE_SIZE = 5_000;

/**
 * What a portfolio row shows that follows from the case's content alone: which version (current
 * or a sign-off snapshot), that version's facts and its assessment. The catalogue's part
 * (archived, last change) and the activity are read afresh for every row.
 */
export type ShownVersion = {
  version: PortfolioRow['version'];
  title: string | undefined;
  municipality: string | undefined;
  phase: 1 | 2 | 3 | undefined;
  assessment: PortfolioAssessment;
};

/**
 * The shown versions of cases this process does not hold live, by case id, each with the
 * `revision` it was decoded at: the update log's revision and the case's sign-off snapshots —
 * everything `agreedOrCurrent` reads. An entry whose revision differs is never returned, so an
 * edit, a compaction or a new sign-off snapshot (by this process or another) is seen at the next
 * request. Keyed by case only: a row is the case's own, and which organisation's portfolio lists
 * it is decided from the catalogue on every request, never from here.
 */
export class ShownVersionCache {
  private readonly entries = new Map<string, { revision: string; shown: ShownVersion }>();

  constructor(private readonly capacity: number = SHOWN_VERSION_CACHE_SIZE) {}

  /** The case's shown version if it was decoded at exactly this revision; marks it recently used. */
  get(caseId: string, revision: string): ShownVersion | undefined {
    const entry = this.entries.get(caseId);
    if (!entry || entry.revision !== revision) return undefined;
    // A Map iterates in insertion order: re-inserting makes it the most recently used.
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    return entry.shown;
  }

  /** Keeps the case's shown version as of `revision`, replacing any older one; evicts the least recently used. */
  set(caseId: string, revision: string, shown: ShownVersion): void {
    this.entries.delete(caseId);
    while (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(caseId, { revision, shown });
  }

  /** Drops every case not in `caseIds` (deleted ones: their entries could never be shown again). */
  retainOnly(caseIds: ReadonlySet<string>): void {
    for (const caseId of this.entries.keys()) if (!caseIds.has(caseId)) this.entries.delete(caseId);
  }

  /** How many cases are held. */
  get size(): number {
    return this.entries.size;
  }
}
