import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type DocumentStore,
  DuplicateCaseError,
  DuplicatePartyError,
  DuplicateSnapshotError,
  type NewCase,
  type NewParty,
  type PartyRecord,
  UnknownCaseError,
  UnknownPartyError,
} from './DocumentStore.ts';
import { DuplicateOrganisationError, type NewOrganisation, UnknownOrganisationError } from './OrganisationStore.ts';

/**
 * A store under test, how to open a second handle on the same data (as a second process on
 * the same database would: contract S18), and how to throw it away.
 */
export type StoreFixture = { store: DocumentStore; openSecond: () => DocumentStore; cleanup?: () => void };

/** A case to create in a test, with overrides. */
export function makeNewCase(overrides: Partial<NewCase> = {}): NewCase {
  const doc = new Y.Doc();
  doc.getMap('facts').set('title', 'Sygedagpenge og psykisk sygdom');
  return {
    id: 'case-1',
    createdAt: 1_000,
    initialState: Y.encodeStateAsUpdate(doc),
    summary: { title: 'Sygedagpenge og psykisk sygdom', municipality: 'Holbæk', phase: 1 },
    ...overrides,
  };
}

/** A party to add in a test, with overrides of the party's fields. */
export function makeNewParty(
  overrides: Partial<PartyRecord> = {},
  tokenHash = 'a'.repeat(64),
  createdAt = 2_000,
): NewParty {
  return {
    party: {
      id: 'party-1',
      caseId: 'case-1',
      name: 'Jobcenter Holbæk',
      kind: 'department',
      role: 'editor',
      departmentId: 'jobcenter',
      ...overrides,
    },
    tokenHash,
    createdAt,
  };
}

/** An organisation to create in a test, with its key hash. */
export function makeNewOrganisation(id = 'org-1', keyHash = 'k'.repeat(64), createdAt = 500): NewOrganisation {
  return { organisation: { id, name: `Organisation ${id}`, createdAt }, keyHash };
}

function replay(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * The behaviour every DocumentStore must have (tldraw's storageContractSuite pattern): run it
 * against each implementation so that tests written against one hold for all.
 */
export function storageContractSuite(name: string, makeFixture: () => StoreFixture): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: DocumentStore;
    beforeEach(() => {
      fixture = makeFixture();
      store = fixture.store;
    });
    afterEach(() => {
      store.close();
      fixture.cleanup?.();
    });

    it('[S1] a created case exists, with its summary and the initial state as its only update', () => {
      const newCase = makeNewCase();
      expect(store.caseExists('case-1')).toBe(false);
      store.createCase(newCase);
      expect(store.caseExists('case-1')).toBe(true);
      expect(store.getCase('case-1')).toEqual({
        id: 'case-1',
        createdAt: 1_000,
        updatedAt: 1_000,
        title: 'Sygedagpenge og psykisk sygdom',
        municipality: 'Holbæk',
        phase: 1,
      });
      const updates = store.loadUpdates('case-1');
      expect(updates).toHaveLength(1);
      expect(replay(updates).getMap('facts').get('title')).toBe('Sygedagpenge og psykisk sygdom');
    });

    it('[S2] creating a case with a taken id throws and changes nothing', () => {
      store.createCase(makeNewCase());
      expect(() => store.createCase(makeNewCase({ createdAt: 5 }))).toThrow(DuplicateCaseError);
      expect(store.getCase('case-1')?.createdAt).toBe(1_000);
      expect(store.loadUpdates('case-1')).toHaveLength(1);
    });

    it('[S3] updates come back in the order they were appended', () => {
      store.createCase(makeNewCase());
      const source = new Y.Doc();
      Y.applyUpdate(source, store.loadUpdates('case-1')[0]!);
      const appended: Uint8Array[] = [];
      source.on('update', (update: Uint8Array) => {
        appended.push(update);
        store.appendUpdate('case-1', update);
      });
      const text = source.getText('t');
      for (let i = 0; i < 20; i++) text.insert(i, String.fromCharCode(97 + (i % 26)));
      const loaded = store.loadUpdates('case-1');
      expect(loaded).toHaveLength(21);
      expect(loaded.slice(1).map((u) => [...u])).toEqual(appended.map((u) => [...u]));
      expect(replay(loaded).getText('t').toString()).toBe(text.toString());
    });

    it('[S4] appending to or compacting an unknown case throws', () => {
      expect(() => store.appendUpdate('nope', new Uint8Array([0, 0]))).toThrow(UnknownCaseError);
      expect(() => store.compact('nope', new Uint8Array([0, 0]))).toThrow(UnknownCaseError);
      expect(() => store.touchCase('nope', { title: 'x', municipality: undefined, phase: 1, updatedAt: 1 })).toThrow(
        UnknownCaseError,
      );
      expect(store.loadUpdates('nope')).toEqual([]);
      expect(store.getCase('nope')).toBeUndefined();
    });

    it('[S5] compaction replaces the log with one state that holds the same content', () => {
      store.createCase(makeNewCase());
      const doc = replay(store.loadUpdates('case-1'));
      doc.on('update', (update: Uint8Array) => store.appendUpdate('case-1', update));
      for (let i = 0; i < 10; i++) doc.getArray('a').push([i]);
      expect(store.updateCount('case-1')).toBe(11);
      store.compact('case-1', Y.encodeStateAsUpdate(doc));
      expect(store.updateCount('case-1')).toBe(1);
      doc.getArray('a').push([10]);
      const loaded = replay(store.loadUpdates('case-1'));
      expect(loaded.getArray('a').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(loaded.getMap('facts').get('title')).toBe('Sygedagpenge og psykisk sygdom');
    });

    it('[S6] cases are listed most recently changed first; touch records the summary', () => {
      store.createCase(makeNewCase({ id: 'a', createdAt: 100 }));
      store.createCase(makeNewCase({ id: 'b', createdAt: 200 }));
      store.createCase(makeNewCase({ id: 'c', createdAt: 300 }));
      expect(store.listCases().map((c) => c.id)).toEqual(['c', 'b', 'a']);
      store.touchCase('a', { title: 'Ny titel', municipality: undefined, phase: 2, updatedAt: 400 });
      expect(store.listCases().map((c) => c.id)).toEqual(['a', 'c', 'b']);
      expect(store.getCase('a')).toEqual({
        id: 'a',
        createdAt: 100,
        updatedAt: 400,
        title: 'Ny titel',
        municipality: undefined,
        phase: 2,
      });
    });

    it('[S7] stored bytes are copies: mutating the caller buffer later changes nothing', () => {
      store.createCase(makeNewCase());
      const update = new Uint8Array([1, 2, 3]);
      store.appendUpdate('case-1', update);
      update[0] = 9;
      expect([...store.loadUpdates('case-1')[1]!]).toEqual([1, 2, 3]);
    });

    it('[S9] a case created with a founder has that party and its live token, atomically', () => {
      const founder = makeNewParty(
        { id: 'f', name: 'Facilitator', kind: 'facilitator', role: 'facilitator' },
        'f'.repeat(64),
      );
      store.createCase(makeNewCase({ founder: { ...founder, party: { ...founder.party, departmentId: undefined } } }));
      expect(store.listParties('case-1')).toEqual([
        {
          id: 'f',
          caseId: 'case-1',
          name: 'Facilitator',
          kind: 'facilitator',
          role: 'facilitator',
          departmentId: undefined,
        },
      ]);
      expect(store.findToken('f'.repeat(64))).toEqual({
        hash: 'f'.repeat(64),
        caseId: 'case-1',
        partyId: 'f',
        createdAt: 2_000,
        revokedAt: undefined,
      });
      // A founder whose token hash is taken: the case is not created either.
      expect(() =>
        store.createCase(makeNewCase({ id: 'case-2', founder: makeNewParty({ caseId: 'case-2' }, 'f'.repeat(64)) })),
      ).toThrow(DuplicatePartyError);
      expect(store.caseExists('case-2')).toBe(false);
      expect(store.listParties('case-2')).toEqual([]);
    });

    it('[S10] parties are listed in the order they were added; getParty finds one by case and id', () => {
      store.createCase(makeNewCase());
      store.addParty(makeNewParty({ id: 'p1' }, '1'.repeat(64)));
      store.addParty(
        makeNewParty(
          { id: 'p2', name: 'Investor', kind: 'investor', role: 'observer', departmentId: undefined },
          '2'.repeat(64),
        ),
      );
      expect(store.listParties('case-1').map((p) => p.id)).toEqual(['p1', 'p2']);
      expect(store.getParty('case-1', 'p2')).toEqual({
        id: 'p2',
        caseId: 'case-1',
        name: 'Investor',
        kind: 'investor',
        role: 'observer',
        departmentId: undefined,
      });
      expect(store.getParty('case-1', 'p3')).toBeUndefined();
      expect(store.getParty('other', 'p1')).toBeUndefined();
      expect(store.listParties('other')).toEqual([]);
    });

    it('[S11] adding a party to an unknown case, or with a taken id or token hash, throws and changes nothing', () => {
      expect(() => store.addParty(makeNewParty({ caseId: 'nope' }))).toThrow(UnknownCaseError);
      store.createCase(makeNewCase());
      store.addParty(makeNewParty({ id: 'p1' }, '1'.repeat(64)));
      expect(() => store.addParty(makeNewParty({ id: 'p1' }, '2'.repeat(64)))).toThrow(DuplicatePartyError);
      expect(() => store.addParty(makeNewParty({ id: 'p2' }, '1'.repeat(64)))).toThrow(DuplicatePartyError);
      expect(store.listParties('case-1').map((p) => p.id)).toEqual(['p1']);
      expect(store.findToken('2'.repeat(64))).toBeUndefined();
      expect(store.findToken('1'.repeat(64))?.partyId).toBe('p1');
    });

    it('[S12] replacing a token revokes the live one (kept, with revokedAt) and makes the new one live', () => {
      store.createCase(makeNewCase());
      store.addParty(makeNewParty({ id: 'p1' }, '1'.repeat(64), 10));
      store.addParty(makeNewParty({ id: 'p2' }, '2'.repeat(64), 10));
      expect(store.replaceToken('case-1', 'p1', '3'.repeat(64), 50)).toEqual(['1'.repeat(64)]);
      expect(store.findToken('1'.repeat(64))).toMatchObject({ partyId: 'p1', createdAt: 10, revokedAt: 50 });
      expect(store.findToken('3'.repeat(64))).toEqual({
        hash: '3'.repeat(64),
        caseId: 'case-1',
        partyId: 'p1',
        createdAt: 50,
        revokedAt: undefined,
      });
      expect(store.replaceToken('case-1', 'p1', '4'.repeat(64), 60)).toEqual(['3'.repeat(64)]);
      expect(store.findToken('1'.repeat(64))?.revokedAt).toBe(50);
      // Another party's token is untouched.
      expect(store.findToken('2'.repeat(64))?.revokedAt).toBeUndefined();
    });

    it('[S13] replacing the token of an unknown party, or with a taken hash, throws and changes nothing', () => {
      store.createCase(makeNewCase());
      store.addParty(makeNewParty({ id: 'p1' }, '1'.repeat(64)));
      expect(() => store.replaceToken('case-1', 'nope', '5'.repeat(64), 1)).toThrow(UnknownPartyError);
      expect(() => store.replaceToken('other', 'p1', '5'.repeat(64), 1)).toThrow(UnknownPartyError);
      expect(() => store.replaceToken('case-1', 'p1', '1'.repeat(64), 1)).toThrow(DuplicatePartyError);
      expect(store.findToken('5'.repeat(64))).toBeUndefined();
      expect(store.findToken('1'.repeat(64))?.revokedAt).toBeUndefined();
      expect(store.findToken('unknown')).toBeUndefined();
    });

    it('[S14] a ballot is stored per case, vote and party; putting it again replaces it, keeping its place', () => {
      store.createCase(makeNewCase());
      store.putBallot({ caseId: 'case-1', voteId: 'v1', partyId: 'p1', itemIds: ['a', 'a'], at: 10 });
      store.putBallot({ caseId: 'case-1', voteId: 'v1', partyId: 'p2', itemIds: ['b'], at: 11 });
      store.putBallot({ caseId: 'case-1', voteId: 'v2', partyId: 'p1', itemIds: ['c'], at: 12 });
      store.putBallot({ caseId: 'case-1', voteId: 'v1', partyId: 'p1', itemIds: ['b', 'a'], at: 13 });
      expect(store.getBallot('case-1', 'v1', 'p1')).toEqual({
        caseId: 'case-1',
        voteId: 'v1',
        partyId: 'p1',
        itemIds: ['b', 'a'],
        at: 13,
      });
      expect(store.listBallots('case-1', 'v1').map((b) => [b.partyId, b.itemIds])).toEqual([
        ['p1', ['b', 'a']],
        ['p2', ['b']],
      ]);
      expect(store.getBallot('case-1', 'v1', 'p3')).toBeUndefined();
      expect(store.listBallots('case-1', 'nope')).toEqual([]);
      expect(() => store.putBallot({ caseId: 'nope', voteId: 'v', partyId: 'p', itemIds: [], at: 1 })).toThrow(
        UnknownCaseError,
      );
    });

    it('[S15] snapshots keep their state bytes; listed newest first without the state', () => {
      store.createCase(makeNewCase());
      const state = new Uint8Array([1, 2, 3]);
      const base = { caseId: 'case-1', kind: 'manual' as const, createdByPartyId: 'f' };
      store.addSnapshot({ ...base, id: 's1', name: 'Før mødet', createdAt: 100, state });
      store.addSnapshot({
        ...base,
        id: 's2',
        name: 'Fase 2',
        kind: 'phase',
        createdAt: 200,
        state: new Uint8Array([4]),
      });
      store.addSnapshot({ ...base, id: 's3', name: 'Same time', createdAt: 200, state: new Uint8Array([5]) });
      state[0] = 9;
      expect(store.listSnapshots('case-1')).toEqual([
        { ...base, id: 's3', name: 'Same time', createdAt: 200 },
        { ...base, id: 's2', name: 'Fase 2', kind: 'phase', createdAt: 200 },
        { ...base, id: 's1', name: 'Før mødet', createdAt: 100 },
      ]);
      const got = store.getSnapshot('case-1', 's1');
      expect(got && [...got.state]).toEqual([1, 2, 3]);
      expect(got?.name).toBe('Før mødet');
      expect(store.getSnapshot('case-1', 'nope')).toBeUndefined();
      expect(store.getSnapshot('other', 's1')).toBeUndefined();
      expect(store.listSnapshots('other')).toEqual([]);
    });

    it('[S16] adding a snapshot to an unknown case, or with a taken id, throws and changes nothing', () => {
      const snapshot = {
        id: 's1',
        caseId: 'nope',
        name: 'x',
        kind: 'manual' as const,
        createdAt: 1,
        createdByPartyId: 'f',
        state: new Uint8Array([1]),
      };
      expect(() => store.addSnapshot(snapshot)).toThrow(UnknownCaseError);
      store.createCase(makeNewCase());
      store.addSnapshot({ ...snapshot, caseId: 'case-1' });
      expect(() => store.addSnapshot({ ...snapshot, caseId: 'case-1', name: 'y' })).toThrow(DuplicateSnapshotError);
      expect(store.listSnapshots('case-1').map((s) => s.name)).toEqual(['x']);
    });

    it('[S17] activity: edits by one party to one section within a minute are one entry; listed newest first', () => {
      store.createCase(makeNewCase());
      const at = (caseId: string, partyId: string, section: string, time: number) =>
        store.recordActivity({ caseId, partyId, section, at: time });
      at('case-1', 'p1', 'facts', 1_000);
      at('case-1', 'p1', 'facts', 30_000);
      at('case-1', 'p1', 'facts', 61_000); // within a minute of the last edit: still the same stretch
      at('case-1', 'p2', 'facts', 62_000);
      at('case-1', 'p1', 'outcomes', 63_000);
      at('case-1', 'p1', 'facts', 200_000); // more than a minute later: a new entry
      expect(store.listActivity('case-1', 10)).toEqual([
        { partyId: 'p1', section: 'facts', firstAt: 200_000, lastAt: 200_000, edits: 1 },
        { partyId: 'p1', section: 'outcomes', firstAt: 63_000, lastAt: 63_000, edits: 1 },
        { partyId: 'p2', section: 'facts', firstAt: 62_000, lastAt: 62_000, edits: 1 },
        { partyId: 'p1', section: 'facts', firstAt: 1_000, lastAt: 61_000, edits: 3 },
      ]);
      expect(store.listActivity('case-1', 2)).toHaveLength(2);
      expect(store.listActivity('other', 10)).toEqual([]);
      expect(() => at('nope', 'p1', 'facts', 1)).toThrow(UnknownCaseError);
    });

    it('[S20] a Yjs client id stays bound to the party that first used it; unknown case throws', () => {
      const store = fixture.store;
      store.createCase(makeNewCase());
      expect(store.clientIdBindings('case-1').size).toBe(0);
      store.bindClientIds('case-1', [
        { clientId: 7, partyId: 'p-a' },
        { clientId: 2 ** 32 - 1, partyId: 'p-b' },
      ]);
      store.bindClientIds('case-1', [{ clientId: 7, partyId: 'p-b' }]);
      expect([...store.clientIdBindings('case-1')].sort((a, b) => a[0] - b[0])).toEqual([
        [7, 'p-a'],
        [2 ** 32 - 1, 'p-b'],
      ]);
      expect(() => store.bindClientIds('nope', [{ clientId: 1, partyId: 'p-a' }])).toThrow(UnknownCaseError);
      expect(store.clientIdBindings('nope').size).toBe(0);
    });

    it('[S18] compaction never drops what another writer appended: rows the compacting side never read are merged into the state', () => {
      store.createCase(makeNewCase());
      const other = fixture.openSecond();
      try {
        // Two writers, each with its own document, interleaving appends to one log.
        const mine = replay(store.loadUpdates('case-1'));
        mine.on('update', (update: Uint8Array) => store.appendUpdate('case-1', update));
        const theirs = replay(other.loadUpdates('case-1'));
        theirs.on('update', (update: Uint8Array) => other.appendUpdate('case-1', update));
        mine.getArray('a').push(['mine 1']);
        theirs.getText('t').insert(0, 'abc');
        mine.getArray('a').push(['mine 2']);
        theirs.getText('t').delete(0, 1); // a delete-only update
        theirs.getMap('facts').set('municipality', 'Svendborg');

        // Compacting with a state that lacks every one of their updates loses none of them.
        store.compact('case-1', Y.encodeStateAsUpdate(mine));
        expect(store.updateCount('case-1')).toBe(1);
        const afterMine = replay(store.loadUpdates('case-1'));
        expect(afterMine.getArray('a').toArray()).toEqual(['mine 1', 'mine 2']);
        expect(afterMine.getText('t').toString()).toBe('bc');
        expect(afterMine.getMap('facts').get('municipality')).toBe('Svendborg');
        expect(afterMine.getMap('facts').get('title')).toBe('Sygedagpenge og psykisk sygdom');

        // Their compaction (a state that lacks the merged row's other half) loses nothing either,
        // nor does compacting again from a document that never applied the merged row.
        theirs.getText('t').insert(2, 'd');
        other.compact('case-1', Y.encodeStateAsUpdate(theirs));
        mine.getArray('a').push(['mine 3']);
        store.compact('case-1', Y.encodeStateAsUpdate(mine));
        const final = replay(store.loadUpdates('case-1'));
        expect(final.getArray('a').toArray()).toEqual(['mine 1', 'mine 2', 'mine 3']);
        expect(final.getText('t').toString()).toBe('bcd');
        expect(final.getMap('facts').get('municipality')).toBe('Svendborg');
      } finally {
        other.close();
      }
    });

    it('[S19] with no other writer, compaction stores exactly the given state (no merge on the honest path)', () => {
      store.createCase(makeNewCase());
      const doc = replay(store.loadUpdates('case-1'));
      doc.on('update', (update: Uint8Array) => store.appendUpdate('case-1', update));
      for (let i = 0; i < 5; i++) doc.getMap('facts').set('horizonYears', i + 10);
      const state = Y.encodeStateAsUpdate(doc);
      store.compact('case-1', state);
      expect(store.loadUpdates('case-1').map((u) => [...u])).toEqual([[...state]]);
      doc.getMap('facts').set('horizonYears', 20);
      const next = Y.encodeStateAsUpdate(doc);
      store.compact('case-1', next);
      expect(store.loadUpdates('case-1').map((u) => [...u])).toEqual([[...next]]);
    });

    it('[S21] activity recorded in batches counts every edit of the batch', () => {
      const store = fixture.store;
      store.createCase(makeNewCase());
      store.recordActivity({ caseId: 'case-1', partyId: 'p', section: 'problem', at: 10_000, edits: 7 });
      store.recordActivity({ caseId: 'case-1', partyId: 'p', section: 'problem', at: 11_000, edits: 3 });
      store.recordActivity({ caseId: 'case-1', partyId: 'p', section: 'problem', at: 12_000 });
      expect(store.listActivity('case-1', 10)).toEqual([
        { partyId: 'p', section: 'problem', firstAt: 10_000, lastAt: 12_000, edits: 11 },
      ]);
    });

    it('[S22] organisations keep their name, time and key hash; listed first created first; a taken id or key throws and changes nothing', () => {
      const { organisations } = store;
      expect(organisations.listOrganisations()).toEqual([]);
      organisations.createOrganisation(makeNewOrganisation('org-b', '1'.repeat(64), 900));
      organisations.createOrganisation(makeNewOrganisation('org-a', '2'.repeat(64), 100));
      expect(organisations.listOrganisations().map((o) => o.id)).toEqual(['org-b', 'org-a']);
      expect(organisations.getOrganisation('org-a')).toEqual({
        id: 'org-a',
        name: 'Organisation org-a',
        createdAt: 100,
      });
      expect(organisations.getOrganisation('nope')).toBeUndefined();
      expect(organisations.findOrganisationKey('2'.repeat(64))).toEqual({
        hash: '2'.repeat(64),
        organisationId: 'org-a',
        createdAt: 100,
      });
      expect(organisations.findOrganisationKey('3'.repeat(64))).toBeUndefined();
      expect(() => organisations.createOrganisation(makeNewOrganisation('org-a', '3'.repeat(64)))).toThrow(
        DuplicateOrganisationError,
      );
      expect(() => organisations.createOrganisation(makeNewOrganisation('org-c', '1'.repeat(64)))).toThrow(
        DuplicateOrganisationError,
      );
      expect(organisations.listOrganisations()).toHaveLength(2);
      expect(organisations.findOrganisationKey('3'.repeat(64))).toBeUndefined();
      expect(organisations.getOrganisation('org-c')).toBeUndefined();
    });

    it('[S23] every case belongs to an organisation: the one given, else the first; cases from before any organisation go to the first once it exists', () => {
      store.createCase(makeNewCase({ id: 'before' }));
      expect(store.getCase('before')?.organisationId).toBeUndefined();
      store.organisations.createOrganisation(makeNewOrganisation('first', '1'.repeat(64)));
      expect(store.getCase('before')?.organisationId).toBe('first');
      store.organisations.createOrganisation(makeNewOrganisation('second', '2'.repeat(64)));
      store.createCase(makeNewCase({ id: 'theirs', organisationId: 'second' }));
      store.createCase(makeNewCase({ id: 'default' }));
      expect(store.getCase('theirs')?.organisationId).toBe('second');
      expect(store.getCase('default')?.organisationId).toBe('first');
      expect(store.getCase('before')?.organisationId).toBe('first');
      expect(store.listCases().find((c) => c.id === 'theirs')?.organisationId).toBe('second');
      // The organisation survives a change of the summary.
      store.touchCase('theirs', { title: 'x', municipality: undefined, phase: 1, updatedAt: 5_000 });
      expect(store.getCase('theirs')?.organisationId).toBe('second');
      expect(() => store.createCase(makeNewCase({ id: 'orphan', organisationId: 'nope' }))).toThrow(
        UnknownOrganisationError,
      );
      expect(store.caseExists('orphan')).toBe(false);
    });

    it('[S24] a party’s link can get an expiry and lose it; ending keeps the first time; a new token reopens an ended party', () => {
      store.createCase(makeNewCase());
      store.addParty(makeNewParty({ id: 'p1' }, '1'.repeat(64), 10));
      store.addParty(makeNewParty({ id: 'p2' }, '2'.repeat(64), 10));
      expect(store.getParty('case-1', 'p1')?.expiresAt).toBeUndefined();
      expect(store.getParty('case-1', 'p1')?.endedAt).toBeUndefined();
      store.setPartyExpiry('case-1', 'p1', 90_000);
      expect(store.getParty('case-1', 'p1')?.expiresAt).toBe(90_000);
      expect(store.listParties('case-1').map((p) => p.expiresAt)).toEqual([90_000, undefined]);
      store.setPartyExpiry('case-1', 'p1', undefined);
      expect(store.getParty('case-1', 'p1')?.expiresAt).toBeUndefined();

      store.setPartyExpiry('case-1', 'p2', 70_000);
      store.endParty('case-1', 'p2', 50);
      store.endParty('case-1', 'p2', 60);
      expect(store.getParty('case-1', 'p2')).toMatchObject({ endedAt: 50, expiresAt: 70_000 });
      expect(store.getParty('case-1', 'p1')?.endedAt).toBeUndefined();
      store.replaceToken('case-1', 'p2', '3'.repeat(64), 70);
      expect(store.getParty('case-1', 'p2')?.endedAt).toBeUndefined();
      expect(store.getParty('case-1', 'p2')?.expiresAt).toBe(70_000);

      expect(() => store.setPartyExpiry('case-1', 'nope', 1)).toThrow(UnknownPartyError);
      expect(() => store.endParty('other', 'p1', 1)).toThrow(UnknownPartyError);
    });

    it('[S25] replacing an organisation’s key revokes every live key of that organisation at once; other organisations keep theirs; an unknown id or a taken hash throws and changes nothing', () => {
      const { organisations } = store;
      const oldKey = '1'.repeat(64);
      const otherKey = '2'.repeat(64);
      const newKey = '3'.repeat(64);
      const newerKey = '4'.repeat(64);
      organisations.createOrganisation(makeNewOrganisation('org-a', oldKey, 100));
      organisations.createOrganisation(makeNewOrganisation('org-b', otherKey, 200));

      organisations.replaceOrganisationKey('org-a', newKey, 1_000);
      expect(organisations.findOrganisationKey(oldKey)).toBeUndefined();
      expect(organisations.findOrganisationKey(newKey)).toEqual({
        hash: newKey,
        organisationId: 'org-a',
        createdAt: 1_000,
      });
      expect(organisations.findOrganisationKey(otherKey)?.organisationId).toBe('org-b');

      // A taken hash — live, revoked, or another organisation's — changes nothing: the live key still works.
      for (const taken of [newKey, oldKey, otherKey]) {
        expect(() => organisations.replaceOrganisationKey('org-a', taken, 2_000), taken).toThrow(
          DuplicateOrganisationError,
        );
        expect(organisations.findOrganisationKey(newKey)?.createdAt).toBe(1_000);
        expect(organisations.findOrganisationKey(otherKey)?.organisationId).toBe('org-b');
      }
      expect(() => organisations.replaceOrganisationKey('nope', newerKey, 2_000)).toThrow(UnknownOrganisationError);
      expect(organisations.findOrganisationKey(newerKey)).toBeUndefined();
      expect(organisations.findOrganisationKey(newKey)?.organisationId).toBe('org-a');

      // Replacing again revokes the key issued by the first replacement; a revoked key stays revoked.
      organisations.replaceOrganisationKey('org-a', newerKey, 3_000);
      expect(organisations.findOrganisationKey(newKey)).toBeUndefined();
      expect(organisations.findOrganisationKey(oldKey)).toBeUndefined();
      expect(organisations.findOrganisationKey(newerKey)?.organisationId).toBe('org-a');
      // The organisations themselves are untouched, and a revoked hash cannot found a new one.
      expect(organisations.listOrganisations().map((o) => [o.id, o.createdAt])).toEqual([
        ['org-a', 100],
        ['org-b', 200],
      ]);
      expect(() => organisations.createOrganisation(makeNewOrganisation('org-c', oldKey))).toThrow(
        DuplicateOrganisationError,
      );
    });

    it('[S26] a case made from an import file keeps when it was imported; other cases have no such time', () => {
      store.createCase(makeNewCase({ id: 'imported', importedAt: 2_000 }));
      store.createCase(makeNewCase({ id: 'made-here' }));
      expect(store.getCase('imported')?.importedAt).toBe(2_000);
      expect(store.getCase('made-here')).not.toHaveProperty('importedAt');
      expect(store.listCases().find((c) => c.id === 'imported')?.importedAt).toBe(2_000);
    });

    it('[S8] close is idempotent', () => {
      store.close();
      expect(() => store.close()).not.toThrow();
    });
  });
}
