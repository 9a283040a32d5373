import { describe, expect, it } from 'vitest';
import { STORE_NAMES } from '../Stores.ts';
import { createCase, makeNewCase, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** What the Stores aggregate must do as a whole (contract S8 of the old DocumentStore suite). */
export function storesContract(engineName: string, open: OpenStores): void {
  describe(`Stores contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[S8] close is idempotent', async () => {
      const closing = stores().close();
      await expect(stores().close()).resolves.toBeUndefined();
      await expect(closing).resolves.toBeUndefined();
      await expect(stores().close()).resolves.toBeUndefined();
    });

    it('[S8b] a write after close rejects: it never reports success that did not happen', async () => {
      await createCase(stores());
      await stores().close();
      await expect(stores().updates.append('case-1', [new Uint8Array([1])])).rejects.toThrow();
      await expect(stores().cases.create(makeNewCase({ id: 'case-2' }))).rejects.toThrow();
    });

    it('[S8c] the aggregate holds every store it names, on the engine it names', () => {
      const all = stores();
      expect(['sqlite', 'postgres']).toContain(all.engine);
      for (const name of STORE_NAMES) expect(all[name], name).toBeTypeOf('object');
    });
  });
}
