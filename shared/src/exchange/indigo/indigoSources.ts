import type { IndigoSource, SourceIds } from './indigoTypes.ts';

/** A value's source note in the case: the notes record it lives in, its key there, and where that record is. */
export type SourceRef = { notes: Readonly<Record<string, string>> | undefined; key: string; at: string };

/**
 * The record's `sources` list, filled as the parts cite the case's source notes: each note a
 * value of the record rests on becomes one source, its id the note's place in the case
 * (`paymentModel.paymentCap`, `outcomes.<outcome id>.points`) — stable for the same case, and
 * readable. Notes no emitted value rests on are not listed.
 */
export class SourceBook {
  private readonly cited = new Map<string, IndigoSource>();

  /** `{ source_ids }` for the notes among `refs` that hold text, or `{}` when none does (the key stays absent). */
  cite(...refs: SourceRef[]): { source_ids?: SourceIds } {
    const ids: string[] = [];
    for (const ref of refs) {
      const text = ref.notes?.[ref.key]?.trim();
      if (!text) continue;
      const id = sourceId(`${ref.at}.${ref.key}`);
      if (!this.cited.has(id)) this.cited.set(id, { id, notes: text });
      if (!ids.includes(id)) ids.push(id);
    }
    return ids.length > 0 ? { source_ids: ids.join(',') } : {};
  }

  /** The sources cited so far, in the order first cited. */
  sources(): IndigoSource[] {
    return [...this.cited.values()];
  }
}

/** An id safe inside the standard's comma-separated `source_ids` (a case's own ids may hold any character). */
function sourceId(path: string): string {
  return path.replace(/[^A-Za-z0-9._:-]/g, '_');
}
