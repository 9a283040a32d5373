import * as Y from 'yjs';

/**
 * Which rows of each case's update log the caller's document holds, so that compaction never
 * drops an update it did not merge (issue 9: two processes on one database lost edits when
 * each compaction deleted the whole log).
 *
 * A store hands this handle's caller every row of a case on `loadUpdates`, and the caller
 * appends its own document's updates: those rows are in the state the caller compacts with.
 * Any other row — appended by another process, or through another store handle — is not, so
 * compaction merges it into the state (`mergeUnseen`) instead of dropping it. Row numbers
 * (`seq`) only grow, so "loaded" is a high-water mark and "appended" a set.
 */
export class SeenRows {
  private readonly cases = new Map<string, { through: number; appended: Set<number> }>();

  /** The caller read the whole log, up to and including row `through`. */
  loaded(caseId: string, through: number): void {
    this.cases.set(caseId, { through, appended: new Set() });
  }

  /** The caller appended row `seq` (from its own document). Ignored for a case never loaded. */
  appended(caseId: string, seq: number): void {
    this.cases.get(caseId)?.appended.add(seq);
  }

  /** Whether row `seq` is in the caller's document (unknown cases: no row is). */
  holds(caseId: string, seq: number): boolean {
    const seen = this.cases.get(caseId);
    return seen !== undefined && (seq <= seen.through || seen.appended.has(seq));
  }

  /**
   * The log was compacted into row `stateSeq`. If rows the caller did not hold were merged into
   * it, the caller's document lacks part of that row: it counts as unseen, so the next
   * compaction merges it again rather than drop what another writer wrote.
   */
  compacted(caseId: string, stateSeq: number, mergedUnseen: boolean): void {
    this.cases.set(caseId, { through: mergedUnseen ? stateSeq - 1 : stateSeq, appended: new Set() });
  }
}

/** The state to store: the caller's state, with any rows it did not hold merged in. */
export function mergeUnseen(state: Uint8Array, unseen: readonly Uint8Array[]): Uint8Array {
  return unseen.length === 0 ? state : Y.mergeUpdates([state, ...unseen]);
}
