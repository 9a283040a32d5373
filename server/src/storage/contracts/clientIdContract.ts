import { describe, expect, it } from 'vitest';
import { UnknownCaseError } from '../storeErrors.ts';
import { createCase, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** What every ClientIdStore must do (contract S20 of the old DocumentStore suite). */
export function clientIdContract(engineName: string, open: OpenStores): void {
  describe(`ClientIdStore contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[S20] a Yjs client id stays bound to the party that first used it; unknown case throws', async () => {
      const { clientIds } = stores();
      await createCase(stores());
      expect((await clientIds.list('case-1')).size).toBe(0);
      await clientIds.bind('case-1', [
        { clientId: 7, partyId: 'p-a' },
        { clientId: 2 ** 32 - 1, partyId: 'p-b' },
      ]);
      await clientIds.bind('case-1', [{ clientId: 7, partyId: 'p-b' }]);
      expect([...(await clientIds.list('case-1'))].sort((a, b) => a[0] - b[0])).toEqual([
        [7, 'p-a'],
        [2 ** 32 - 1, 'p-b'],
      ]);
      await expect(clientIds.bind('nope', [{ clientId: 1, partyId: 'p-a' }])).rejects.toThrow(UnknownCaseError);
      expect((await clientIds.list('nope')).size).toBe(0);
    });

    it('[S20b] one bind may hold new and already bound ids: the new ones are bound, the bound ones keep their party; ids are per case', async () => {
      const { clientIds } = stores();
      await createCase(stores());
      await createCase(stores(), { id: 'case-2' });
      await clientIds.bind('case-1', [{ clientId: 1, partyId: 'p-a' }]);
      await clientIds.bind('case-1', [
        { clientId: 1, partyId: 'p-b' },
        { clientId: 2, partyId: 'p-b' },
      ]);
      await clientIds.bind('case-2', [{ clientId: 1, partyId: 'p-c' }]);
      await clientIds.bind('case-2', []);
      expect(await clientIds.list('case-1')).toEqual(
        new Map([
          [1, 'p-a'],
          [2, 'p-b'],
        ]),
      );
      expect(await clientIds.list('case-2')).toEqual(new Map([[1, 'p-c']]));
    });
  });
}
