import { type LibraryEntryFields, SEED_ENTRIES } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { DuplicateLibraryEntryError, LibraryVersionConflictError, UnknownOrganisationError } from '../storeErrors.ts';
import { makeNewOrganisation, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** An entry's fields in a test, with overrides. */
function fields(overrides: Partial<LibraryEntryFields> = {}): LibraryEntryFields {
  return {
    name: 'Helårsmodtager af kontanthjælp',
    level: 'municipal',
    valuePerYear: 150_000.5,
    unit: 'pr. helårsmodtager',
    priceYear: 2024,
    source: { text: 'Testkilde', link: 'https://example.org/kilde', date: '2024-05' },
    validFrom: '2024-01-01',
    ...overrides,
  };
}

/** What every UnitValueLibrary must do (issue 15, docs/library.md). */
export function libraryContract(engineName: string, open: OpenStores): void {
  describe(`UnitValueLibrary contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[L1] an entry is added as version 1 with every field; a taken id throws and changes nothing; an unknown organisation throws', async () => {
      const { organisations, library } = stores();
      await organisations.create(makeNewOrganisation('org-a', '1'.repeat(64)));
      const added = await library.add({ organisationId: 'org-a', id: 'e1', fields: fields(), at: 1_000, by: 'Ida' });
      expect(added).toEqual({
        ...fields(),
        id: 'e1',
        organisationId: 'org-a',
        version: 1,
        changedAt: 1_000,
        changedBy: 'Ida',
      });
      expect(await library.current('org-a')).toEqual([added]);
      await expect(
        library.add({ organisationId: 'org-a', id: 'e1', fields: fields({ valuePerYear: 1 }), at: 2_000, by: 'Bo' }),
      ).rejects.toThrow(DuplicateLibraryEntryError);
      expect(await library.versions('org-a', 'e1')).toEqual([added]);
      await expect(
        library.add({ organisationId: 'nope', id: 'e1', fields: fields(), at: 1_000, by: 'Ida' }),
      ).rejects.toThrow(UnknownOrganisationError);
      // A link without one is kept without one.
      const bare = await library.add({
        organisationId: 'org-a',
        id: 'e2',
        fields: fields({ source: { text: 'Uden link', date: '2019' } }),
        at: 3_000,
        by: 'Ida',
      });
      expect(bare.source).toEqual({ text: 'Uden link', date: '2019' });
      expect((await library.current('org-a')).map((e) => e.id)).toEqual(['e1', 'e2']);
    });

    it('[L2] a change makes the next version; old versions stay readable; current is the newest; an unknown entry is undefined', async () => {
      const { organisations, library } = stores();
      await organisations.create(makeNewOrganisation('org-a', '1'.repeat(64)));
      const v1 = await library.add({ organisationId: 'org-a', id: 'e1', fields: fields(), at: 1_000, by: 'Ida' });
      const v2 = await library.revise({
        organisationId: 'org-a',
        id: 'e1',
        fields: fields({ valuePerYear: 160_000, priceYear: 2025 }),
        at: 2_000,
        by: 'Bo',
      });
      expect(v2).toMatchObject({ id: 'e1', version: 2, valuePerYear: 160_000, priceYear: 2025, changedBy: 'Bo' });
      const v3 = await library.revise({
        organisationId: 'org-a',
        id: 'e1',
        fields: fields({ valuePerYear: 1 }),
        at: 3_000,
        by: 'Bo',
      });
      expect(v3?.version).toBe(3);
      expect(await library.versions('org-a', 'e1')).toEqual([v1, v2, v3]);
      expect(await library.current('org-a')).toEqual([v3]);
      expect(
        await library.find('org-a', [
          { entryId: 'e1', version: 1 },
          { entryId: 'e1', version: 9 },
        ]),
      ).toEqual([v1]);
      expect(
        await library.revise({ organisationId: 'org-a', id: 'nope', fields: fields(), at: 4_000, by: 'Bo' }),
      ).toBeUndefined();
      expect(await library.versions('org-a', 'nope')).toEqual([]);
      expect(await library.count('org-a')).toBe(1);
    });

    it('[L3] libraries are per organisation: the same id in two, neither sees the other’s', async () => {
      const { organisations, library } = stores();
      await organisations.create(makeNewOrganisation('org-a', '1'.repeat(64)));
      await organisations.create(makeNewOrganisation('org-b', '2'.repeat(64)));
      await library.add({ organisationId: 'org-a', id: 'e1', fields: fields(), at: 1_000, by: 'Ida' });
      await library.add({
        organisationId: 'org-b',
        id: 'e1',
        fields: fields({ valuePerYear: 9 }),
        at: 1_000,
        by: 'Ole',
      });
      await library.revise({
        organisationId: 'org-b',
        id: 'e1',
        fields: fields({ valuePerYear: 10 }),
        at: 2_000,
        by: 'Ole',
      });
      expect((await library.current('org-a')).map((e) => [e.valuePerYear, e.version])).toEqual([[150_000.5, 1]]);
      expect((await library.current('org-b')).map((e) => [e.valuePerYear, e.version])).toEqual([[10, 2]]);
      expect(await library.find('org-a', [{ entryId: 'e1', version: 2 }])).toEqual([]);
    });

    it('[L5] a change based on a version writes only while that version is the latest: a stale base, or the second of two at once, writes nothing', async () => {
      const { organisations, library } = stores();
      await organisations.create(makeNewOrganisation('org-a', '1'.repeat(64)));
      const v1 = await library.add({ organisationId: 'org-a', id: 'e1', fields: fields(), at: 1_000, by: 'Ida' });
      const change = (valuePerYear: number, by: string, baseVersion: number) =>
        library.revise({
          organisationId: 'org-a',
          id: 'e1',
          fields: fields({ valuePerYear }),
          at: 2_000,
          by,
          baseVersion,
        });
      const v2 = await change(2, 'Bo', 1);
      expect(v2).toMatchObject({ version: 2, valuePerYear: 2, changedBy: 'Bo' });
      // Ida still saw version 1: her change is refused, and version 2 stays the latest.
      await expect(change(3, 'Ida', 1)).rejects.toThrow(LibraryVersionConflictError);
      // A base beyond the latest is no base either (it would leave a gap).
      await expect(change(4, 'Ida', 7)).rejects.toThrow(LibraryVersionConflictError);
      expect(await library.versions('org-a', 'e1')).toEqual([v1, v2]);
      // Two at once on the same base: exactly one is written.
      const both = await Promise.allSettled([change(5, 'Ida', 2), change(6, 'Bo', 2)]);
      const written = both.filter((each) => each.status === 'fulfilled');
      const refused = both.filter((each) => each.status === 'rejected');
      expect(written).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(LibraryVersionConflictError);
      const versions = await library.versions('org-a', 'e1');
      expect(versions.map((e) => e.version)).toEqual([1, 2, 3]);
      expect(versions[2]).toEqual((written[0] as PromiseFulfilledResult<unknown>).value);
      // Without a base, a change is still the next version (API callers that do not say).
      expect(
        (await library.revise({ organisationId: 'org-a', id: 'e1', fields: fields(), at: 3_000, by: 'Bo' }))?.version,
      ).toBe(4);
      await expect(
        library.revise({ organisationId: 'org-a', id: 'nope', fields: fields(), at: 3_000, by: 'Bo', baseVersion: 1 }),
      ).resolves.toBeUndefined();
    });

    it('[L4] seeding adds only entries never had, at once or twice over: idempotent, even after a change', async () => {
      const { organisations, library } = stores();
      await organisations.create(makeNewOrganisation('org-a', '1'.repeat(64)));
      const [first, second] = await Promise.all([
        library.seed('org-a', SEED_ENTRIES, 1_000, 'Caseroom'),
        library.seed('org-a', SEED_ENTRIES, 1_000, 'Caseroom'),
      ]);
      expect(first + second).toBe(SEED_ENTRIES.length);
      const seeded = await library.current('org-a');
      expect(seeded.map((e) => [e.id, e.valuePerYear, e.priceYear, e.version])).toEqual(
        SEED_ENTRIES.map((e) => [e.id, e.valuePerYear, e.priceYear, 1]),
      );
      await library.revise({
        organisationId: 'org-a',
        id: SEED_ENTRIES[0]!.id,
        fields: fields(),
        at: 2_000,
        by: 'Ida',
      });
      expect(await library.seed('org-a', SEED_ENTRIES, 3_000, 'Caseroom')).toBe(0);
      expect((await library.versions('org-a', SEED_ENTRIES[0]!.id)).map((e) => e.version)).toEqual([1, 2]);
    });
  });
}
