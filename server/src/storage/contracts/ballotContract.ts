import { describe, expect, it } from 'vitest';
import { UnknownCaseError } from '../storeErrors.ts';
import { createCase, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** What every BallotStore must do (contract S14 of the old DocumentStore suite). */
export function ballotContract(engineName: string, open: OpenStores): void {
  describe(`BallotStore contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[S14] a ballot is stored per case, vote and party; putting it again replaces it, keeping its place', async () => {
      const { ballots } = stores();
      await createCase(stores());
      await ballots.put({ caseId: 'case-1', voteId: 'v1', partyId: 'p1', itemIds: ['a', 'a'], at: 10 });
      await ballots.put({ caseId: 'case-1', voteId: 'v1', partyId: 'p2', itemIds: ['b'], at: 11 });
      await ballots.put({ caseId: 'case-1', voteId: 'v2', partyId: 'p1', itemIds: ['c'], at: 12 });
      await ballots.put({ caseId: 'case-1', voteId: 'v1', partyId: 'p1', itemIds: ['b', 'a'], at: 13 });
      expect(await ballots.get('case-1', 'v1', 'p1')).toEqual({
        caseId: 'case-1',
        voteId: 'v1',
        partyId: 'p1',
        itemIds: ['b', 'a'],
        at: 13,
      });
      expect((await ballots.list('case-1', 'v1')).map((b) => [b.partyId, b.itemIds])).toEqual([
        ['p1', ['b', 'a']],
        ['p2', ['b']],
      ]);
      expect(await ballots.get('case-1', 'v1', 'p3')).toBeUndefined();
      expect(await ballots.list('case-1', 'nope')).toEqual([]);
      await expect(ballots.put({ caseId: 'nope', voteId: 'v', partyId: 'p', itemIds: [], at: 1 })).rejects.toThrow(
        UnknownCaseError,
      );
      expect(await ballots.list('nope', 'v')).toEqual([]);
    });
  });
}
