import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Stores } from '../Stores.ts';
import { createCase, makeNewOrganisation, makeParty, type OpenStores, useStoresFixture } from './contractFixtures.ts';

/** Every row a case can have, in every store (what deletion must remove). */
async function fillCase(stores: Stores, caseId: string, hashChar: string): Promise<void> {
  await createCase(stores, {
    id: caseId,
    founder: makeParty({ caseId, id: `${caseId}-founder` }, hashChar.repeat(64)),
  });
  await stores.access.addParty(makeParty({ caseId, id: `${caseId}-editor` }, `${hashChar}b`.repeat(32)));
  await stores.access.replaceToken(caseId, `${caseId}-editor`, `${hashChar}c`.repeat(32), 3_000);
  const doc = new Y.Doc();
  doc.getMap('facts').set('title', 'changed');
  await stores.updates.append(caseId, [Y.encodeStateAsUpdate(doc)]);
  await stores.ballots.put({ caseId, voteId: 'vote-1', partyId: `${caseId}-editor`, itemIds: ['a'], at: 4_000 });
  await stores.snapshots.add({
    id: 'snap-1',
    caseId,
    name: 'Before',
    kind: 'manual',
    createdAt: 4_000,
    createdByPartyId: `${caseId}-founder`,
    state: Y.encodeStateAsUpdate(doc),
  });
  await stores.activity.record({ caseId, partyId: `${caseId}-editor`, section: 'facts', at: 5_000 });
  await stores.clientIds.bind(caseId, [{ clientId: 42, partyId: `${caseId}-editor` }], 1_000);
  await stores.owners.acquire(caseId, 'process-1', 60_000);
}

/** What the catalogue and organisations must do for the case lifecycle (issue 15): archive, delete, retention. */
export function lifecycleContract(engineName: string, open: OpenStores): void {
  describe(`Case lifecycle contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[L1] archiving keeps the first time; restoring clears it; an unknown case is false', async () => {
      const { cases } = stores();
      await createCase(stores());
      expect(await cases.setArchived('case-1', 7_000)).toBe(true);
      expect((await cases.get('case-1'))?.archivedAt).toBe(7_000);
      expect(await cases.setArchived('case-1', 9_000)).toBe(true);
      expect((await cases.get('case-1'))?.archivedAt).toBe(7_000);
      expect((await cases.list())[0]?.archivedAt).toBe(7_000);
      expect(await cases.setArchived('case-1', null)).toBe(true);
      expect((await cases.get('case-1'))?.archivedAt).toBeUndefined();
      expect(await cases.setArchived('nope', 1)).toBe(false);
    });

    it('[L2] a deleted case leaves no row in any table of the database; another case keeps all of its own', async () => {
      const s = stores();
      await s.organisations.create(makeNewOrganisation());
      await fillCase(s, 'doomed-case', 'd');
      await fillCase(s, 'kept-case', 'e');
      const before = await s.tablesContaining('doomed-case');
      // The scan finds what is there: every table that holds a case's rows.
      expect(before).toEqual(
        expect.arrayContaining([
          'cases',
          'updates',
          'parties',
          'tokens',
          'ballots',
          'snapshots',
          'activity',
          'client_ids',
          'case_owners',
        ]),
      );
      expect(await s.cases.delete('doomed-case')).toBe(true);
      expect(await s.tablesContaining('doomed-case')).toEqual([]);
      expect(await s.cases.exists('doomed-case')).toBe(false);
      expect(await s.tablesContaining('kept-case')).toEqual(before);
      expect(await s.access.findToken('e'.repeat(64))).toBeDefined();
      expect(await s.access.findToken('d'.repeat(64))).toBeUndefined();
      expect(await s.updates.load('kept-case')).toHaveLength(2);
      expect(await s.cases.delete('doomed-case')).toBe(false);
    });

    it('[L3] an organisation keeps a retention in days, cleared with null; an unknown one is false', async () => {
      const { organisations } = stores();
      await organisations.create(makeNewOrganisation());
      expect((await organisations.get('org-1'))?.retentionDays).toBeUndefined();
      expect(await organisations.setRetention('org-1', 30)).toBe(true);
      expect((await organisations.get('org-1'))?.retentionDays).toBe(30);
      expect((await organisations.list())[0]?.retentionDays).toBe(30);
      expect(await organisations.setRetention('org-1', null)).toBe(true);
      expect((await organisations.get('org-1'))?.retentionDays).toBeUndefined();
      expect(await organisations.setRetention('nope', 5)).toBe(false);
    });
  });
}
