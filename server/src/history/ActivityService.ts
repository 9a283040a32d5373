import type { DocumentStore } from '../storage/DocumentStore.ts';

/** The most activity entries one request returns. */
export const ACTIVITY_LIMIT = 200;

/** One stretch of changes as the API lists it: who (with the party's name), which section, when. */
export type ActivityListing = {
  partyId: string;
  partyName: string;
  section: string;
  firstAt: string;
  lastAt: string;
  edits: number;
};

/**
 * Who changed what, when (W12): the activity the case documents record for each connection's
 * changes (CaseDocument), with the parties' names from the store. Read by any party.
 */
export class ActivityService {
  constructor(
    private readonly store: DocumentStore,
    /** Writes what a loaded case has gathered but not yet stored (CaseDocument batches it). */
    private readonly flushPending: (caseId: string) => void = () => undefined,
  ) {}

  /** GET …/activity: the newest stretches of changes first. */
  list(caseId: string, limit = ACTIVITY_LIMIT): ActivityListing[] {
    this.flushPending(caseId);
    const names = new Map(this.store.listParties(caseId).map((party) => [party.id, party.name]));
    return this.store.listActivity(caseId, limit).map((entry) => ({
      partyId: entry.partyId,
      partyName: names.get(entry.partyId) ?? '',
      section: entry.section,
      firstAt: new Date(entry.firstAt).toISOString(),
      lastAt: new Date(entry.lastAt).toISOString(),
      edits: entry.edits,
    }));
  }
}
