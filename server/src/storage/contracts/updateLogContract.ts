import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UnknownCaseError } from '../storeErrors.ts';
import {
  appendEachUpdate,
  bytesOf,
  CASE_TITLE,
  createCase,
  type OpenStores,
  replay,
  useStoresFixture,
} from './contractFixtures.ts';

/** What the engine offers the update log's contract beyond one handle. */
export type UpdateLogContractOptions = {
  /**
   * Whether the fixture has a `sibling` (a second handle on the same database): then S18, a
   * concurrent writer's rows survive compaction, runs. An in-memory SQLite database has none.
   */
  sibling: boolean;
};

/** What every UpdateLog must do (contracts S3, S4, S5, S7, S18, S19 of the old DocumentStore suite; S29). */
export function updateLogContract(engineName: string, open: OpenStores, options: UpdateLogContractOptions): void {
  describe(`UpdateLog contract: ${engineName}`, () => {
    const fixture = useStoresFixture(open);
    const stores = () => fixture().stores;

    it('[S3] updates come back in the order they were appended', async () => {
      const { updates } = stores();
      await createCase(stores());
      const source = replay(await updates.load('case-1'));
      const writer = appendEachUpdate(source, updates, 'case-1');
      const text = source.getText('t');
      for (let i = 0; i < 20; i++) text.insert(i, String.fromCharCode(97 + (i % 26)));
      await writer.flush();
      const loaded = await updates.load('case-1');
      expect(loaded).toHaveLength(21);
      expect(bytesOf(loaded.slice(1))).toEqual(bytesOf(writer.appended));
      expect(replay(loaded).getText('t').toString()).toBe(text.toString());
    });

    it('[S3b] a group of updates is appended in one call, in the order given', async () => {
      const { updates } = stores();
      await createCase(stores());
      const group = [new Uint8Array([1]), new Uint8Array([2, 2]), new Uint8Array([3, 3, 3])];
      await updates.append('case-1', group);
      await updates.append('case-1', []);
      await updates.append('case-1', [new Uint8Array([4])]);
      const loaded = await updates.load('case-1');
      expect(bytesOf(loaded.slice(1))).toEqual([[1], [2, 2], [3, 3, 3], [4]]);
      expect(await updates.count('case-1')).toBe(5);
    });

    it('[S3c] a group that cannot be stored stores none of its updates', async () => {
      const { updates } = stores();
      await createCase(stores());
      const group = [new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])];
      await expect(updates.append('nope', group)).rejects.toThrow(UnknownCaseError);
      expect(await updates.load('nope')).toEqual([]);
      expect(await updates.count('nope')).toBe(0);
      expect(await updates.count('case-1')).toBe(1);
    });

    it('[S3d] a group appended from the caller’s document counts as held: compaction stores exactly the caller’s state', async () => {
      const { updates } = stores();
      await createCase(stores());
      const doc = replay(await updates.load('case-1'));
      const group: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => group.push(update));
      for (let i = 0; i < 3; i++) doc.getArray('a').push([i]);
      await updates.append('case-1', group);
      const state = Y.encodeStateAsUpdate(doc);
      await updates.compact('case-1', state);
      expect(bytesOf(await updates.load('case-1'))).toEqual([[...state]]);
    });

    it('[S4] appending to or compacting an unknown case throws; an unknown case has no updates', async () => {
      const { updates } = stores();
      await expect(updates.append('nope', [new Uint8Array([0, 0])])).rejects.toThrow(UnknownCaseError);
      await expect(updates.compact('nope', new Uint8Array([0, 0]))).rejects.toThrow(UnknownCaseError);
      expect(await updates.load('nope')).toEqual([]);
      expect(await updates.count('nope')).toBe(0);
    });

    it('[S5] compaction replaces the log with one state that holds the same content', async () => {
      const { updates } = stores();
      await createCase(stores());
      const doc = replay(await updates.load('case-1'));
      const writer = appendEachUpdate(doc, updates, 'case-1');
      for (let i = 0; i < 10; i++) doc.getArray('a').push([i]);
      await writer.flush();
      expect(await updates.count('case-1')).toBe(11);
      await updates.compact('case-1', Y.encodeStateAsUpdate(doc));
      expect(await updates.count('case-1')).toBe(1);
      doc.getArray('a').push([10]);
      await writer.flush();
      const loaded = replay(await updates.load('case-1'));
      expect(loaded.getArray('a').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(loaded.getMap('facts').get('title')).toBe(CASE_TITLE);
    });

    it('[S7] stored bytes are copies: mutating the caller buffer once append was called changes nothing', async () => {
      const { updates } = stores();
      await createCase(stores());
      const update = new Uint8Array([1, 2, 3]);
      const appending = updates.append('case-1', [update]);
      update[0] = 9;
      await appending;
      update[1] = 9;
      expect([...(await updates.load('case-1'))[1]!]).toEqual([1, 2, 3]);
      // And what load hands out is the caller's to change.
      (await updates.load('case-1'))[1]![2] = 9;
      expect([...(await updates.load('case-1'))[1]!]).toEqual([1, 2, 3]);
      // So is the state handed to compact, once compact was called.
      await createCase(stores(), { id: 'case-2' });
      const doc = replay(await updates.load('case-2'));
      doc.getMap('facts').set('horizonYears', 10);
      const state = Y.encodeStateAsUpdate(doc);
      const expected = [...state];
      const compacting = updates.compact('case-2', state);
      state.fill(0);
      await compacting;
      expect(bytesOf(await updates.load('case-2'))).toEqual([expected]);
    });

    if (options.sibling) {
      it('[S18] compaction never drops what another writer appended: rows the compacting side never read are merged into the state', async () => {
        const { updates, engine } = stores();
        const openSibling = fixture().sibling;
        if (!openSibling) throw new Error(`the ${engine} fixture promised a sibling but has none`);
        await createCase(stores());
        const other = await openSibling();
        try {
          // Two writers, each with its own document, interleaving appends to one log.
          const mine = replay(await updates.load('case-1'));
          const myWriter = appendEachUpdate(mine, updates, 'case-1');
          const theirs = replay(await other.updates.load('case-1'));
          const theirWriter = appendEachUpdate(theirs, other.updates, 'case-1');
          mine.getArray('a').push(['mine 1']);
          await myWriter.flush();
          theirs.getText('t').insert(0, 'abc');
          await theirWriter.flush();
          mine.getArray('a').push(['mine 2']);
          await myWriter.flush();
          theirs.getText('t').delete(0, 1); // a delete-only update
          theirs.getMap('facts').set('municipality', 'Svendborg');
          await theirWriter.flush();

          // Compacting with a state that lacks every one of their updates loses none of them.
          await updates.compact('case-1', Y.encodeStateAsUpdate(mine));
          expect(await updates.count('case-1')).toBe(1);
          const afterMine = replay(await updates.load('case-1'));
          expect(afterMine.getArray('a').toArray()).toEqual(['mine 1', 'mine 2']);
          expect(afterMine.getText('t').toString()).toBe('bc');
          expect(afterMine.getMap('facts').get('municipality')).toBe('Svendborg');
          expect(afterMine.getMap('facts').get('title')).toBe(CASE_TITLE);

          // Their compaction (a state that lacks the merged row's other half) loses nothing either,
          // nor does compacting again from a document that never applied the merged row.
          theirs.getText('t').insert(2, 'd');
          await theirWriter.flush();
          await other.updates.compact('case-1', Y.encodeStateAsUpdate(theirs));
          mine.getArray('a').push(['mine 3']);
          await myWriter.flush();
          await updates.compact('case-1', Y.encodeStateAsUpdate(mine));
          const final = replay(await updates.load('case-1'));
          expect(final.getArray('a').toArray()).toEqual(['mine 1', 'mine 2', 'mine 3']);
          expect(final.getText('t').toString()).toBe('bcd');
          expect(final.getMap('facts').get('municipality')).toBe('Svendborg');
        } finally {
          await other.close();
        }
      });
    }

    it('[S29] the revision changes with every append and compaction and never comes back', async () => {
      const { updates } = stores();
      await createCase(stores());
      expect(await updates.revision('nope')).toBe('0:0');
      const seen = [await updates.revision('case-1')];
      const doc = replay(await updates.load('case-1'));
      const writer = appendEachUpdate(doc, updates, 'case-1');
      const step = async (change: () => Promise<void>) => {
        await change();
        const revision = await updates.revision('case-1');
        expect(seen).not.toContain(revision);
        seen.push(revision);
      };
      // Compacted back to one row, then appended to the same number of rows as before: still new.
      await step(async () => {
        doc.getArray('a').push([1]);
        await writer.flush();
      });
      await step(() => updates.compact('case-1', Y.encodeStateAsUpdate(doc)));
      await step(async () => {
        doc.getArray('a').push([2]);
        await writer.flush();
      });
      await step(() => updates.compact('case-1', Y.encodeStateAsUpdate(doc)));
      expect(await updates.revision('case-1')).toBe(seen.at(-1));
    });

    it('[S19] with no other writer, compaction stores exactly the given state (no merge on the honest path)', async () => {
      const { updates } = stores();
      await createCase(stores());
      const doc = replay(await updates.load('case-1'));
      const writer = appendEachUpdate(doc, updates, 'case-1');
      for (let i = 0; i < 5; i++) doc.getMap('facts').set('horizonYears', i + 10);
      await writer.flush();
      const state = Y.encodeStateAsUpdate(doc);
      await updates.compact('case-1', state);
      expect(bytesOf(await updates.load('case-1'))).toEqual([[...state]]);
      doc.getMap('facts').set('horizonYears', 20);
      await writer.flush();
      const next = Y.encodeStateAsUpdate(doc);
      await updates.compact('case-1', next);
      expect(bytesOf(await updates.load('case-1'))).toEqual([[...next]]);
    });
  });
}
