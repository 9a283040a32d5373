import { describe, expect, it } from 'vitest';
import type { BoundClientId } from '../ClientIdStore.ts';
import { UnknownCaseError } from '../storeErrors.ts';
import { createCase, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** The bindings sorted by client id, for comparing. */
function sorted(bindings: BoundClientId[]): BoundClientId[] {
  return [...bindings].sort((a, b) => a.clientId - b.clientId);
}

/** What every ClientIdStore must do (contract S20 of the old DocumentStore suite). */
export function clientIdContract(engineName: string, open: OpenStores): void {
  describe(`ClientIdStore contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[S20] a Yjs client id stays bound to the party (and time) that first used it; unknown case throws', async () => {
      const { clientIds } = stores();
      await createCase(stores());
      expect(await clientIds.list('case-1')).toEqual([]);
      await clientIds.bind(
        'case-1',
        [
          { clientId: 7, partyId: 'p-a' },
          { clientId: 2 ** 32 - 1, partyId: 'p-b' },
        ],
        1_000,
      );
      await clientIds.bind('case-1', [{ clientId: 7, partyId: 'p-b' }], 2_000);
      expect(sorted(await clientIds.list('case-1'))).toEqual([
        { clientId: 7, partyId: 'p-a', boundAt: 1_000 },
        { clientId: 2 ** 32 - 1, partyId: 'p-b', boundAt: 1_000 },
      ]);
      await expect(clientIds.bind('nope', [{ clientId: 1, partyId: 'p-a' }], 1_000)).rejects.toThrow(UnknownCaseError);
      expect(await clientIds.list('nope')).toEqual([]);
    });

    it('[S20b] one bind may hold new and already bound ids: the new ones are bound, the bound ones keep their party; ids are per case', async () => {
      const { clientIds } = stores();
      await createCase(stores());
      await createCase(stores(), { id: 'case-2' });
      await clientIds.bind('case-1', [{ clientId: 1, partyId: 'p-a' }], 1_000);
      await clientIds.bind(
        'case-1',
        [
          { clientId: 1, partyId: 'p-b' },
          { clientId: 2, partyId: 'p-b' },
        ],
        2_000,
      );
      await clientIds.bind('case-2', [{ clientId: 1, partyId: 'p-c' }], 3_000);
      await clientIds.bind('case-2', [], 4_000);
      expect(sorted(await clientIds.list('case-1'))).toEqual([
        { clientId: 1, partyId: 'p-a', boundAt: 1_000 },
        { clientId: 2, partyId: 'p-b', boundAt: 2_000 },
      ]);
      expect(await clientIds.list('case-2')).toEqual([{ clientId: 1, partyId: 'p-c', boundAt: 3_000 }]);
    });

    it('[S20c] forget deletes the named ids of that case only (more than one DELETE’s worth too); a forgotten id can be bound afresh', async () => {
      const { clientIds } = stores();
      await createCase(stores());
      await createCase(stores(), { id: 'case-2' });
      const many = Array.from({ length: 1_234 }, (_, i) => ({ clientId: 100 + i, partyId: 'p-a' }));
      await clientIds.bind('case-1', [{ clientId: 1, partyId: 'p-keep' }, ...many], 1_000);
      await clientIds.bind('case-2', [{ clientId: 100, partyId: 'p-c' }], 1_000);
      // 99 was never bound: ignored.
      await clientIds.forget('case-1', [99, ...many.map((binding) => binding.clientId)]);
      await clientIds.forget('case-1', []);
      expect(await clientIds.list('case-1')).toEqual([{ clientId: 1, partyId: 'p-keep', boundAt: 1_000 }]);
      expect(await clientIds.list('case-2')).toEqual([{ clientId: 100, partyId: 'p-c', boundAt: 1_000 }]);
      await clientIds.bind('case-1', [{ clientId: 100, partyId: 'p-b' }], 5_000);
      expect(sorted(await clientIds.list('case-1'))).toEqual([
        { clientId: 1, partyId: 'p-keep', boundAt: 1_000 },
        { clientId: 100, partyId: 'p-b', boundAt: 5_000 },
      ]);
    });
  });
}
