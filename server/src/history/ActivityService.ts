import type { Stores } from '../storage/Stores.ts';

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
    private readonly stores: Stores,
    /** Writes what a loaded case has gathered but not yet stored (CaseDocument batches it). */
    private readonly flushPending: (caseId: string) => Promise<void> | undefined = () => undefined,
  ) {}

  /** GET …/activity: the newest stretches of changes first. */
  async list(caseId: string, limit = ACTIVITY_LIMIT): Promise<ActivityListing[]> {
    await this.flushPending(caseId);
    const [parties, activity] = await Promise.all([
      this.stores.access.listParties(caseId),
      this.stores.activity.list(caseId, limit),
    ]);
    const names = new Map(parties.map((party) => [party.id, party.name]));
    return activity.map((entry) => ({
      partyId: entry.partyId,
      partyName: names.get(entry.partyId) ?? '',
      section: entry.section,
      firstAt: new Date(entry.firstAt).toISOString(),
      lastAt: new Date(entry.lastAt).toISOString(),
      edits: entry.edits,
    }));
  }
}
