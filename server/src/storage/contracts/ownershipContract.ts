import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Stores } from '../Stores.ts';
import { UnknownCaseError } from '../storeErrors.ts';
import { createCase, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** A lease nobody's test outlives. */
const LONG_TTL = 60_000;
/** A lease a test waits out. */
const SHORT_TTL = 200;
/** Waits until a SHORT_TTL lease taken before the call has expired, with room for a slow machine. */
const waitOutShortLease = () => sleep(SHORT_TTL + 150);

/**
 * What every OwnershipStore must do (issue 14, "one owner per case"; rules [O1]…[O7]). With
 * `sibling`, the other owner works through a second handle on the same database (another
 * process); without one (an in-memory SQLite) through the same handle, which still tests the
 * rules between owner ids.
 */
export function ownershipContract(engineName: string, open: OpenStores, options: { sibling: boolean }): void {
  describe(`OwnershipStore contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    /** Runs `test` with the other process's stores, closing them after. */
    async function withOtherProcess(test: (other: Stores) => Promise<void>): Promise<void> {
      if (!options.sibling) return test(stores());
      const openSibling = fixture().sibling;
      if (!openSibling) throw new Error(`the ${engineName} fixture promised a sibling but has none`);
      const other = await openSibling();
      try {
        await test(other);
      } finally {
        await other.close();
      }
    }

    it('[O1] acquire takes a free case, extends its own lease, and refuses a live lease of another owner; the expiry is now + ttl', async () => {
      const { owners } = stores();
      await createCase(stores());
      expect(await owners.ownerOf('case-1')).toBeUndefined();
      const before = Date.now();
      expect(await owners.acquire('case-1', 'process-a', 10_000)).toBe(true);
      const first = await owners.ownerOf('case-1');
      expect(first?.ownerId).toBe('process-a');
      // The database's clock and this process's are the same machine's here.
      expect(first?.expiresAt).toBeGreaterThanOrEqual(before + 10_000 - 1_000);
      expect(first?.expiresAt).toBeLessThanOrEqual(Date.now() + 10_000 + 1_000);

      expect(await owners.acquire('case-1', 'process-a', LONG_TTL)).toBe(true);
      const extended = await owners.ownerOf('case-1');
      expect(extended?.ownerId).toBe('process-a');
      expect(extended?.expiresAt).toBeGreaterThan((first?.expiresAt ?? 0) + 40_000);

      expect(await owners.acquire('case-1', 'process-b', LONG_TTL)).toBe(false);
      expect(await owners.ownerOf('case-1')).toEqual(extended);
    });

    it('[O2] leases are per case; an unknown case throws UnknownCaseError and has no owner; a ttl must be a positive integer', async () => {
      const { owners } = stores();
      await createCase(stores());
      await createCase(stores(), { id: 'case-2' });
      expect(await owners.acquire('case-1', 'process-a', LONG_TTL)).toBe(true);
      expect(await owners.acquire('case-2', 'process-b', LONG_TTL)).toBe(true);
      expect((await owners.ownerOf('case-1'))?.ownerId).toBe('process-a');
      expect((await owners.ownerOf('case-2'))?.ownerId).toBe('process-b');
      await expect(owners.acquire('nope', 'process-a', LONG_TTL)).rejects.toThrow(UnknownCaseError);
      expect(await owners.ownerOf('nope')).toBeUndefined();
      await expect(owners.acquire('case-1', 'process-a', 0)).rejects.toThrow(RangeError);
      await expect(owners.renew('process-a', ['case-1'], 1.5)).rejects.toThrow(RangeError);
    });

    it('[O3] release ends only the holder’s lease; then another owner can take the case', async () => {
      const { owners } = stores();
      await createCase(stores());
      await owners.release('case-1', 'process-a'); // no lease: nothing to do
      await owners.release('nope', 'process-a');
      expect(await owners.acquire('case-1', 'process-a', LONG_TTL)).toBe(true);
      await owners.release('case-1', 'process-b');
      expect((await owners.ownerOf('case-1'))?.ownerId).toBe('process-a');
      await owners.release('case-1', 'process-a');
      expect(await owners.ownerOf('case-1')).toBeUndefined();
      expect(await owners.acquire('case-1', 'process-b', LONG_TTL)).toBe(true);
      expect((await owners.ownerOf('case-1'))?.ownerId).toBe('process-b');
    });

    it('[O4] a lease expires after its ttl: it has no owner any more and another owner takes it', async () => {
      const { owners } = stores();
      await createCase(stores());
      expect(await owners.acquire('case-1', 'process-a', SHORT_TTL)).toBe(true);
      await waitOutShortLease();
      expect(await owners.ownerOf('case-1')).toBeUndefined();
      expect(await owners.acquire('case-1', 'process-b', LONG_TTL)).toBe(true);
      expect((await owners.ownerOf('case-1'))?.ownerId).toBe('process-b');
      expect(await owners.acquire('case-1', 'process-a', LONG_TTL)).toBe(false);
    });

    it('[O5] renew extends the leases the owner still holds (an expired one nobody took included) and answers only those', async () => {
      const { owners } = stores();
      for (const id of ['case-1', 'case-2', 'case-3', 'case-4']) await createCase(stores(), { id });
      expect(await owners.renew('process-a', [], LONG_TTL)).toEqual([]);
      expect(await owners.acquire('case-1', 'process-a', 10_000)).toBe(true);
      expect(await owners.acquire('case-2', 'process-a', SHORT_TTL)).toBe(true);
      expect(await owners.acquire('case-3', 'process-b', LONG_TTL)).toBe(true);
      expect(await owners.acquire('case-4', 'process-a', LONG_TTL)).toBe(true);
      await owners.release('case-4', 'process-a');
      const before = await owners.ownerOf('case-1');
      const theirs = await owners.ownerOf('case-3');
      await waitOutShortLease();
      expect(await owners.ownerOf('case-2')).toBeUndefined();

      const held = await owners.renew('process-a', ['case-1', 'case-2', 'case-3', 'case-4', 'nope'], LONG_TTL);
      expect([...held].sort()).toEqual(['case-1', 'case-2']);
      expect((await owners.ownerOf('case-1'))?.expiresAt).toBeGreaterThan((before?.expiresAt ?? 0) + 40_000);
      expect((await owners.ownerOf('case-2'))?.ownerId).toBe('process-a');
      expect(await owners.ownerOf('case-3')).toEqual(theirs);
      expect(await owners.ownerOf('case-4')).toBeUndefined();
    });

    it('[O6] another process cannot take a live lease but takes an expired one; the first owner’s renew then no longer answers the case', async () => {
      const { owners } = stores();
      await createCase(stores());
      await withOtherProcess(async (other) => {
        expect(await owners.acquire('case-1', 'process-a', LONG_TTL)).toBe(true);
        expect(await other.owners.acquire('case-1', 'process-b', LONG_TTL)).toBe(false);
        expect((await other.owners.ownerOf('case-1'))?.ownerId).toBe('process-a');
        await other.owners.release('case-1', 'process-b');
        expect(await owners.renew('process-a', ['case-1'], SHORT_TTL)).toEqual(['case-1']);

        await waitOutShortLease();
        expect(await other.owners.acquire('case-1', 'process-b', LONG_TTL)).toBe(true);
        expect(await owners.renew('process-a', ['case-1'], LONG_TTL)).toEqual([]);
        expect(await owners.acquire('case-1', 'process-a', LONG_TTL)).toBe(false);
        expect((await owners.ownerOf('case-1'))?.ownerId).toBe('process-b');
        await owners.release('case-1', 'process-a');
        expect((await other.owners.ownerOf('case-1'))?.ownerId).toBe('process-b');
      });
    });

    it('[O7] owners racing for a free case from two processes: exactly one wins every attempt, the other none', async () => {
      const cases = ['case-1', 'case-2', 'case-3'];
      for (const id of cases) await createCase(stores(), { id });
      await withOtherProcess(async (other) => {
        for (const caseId of cases) {
          const attempts = (handle: Stores, ownerId: string) =>
            Array.from({ length: 20 }, () => handle.owners.acquire(caseId, ownerId, LONG_TTL));
          const [mine, theirs] = await Promise.all([
            Promise.all(attempts(stores(), 'process-a')),
            Promise.all(attempts(other, 'process-b')),
          ]);
          const winner = (await stores().owners.ownerOf(caseId))?.ownerId;
          expect(winner === 'process-a' || winner === 'process-b', `${caseId}: ${winner}`).toBe(true);
          // The winner's later attempts extend its own lease; the loser never got in.
          expect(mine).toEqual(Array(20).fill(winner === 'process-a'));
          expect(theirs).toEqual(Array(20).fill(winner === 'process-b'));
        }
      });
    });
  });
}
