import { describe, expect, it } from 'vitest';
import { DuplicateOrganisationError, UnknownOrganisationError } from '../storeErrors.ts';
import { createCase, makeNewOrganisation, makeParty, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** What every OrganisationStore must do (contracts S22 and S25 of the old storage suite). */
export function organisationContract(engineName: string, open: OpenStores): void {
  describe(`OrganisationStore contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[S22] organisations keep their name, time and key hash; listed first created first; a taken id or key throws and changes nothing', async () => {
      const { organisations } = stores();
      expect(await organisations.list()).toEqual([]);
      await organisations.create(makeNewOrganisation('org-b', '1'.repeat(64), 900));
      await organisations.create(makeNewOrganisation('org-a', '2'.repeat(64), 100));
      expect((await organisations.list()).map((o) => o.id)).toEqual(['org-b', 'org-a']);
      expect(await organisations.get('org-a')).toEqual({ id: 'org-a', name: 'Organisation org-a', createdAt: 100 });
      expect(await organisations.get('nope')).toBeUndefined();
      expect(await organisations.findKey('2'.repeat(64))).toEqual({
        hash: '2'.repeat(64),
        organisationId: 'org-a',
        createdAt: 100,
      });
      expect(await organisations.findKey('3'.repeat(64))).toBeUndefined();
      await expect(organisations.create(makeNewOrganisation('org-a', '3'.repeat(64)))).rejects.toThrow(
        DuplicateOrganisationError,
      );
      await expect(organisations.create(makeNewOrganisation('org-c', '1'.repeat(64)))).rejects.toThrow(
        DuplicateOrganisationError,
      );
      expect(await organisations.list()).toHaveLength(2);
      expect(await organisations.findKey('3'.repeat(64))).toBeUndefined();
      expect(await organisations.get('org-c')).toBeUndefined();
    });

    it('[S22b] the first organisation is the first created (not the earliest createdAt), none before any exists', async () => {
      const { organisations } = stores();
      expect(await organisations.firstId()).toBeUndefined();
      await organisations.create(makeNewOrganisation('org-b', '1'.repeat(64), 900));
      expect(await organisations.firstId()).toBe('org-b');
      await organisations.create(makeNewOrganisation('org-a', '2'.repeat(64), 100));
      expect(await organisations.firstId()).toBe('org-b');
      // A refused creation does not become the first either.
      await expect(organisations.create(makeNewOrganisation('org-b', '3'.repeat(64), 1))).rejects.toThrow(
        DuplicateOrganisationError,
      );
      expect(await organisations.firstId()).toBe('org-b');
    });

    it('[S25] replacing an organisation’s key revokes every live key of that organisation at once; other organisations keep theirs; an unknown id or a taken hash throws and changes nothing', async () => {
      const { organisations } = stores();
      const oldKey = '1'.repeat(64);
      const otherKey = '2'.repeat(64);
      const newKey = '3'.repeat(64);
      const newerKey = '4'.repeat(64);
      await organisations.create(makeNewOrganisation('org-a', oldKey, 100));
      await organisations.create(makeNewOrganisation('org-b', otherKey, 200));

      await organisations.replaceKey('org-a', newKey, 1_000);
      expect(await organisations.findKey(oldKey)).toBeUndefined();
      expect(await organisations.findKey(newKey)).toEqual({ hash: newKey, organisationId: 'org-a', createdAt: 1_000 });
      expect((await organisations.findKey(otherKey))?.organisationId).toBe('org-b');

      // A taken hash — live, revoked, or another organisation's — changes nothing: the live key still works.
      for (const taken of [newKey, oldKey, otherKey]) {
        await expect(organisations.replaceKey('org-a', taken, 2_000), taken).rejects.toThrow(
          DuplicateOrganisationError,
        );
        expect((await organisations.findKey(newKey))?.createdAt).toBe(1_000);
        expect((await organisations.findKey(otherKey))?.organisationId).toBe('org-b');
      }
      await expect(organisations.replaceKey('nope', newerKey, 2_000)).rejects.toThrow(UnknownOrganisationError);
      expect(await organisations.findKey(newerKey)).toBeUndefined();
      expect((await organisations.findKey(newKey))?.organisationId).toBe('org-a');

      // Replacing again revokes the key issued by the first replacement; a revoked key stays revoked.
      await organisations.replaceKey('org-a', newerKey, 3_000);
      expect(await organisations.findKey(newKey)).toBeUndefined();
      expect(await organisations.findKey(oldKey)).toBeUndefined();
      expect((await organisations.findKey(newerKey))?.organisationId).toBe('org-a');
      // The organisations themselves are untouched, and a revoked hash cannot found a new one.
      expect((await organisations.list()).map((o) => [o.id, o.createdAt])).toEqual([
        ['org-a', 100],
        ['org-b', 200],
      ]);
      await expect(organisations.create(makeNewOrganisation('org-c', oldKey))).rejects.toThrow(
        DuplicateOrganisationError,
      );
    });

    it('[S27] members: added with their link hash, listed per organisation first added first, found by hash (revoked too), revoked once; a taken id or hash or an unknown organisation throws and changes nothing', async () => {
      const { organisations } = stores();
      await organisations.create(makeNewOrganisation('org-a', '1'.repeat(64), 100));
      await organisations.create(makeNewOrganisation('org-b', '2'.repeat(64), 100));
      const member = (id: string, organisationId: string, createdAt: number, expiresAt?: number) => ({
        member: { id, organisationId, name: `Person ${id}`, createdAt, expiresAt },
        tokenHash: id.padEnd(64, 'm'),
      });
      await organisations.addMember(member('m-2', 'org-a', 300, 9_000));
      await organisations.addMember(member('m-1', 'org-a', 200));
      await organisations.addMember(member('m-3', 'org-b', 250));
      expect((await organisations.listMembers('org-a')).map((m) => m.id)).toEqual(['m-1', 'm-2']);
      expect(await organisations.listMembers('org-c')).toEqual([]);
      expect(await organisations.findMember('m-2'.padEnd(64, 'm'))).toEqual({
        id: 'm-2',
        organisationId: 'org-a',
        name: 'Person m-2',
        createdAt: 300,
        expiresAt: 9_000,
        revokedAt: undefined,
      });
      expect(await organisations.findMember('x'.repeat(64))).toBeUndefined();

      await expect(organisations.addMember(member('m-1', 'org-b', 400))).rejects.toThrow(DuplicateOrganisationError);
      await expect(
        organisations.addMember({ ...member('m-9', 'org-a', 400), tokenHash: 'm-3'.padEnd(64, 'm') }),
      ).rejects.toThrow(DuplicateOrganisationError);
      await expect(organisations.addMember(member('m-8', 'org-c', 400))).rejects.toThrow(UnknownOrganisationError);
      expect(await organisations.listMembers('org-b')).toHaveLength(1);
      expect(await organisations.findMember('m-8'.padEnd(64, 'm'))).toBeUndefined();

      expect(await organisations.revokeMember('org-b', 'm-1', 1_000)).toBe(false); // another organisation's member
      expect(await organisations.revokeMember('org-a', 'm-1', 1_000)).toBe(true);
      expect(await organisations.revokeMember('org-a', 'm-1', 2_000)).toBe(true);
      expect((await organisations.findMember('m-1'.padEnd(64, 'm')))?.revokedAt).toBe(1_000);
      expect((await organisations.findMember('m-2'.padEnd(64, 'm')))?.revokedAt).toBeUndefined();
    });

    it('[S28] a party made for a member records it; the member’s parties are found across cases, invited parties are not', async () => {
      const current = stores();
      await current.organisations.create(makeNewOrganisation('org-a', '1'.repeat(64), 100));
      await createCase(current, { id: 'case-1' });
      await createCase(current, { id: 'case-2' });
      await current.access.addParty(makeParty({ id: 'p-1', caseId: 'case-1', memberId: 'm-1' }, 'a'.repeat(64)));
      await current.access.addParty(makeParty({ id: 'p-2', caseId: 'case-2', memberId: 'm-1' }, 'b'.repeat(64)));
      await current.access.addParty(makeParty({ id: 'p-3', caseId: 'case-2' }, 'c'.repeat(64)));
      expect((await current.access.partiesOfMember('m-1')).map((p) => [p.caseId, p.id, p.memberId])).toEqual([
        ['case-1', 'p-1', 'm-1'],
        ['case-2', 'p-2', 'm-1'],
      ]);
      expect((await current.access.getParty('case-2', 'p-3'))?.memberId).toBeUndefined();
      expect(await current.access.partiesOfMember('m-2')).toEqual([]);
    });
  });
}
