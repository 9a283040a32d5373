import { describe, expect, it } from 'vitest';
import { UnknownCaseError } from '../storeErrors.ts';
import { createCase, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** What every ActivityStore must do (contracts S17 and S21 of the old DocumentStore suite). */
export function activityContract(engineName: string, open: OpenStores): void {
  describe(`ActivityStore contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[S17] activity: edits by one party to one section within a minute are one entry; listed newest first', async () => {
      const { activity } = stores();
      await createCase(stores());
      const at = (caseId: string, partyId: string, section: string, time: number) =>
        activity.record({ caseId, partyId, section, at: time });
      await at('case-1', 'p1', 'facts', 1_000);
      await at('case-1', 'p1', 'facts', 30_000);
      await at('case-1', 'p1', 'facts', 61_000); // within a minute of the last edit: still the same stretch
      await at('case-1', 'p2', 'facts', 62_000);
      await at('case-1', 'p1', 'outcomes', 63_000);
      await at('case-1', 'p1', 'facts', 200_000); // more than a minute later: a new entry
      expect(await activity.list('case-1', 10)).toEqual([
        { partyId: 'p1', section: 'facts', firstAt: 200_000, lastAt: 200_000, edits: 1 },
        { partyId: 'p1', section: 'outcomes', firstAt: 63_000, lastAt: 63_000, edits: 1 },
        { partyId: 'p2', section: 'facts', firstAt: 62_000, lastAt: 62_000, edits: 1 },
        { partyId: 'p1', section: 'facts', firstAt: 1_000, lastAt: 61_000, edits: 3 },
      ]);
      expect(await activity.list('case-1', 2)).toHaveLength(2);
      expect(await activity.list('other', 10)).toEqual([]);
      await expect(at('nope', 'p1', 'facts', 1)).rejects.toThrow(UnknownCaseError);
      expect(await activity.list('nope', 10)).toEqual([]);
    });

    it('[S21] activity recorded in batches counts every edit of the batch', async () => {
      const { activity } = stores();
      await createCase(stores());
      await activity.record({ caseId: 'case-1', partyId: 'p', section: 'problem', at: 10_000, edits: 7 });
      await activity.record({ caseId: 'case-1', partyId: 'p', section: 'problem', at: 11_000, edits: 3 });
      await activity.record({ caseId: 'case-1', partyId: 'p', section: 'problem', at: 12_000 });
      expect(await activity.list('case-1', 10)).toEqual([
        { partyId: 'p', section: 'problem', firstAt: 10_000, lastAt: 12_000, edits: 11 },
      ]);
    });

    it('[S21b] recordAll writes a second of entries at once, merging as record does; an unknown case writes none', async () => {
      const { activity } = stores();
      await createCase(stores());
      await activity.record({ caseId: 'case-1', partyId: 'p', section: 'problem', at: 10_000, edits: 2 });
      await activity.recordAll([
        { caseId: 'case-1', partyId: 'p', section: 'problem', at: 11_000, edits: 3 },
        { caseId: 'case-1', partyId: 'q', section: 'outcomes', at: 11_000 },
        { caseId: 'case-1', partyId: 'p', section: 'problem', at: 200_000 },
      ]);
      expect(await activity.list('case-1', 10)).toEqual([
        { partyId: 'p', section: 'problem', firstAt: 200_000, lastAt: 200_000, edits: 1 },
        { partyId: 'q', section: 'outcomes', firstAt: 11_000, lastAt: 11_000, edits: 1 },
        { partyId: 'p', section: 'problem', firstAt: 10_000, lastAt: 11_000, edits: 5 },
      ]);
      await expect(
        activity.recordAll([
          { caseId: 'case-1', partyId: 'r', section: 'facts', at: 300_000 },
          { caseId: 'nope', partyId: 'r', section: 'facts', at: 300_000 },
        ]),
      ).rejects.toThrow(UnknownCaseError);
      expect((await activity.list('case-1', 10)).some((entry) => entry.partyId === 'r')).toBe(false);
    });
  });
}
