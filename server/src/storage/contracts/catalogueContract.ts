import { describe, expect, it } from 'vitest';
import { DuplicateCaseError, DuplicatePartyError, UnknownCaseError, UnknownOrganisationError } from '../storeErrors.ts';
import {
  CASE_TITLE,
  createCase,
  makeNewCase,
  makeNewOrganisation,
  makeParty,
  type OpenStores,
  replay,
  useStoresFixture,
} from './contractFixtures.ts';

/** What every CaseCatalogue must do (contracts S1, S2, S4, S6, S9, S23, S26 of the old DocumentStore suite). */
export function catalogueContract(engineName: string, open: OpenStores): void {
  describe(`CaseCatalogue contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[S1] a created case exists, with its summary and the initial state as its only update', async () => {
      const { cases, updates } = stores();
      expect(await cases.exists('case-1')).toBe(false);
      await cases.create(makeNewCase());
      expect(await cases.exists('case-1')).toBe(true);
      expect(await cases.get('case-1')).toEqual({
        id: 'case-1',
        createdAt: 1_000,
        updatedAt: 1_000,
        title: CASE_TITLE,
        municipality: 'Holbæk',
        phase: 1,
      });
      const loaded = await updates.load('case-1');
      expect(loaded).toHaveLength(1);
      expect(replay(loaded).getMap('facts').get('title')).toBe(CASE_TITLE);
    });

    it('[S2] creating a case with a taken id throws and changes nothing', async () => {
      const { cases, updates } = stores();
      await cases.create(makeNewCase());
      await expect(cases.create(makeNewCase({ createdAt: 5 }))).rejects.toThrow(DuplicateCaseError);
      expect((await cases.get('case-1'))?.createdAt).toBe(1_000);
      expect(await updates.load('case-1')).toHaveLength(1);
      expect(await cases.list()).toHaveLength(1);
    });

    it('[S4] touching an unknown case throws; an unknown case has no entry', async () => {
      const { cases } = stores();
      await expect(
        cases.touch('nope', { title: 'x', municipality: undefined, phase: 1, updatedAt: 1 }),
      ).rejects.toThrow(UnknownCaseError);
      expect(await cases.get('nope')).toBeUndefined();
      expect(await cases.exists('nope')).toBe(false);
      expect(await cases.list()).toEqual([]);
    });

    it('[S6] cases are listed most recently changed first; touch records the summary', async () => {
      const { cases } = stores();
      await cases.create(makeNewCase({ id: 'a', createdAt: 100 }));
      await cases.create(makeNewCase({ id: 'b', createdAt: 200 }));
      await cases.create(makeNewCase({ id: 'c', createdAt: 300 }));
      expect((await cases.list()).map((c) => c.id)).toEqual(['c', 'b', 'a']);
      await cases.touch('a', { title: 'Ny titel', municipality: undefined, phase: 2, updatedAt: 400 });
      expect((await cases.list()).map((c) => c.id)).toEqual(['a', 'c', 'b']);
      expect(await cases.get('a')).toEqual({
        id: 'a',
        createdAt: 100,
        updatedAt: 400,
        title: 'Ny titel',
        municipality: undefined,
        phase: 2,
      });
    });

    it('[S9] a case created with a founder has that party and its live token, atomically', async () => {
      const { cases, access } = stores();
      const founder = makeParty(
        { id: 'f', name: 'Facilitator', kind: 'facilitator', role: 'facilitator', departmentId: undefined },
        'f'.repeat(64),
      );
      await cases.create(makeNewCase({ founder }));
      expect(await access.listParties('case-1')).toEqual([
        {
          id: 'f',
          caseId: 'case-1',
          name: 'Facilitator',
          kind: 'facilitator',
          role: 'facilitator',
          departmentId: undefined,
        },
      ]);
      expect(await access.findToken('f'.repeat(64))).toEqual({
        hash: 'f'.repeat(64),
        caseId: 'case-1',
        partyId: 'f',
        createdAt: 2_000,
        revokedAt: undefined,
      });
      // A founder whose token hash is taken: the case is not created either.
      await expect(
        cases.create(makeNewCase({ id: 'case-2', founder: makeParty({ caseId: 'case-2' }, 'f'.repeat(64)) })),
      ).rejects.toThrow(DuplicatePartyError);
      expect(await cases.exists('case-2')).toBe(false);
      expect(await access.listParties('case-2')).toEqual([]);
    });

    it('[S9b] a founder with a taken token hash (live or revoked) leaves no case, no update, no party, no token behind', async () => {
      const { cases, access, updates } = stores();
      await cases.create(makeNewCase({ founder: makeParty({ id: 'f' }, '1'.repeat(64)) }));
      await access.replaceToken('case-1', 'f', '2'.repeat(64), 3_000); // '1…' is now a revoked hash
      for (const taken of ['1'.repeat(64), '2'.repeat(64)]) {
        const founder = makeParty({ id: 'g', caseId: 'case-2' }, taken);
        await expect(cases.create(makeNewCase({ id: 'case-2', founder })), taken).rejects.toThrow(DuplicatePartyError);
        expect(await cases.exists('case-2')).toBe(false);
        expect(await cases.get('case-2')).toBeUndefined();
        expect(await updates.load('case-2')).toEqual([]);
        expect(await access.listParties('case-2')).toEqual([]);
        expect(await access.findToken(taken)).toMatchObject({ caseId: 'case-1', partyId: 'f' });
      }
      expect((await cases.list()).map((c) => c.id)).toEqual(['case-1']);
      // The id is still free: the same case with a free hash goes through.
      await cases.create(
        makeNewCase({ id: 'case-2', founder: makeParty({ id: 'g', caseId: 'case-2' }, '3'.repeat(64)) }),
      );
      expect((await access.listParties('case-2')).map((p) => p.id)).toEqual(['g']);
      expect(await updates.load('case-2')).toHaveLength(1);
    });

    it('[S9c] a founder of another case than the one created is refused, and nothing is created', async () => {
      const { cases, access } = stores();
      const founder = makeParty({ id: 'f', caseId: 'case-other' }, '1'.repeat(64));
      await expect(cases.create(makeNewCase({ founder }))).rejects.toThrow();
      expect(await cases.exists('case-1')).toBe(false);
      expect(await access.findToken('1'.repeat(64))).toBeUndefined();
    });

    it('[S23] every case belongs to an organisation: the one given, else the first; cases from before any organisation go to the first once it exists', async () => {
      const { cases, organisations } = stores();
      await createCase(stores(), { id: 'before' });
      expect((await cases.get('before'))?.organisationId).toBeUndefined();
      await organisations.create(makeNewOrganisation('first', '1'.repeat(64)));
      expect((await cases.get('before'))?.organisationId).toBe('first');
      await organisations.create(makeNewOrganisation('second', '2'.repeat(64)));
      await createCase(stores(), { id: 'theirs', organisationId: 'second' });
      await createCase(stores(), { id: 'default' });
      expect((await cases.get('theirs'))?.organisationId).toBe('second');
      expect((await cases.get('default'))?.organisationId).toBe('first');
      expect((await cases.get('before'))?.organisationId).toBe('first');
      expect((await cases.list()).find((c) => c.id === 'theirs')?.organisationId).toBe('second');
      // The organisation survives a change of the summary.
      await cases.touch('theirs', { title: 'x', municipality: undefined, phase: 1, updatedAt: 5_000 });
      expect((await cases.get('theirs'))?.organisationId).toBe('second');
      await expect(createCase(stores(), { id: 'orphan', organisationId: 'nope' })).rejects.toThrow(
        UnknownOrganisationError,
      );
      expect(await cases.exists('orphan')).toBe(false);
    });

    it('[S26] a case made from an import file keeps when it was imported; other cases have no such time', async () => {
      const { cases } = stores();
      await createCase(stores(), { id: 'imported', importedAt: 2_000 });
      await createCase(stores(), { id: 'made-here' });
      expect((await cases.get('imported'))?.importedAt).toBe(2_000);
      expect(await cases.get('made-here')).not.toHaveProperty('importedAt');
      expect((await cases.list()).find((c) => c.id === 'imported')?.importedAt).toBe(2_000);
    });
  });
}
