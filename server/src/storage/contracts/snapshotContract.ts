import { describe, expect, it } from 'vitest';
import type { SnapshotRecord } from '../SnapshotStore.ts';
import { DuplicateSnapshotError, UnknownCaseError } from '../storeErrors.ts';
import { createCase, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** What every SnapshotStore must do (contracts S15 and S16 of the old DocumentStore suite). */
export function snapshotContract(engineName: string, open: OpenStores): void {
  describe(`SnapshotStore contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[S15] snapshots keep their state bytes; listed newest first without the state', async () => {
      const { snapshots } = stores();
      await createCase(stores());
      const state = new Uint8Array([1, 2, 3]);
      const base = { caseId: 'case-1', kind: 'manual' as const, createdByPartyId: 'f' };
      const adding = snapshots.add({ ...base, id: 's1', name: 'Før mødet', createdAt: 100, state });
      state[0] = 9; // the caller's buffer, changed once add was called
      await adding;
      await snapshots.add({
        ...base,
        id: 's2',
        name: 'Fase 2',
        kind: 'phase',
        createdAt: 200,
        state: new Uint8Array([4]),
      });
      await snapshots.add({ ...base, id: 's3', name: 'Same time', createdAt: 200, state: new Uint8Array([5]) });
      state[1] = 9;
      expect(await snapshots.list('case-1')).toEqual([
        { ...base, id: 's3', name: 'Same time', createdAt: 200 },
        { ...base, id: 's2', name: 'Fase 2', kind: 'phase', createdAt: 200 },
        { ...base, id: 's1', name: 'Før mødet', createdAt: 100 },
      ]);
      const got = await snapshots.get('case-1', 's1');
      expect(got && [...got.state]).toEqual([1, 2, 3]);
      expect(got?.name).toBe('Før mødet');
      expect(await snapshots.get('case-1', 'nope')).toBeUndefined();
      expect(await snapshots.get('other', 's1')).toBeUndefined();
      expect(await snapshots.list('other')).toEqual([]);
    });

    it('[S16] adding a snapshot to an unknown case, or with a taken id, throws and changes nothing', async () => {
      const { snapshots } = stores();
      const snapshot: SnapshotRecord = {
        id: 's1',
        caseId: 'nope',
        name: 'x',
        kind: 'manual',
        createdAt: 1,
        createdByPartyId: 'f',
        state: new Uint8Array([1]),
      };
      await expect(snapshots.add(snapshot)).rejects.toThrow(UnknownCaseError);
      expect(await snapshots.list('nope')).toEqual([]);
      await createCase(stores());
      await snapshots.add({ ...snapshot, caseId: 'case-1' });
      await expect(
        snapshots.add({ ...snapshot, caseId: 'case-1', name: 'y', state: new Uint8Array([2]) }),
      ).rejects.toThrow(DuplicateSnapshotError);
      expect((await snapshots.list('case-1')).map((s) => s.name)).toEqual(['x']);
      expect([...((await snapshots.get('case-1', 's1'))?.state ?? [])]).toEqual([1]);
    });
  });
}
