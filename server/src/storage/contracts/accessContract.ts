import { describe, expect, it } from 'vitest';
import { DuplicatePartyError, UnknownCaseError, UnknownPartyError } from '../storeErrors.ts';
import { createCase, makeParty, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** What every AccessStore must do (contracts S10–S13 and S24 of the old DocumentStore suite). */
export function accessContract(engineName: string, open: OpenStores): void {
  describe(`AccessStore contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[S10] parties are listed in the order they were added; getParty finds one by case and id', async () => {
      const { access } = stores();
      await createCase(stores());
      await access.addParty(makeParty({ id: 'p1' }, '1'.repeat(64)));
      await access.addParty(
        makeParty(
          { id: 'p2', name: 'Investor', kind: 'investor', role: 'observer', departmentId: undefined },
          '2'.repeat(64),
        ),
      );
      expect((await access.listParties('case-1')).map((p) => p.id)).toEqual(['p1', 'p2']);
      expect(await access.getParty('case-1', 'p2')).toEqual({
        id: 'p2',
        caseId: 'case-1',
        name: 'Investor',
        kind: 'investor',
        role: 'observer',
        departmentId: undefined,
      });
      expect(await access.getParty('case-1', 'p3')).toBeUndefined();
      expect(await access.getParty('other', 'p1')).toBeUndefined();
      expect(await access.listParties('other')).toEqual([]);
    });

    it('[S11] adding a party to an unknown case, or with a taken id or token hash, throws and changes nothing', async () => {
      const { access } = stores();
      await expect(access.addParty(makeParty({ caseId: 'nope' }))).rejects.toThrow(UnknownCaseError);
      expect(await access.findToken('a'.repeat(64))).toBeUndefined();
      await createCase(stores());
      await access.addParty(makeParty({ id: 'p1' }, '1'.repeat(64)));
      await expect(access.addParty(makeParty({ id: 'p1' }, '2'.repeat(64)))).rejects.toThrow(DuplicatePartyError);
      await expect(access.addParty(makeParty({ id: 'p2' }, '1'.repeat(64)))).rejects.toThrow(DuplicatePartyError);
      expect((await access.listParties('case-1')).map((p) => p.id)).toEqual(['p1']);
      expect(await access.findToken('2'.repeat(64))).toBeUndefined();
      expect((await access.findToken('1'.repeat(64)))?.partyId).toBe('p1');
    });

    it('[S12] replacing a token revokes the live one (kept, with revokedAt) and makes the new one live', async () => {
      const { access } = stores();
      await createCase(stores());
      await access.addParty(makeParty({ id: 'p1' }, '1'.repeat(64), 10));
      await access.addParty(makeParty({ id: 'p2' }, '2'.repeat(64), 10));
      expect(await access.replaceToken('case-1', 'p1', '3'.repeat(64), 50)).toEqual(['1'.repeat(64)]);
      expect(await access.findToken('1'.repeat(64))).toMatchObject({ partyId: 'p1', createdAt: 10, revokedAt: 50 });
      expect(await access.findToken('3'.repeat(64))).toEqual({
        hash: '3'.repeat(64),
        caseId: 'case-1',
        partyId: 'p1',
        createdAt: 50,
        revokedAt: undefined,
      });
      expect(await access.replaceToken('case-1', 'p1', '4'.repeat(64), 60)).toEqual(['3'.repeat(64)]);
      expect((await access.findToken('1'.repeat(64)))?.revokedAt).toBe(50);
      // Another party's token is untouched.
      expect((await access.findToken('2'.repeat(64)))?.revokedAt).toBeUndefined();
    });

    it('[S13] replacing the token of an unknown party, or with a taken hash, throws and changes nothing', async () => {
      const { access } = stores();
      await createCase(stores());
      await access.addParty(makeParty({ id: 'p1' }, '1'.repeat(64)));
      await expect(access.replaceToken('case-1', 'nope', '5'.repeat(64), 1)).rejects.toThrow(UnknownPartyError);
      await expect(access.replaceToken('other', 'p1', '5'.repeat(64), 1)).rejects.toThrow(UnknownPartyError);
      await expect(access.replaceToken('case-1', 'p1', '1'.repeat(64), 1)).rejects.toThrow(DuplicatePartyError);
      expect(await access.findToken('5'.repeat(64))).toBeUndefined();
      expect((await access.findToken('1'.repeat(64)))?.revokedAt).toBeUndefined();
      expect(await access.findToken('unknown')).toBeUndefined();
    });

    it('[S24] a party’s link can get an expiry and lose it; ending keeps the first time; a new token reopens an ended party', async () => {
      const { access } = stores();
      await createCase(stores());
      await access.addParty(makeParty({ id: 'p1' }, '1'.repeat(64), 10));
      await access.addParty(makeParty({ id: 'p2' }, '2'.repeat(64), 10));
      expect((await access.getParty('case-1', 'p1'))?.expiresAt).toBeUndefined();
      expect((await access.getParty('case-1', 'p1'))?.endedAt).toBeUndefined();
      await access.setPartyExpiry('case-1', 'p1', 90_000);
      expect((await access.getParty('case-1', 'p1'))?.expiresAt).toBe(90_000);
      expect((await access.listParties('case-1')).map((p) => p.expiresAt)).toEqual([90_000, undefined]);
      await access.setPartyExpiry('case-1', 'p1', undefined);
      expect((await access.getParty('case-1', 'p1'))?.expiresAt).toBeUndefined();

      await access.setPartyExpiry('case-1', 'p2', 70_000);
      await access.endParty('case-1', 'p2', 50);
      await access.endParty('case-1', 'p2', 60);
      expect(await access.getParty('case-1', 'p2')).toMatchObject({ endedAt: 50, expiresAt: 70_000 });
      expect((await access.getParty('case-1', 'p1'))?.endedAt).toBeUndefined();
      await access.replaceToken('case-1', 'p2', '3'.repeat(64), 70);
      expect((await access.getParty('case-1', 'p2'))?.endedAt).toBeUndefined();
      expect((await access.getParty('case-1', 'p2'))?.expiresAt).toBe(70_000);

      await expect(access.setPartyExpiry('case-1', 'nope', 1)).rejects.toThrow(UnknownPartyError);
      await expect(access.endParty('other', 'p1', 1)).rejects.toThrow(UnknownPartyError);
    });
  });
}
