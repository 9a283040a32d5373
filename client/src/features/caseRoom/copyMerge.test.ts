import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MERGED_COPY_ORIGIN, mergeOlderCopies } from './copyMerge.ts';
import { offlineCopyName, openOfflineCopy } from './offlineCopy.ts';

let cases = 0;
/** A case id of its own per test (fake-indexeddb keeps databases for the whole file). */
const newCaseId = () => `merge-case-${++cases}`;

/** Opens a session's document on a link's copy and waits until the copy is loaded. */
async function session(caseId: string, token: string) {
  const doc = new Y.Doc();
  const copy = openOfflineCopy(caseId, token, doc);
  await copy.whenLoaded;
  return { doc, copy };
}

/** A link's session that wrote offline (never sent) and knew its party, then stopped. */
async function offlineEdits(caseId: string, token: string, party: string | undefined, title: string) {
  const old = await session(caseId, token);
  if (party) await old.copy.recordParty(party);
  old.doc.getMap('facts').set('title', title);
  await old.copy.flush();
  await old.copy.close();
  return old.doc.clientID;
}

const databaseNames = async () => (await indexedDB.databases()).map((db) => db.name);
/** Client ids that wrote something in a document. */
const writers = (doc: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()];

describe('mergeOlderCopies: offline edits across a new link (issue 10)', () => {
  it("takes the same party's expired copy into the new link's session, keeps it there, and deletes the old copy", async () => {
    const caseId = newCaseId();
    const oldClientId = await offlineEdits(caseId, 'expired-link', 'party-A', 'Skrevet i toget');
    const oldName = await offlineCopyName(caseId, 'expired-link');
    expect(await databaseNames()).toContain(oldName);

    const fresh = await session(caseId, 'new-link');
    const origins: unknown[] = [];
    const local: boolean[] = [];
    fresh.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      origins.push(transaction.origin);
      local.push(transaction.local);
    });
    await fresh.copy.recordParty('party-A');
    const merged = await mergeOlderCopies(caseId, 'party-A', fresh.doc, fresh.copy);

    expect(merged).toEqual([oldName]);
    expect(fresh.doc.getMap('facts').get('title')).toBe('Skrevet i toget');
    // The old session's client id comes along (the server knows it as this party's); the
    // document keeps writing under its own.
    expect(writers(fresh.doc)).toContain(oldClientId);
    expect(fresh.doc.clientID).not.toBe(oldClientId);
    // Not the person's typing in this session: never undone, and a refusal says "from the copy".
    expect(origins).toEqual([MERGED_COPY_ORIGIN]);
    expect(local).toEqual([false]);
    await expect.poll(databaseNames).not.toContain(oldName);
    await fresh.copy.close();

    // The new link's copy holds the edits now.
    const again = await session(caseId, 'new-link');
    expect(again.doc.getMap('facts').get('title')).toBe('Skrevet i toget');
    await again.copy.close();
  });

  it("leaves another party's copy, and a copy of no recorded party, untouched", async () => {
    const caseId = newCaseId();
    await offlineEdits(caseId, 'link-of-B', 'party-B', 'B skrev her');
    await offlineEdits(caseId, 'link-of-unknown', undefined, 'Ukendt part');
    const bName = await offlineCopyName(caseId, 'link-of-B');
    const unknownName = await offlineCopyName(caseId, 'link-of-unknown');

    const fresh = await session(caseId, 'new-link-of-A');
    expect(await mergeOlderCopies(caseId, 'party-A', fresh.doc, fresh.copy)).toEqual([]);
    expect(fresh.doc.getMap('facts').get('title')).toBeUndefined();
    await fresh.copy.close();
    expect(await databaseNames()).toEqual(expect.arrayContaining([bName, unknownName]));

    // B's copy still holds B's edits for B's next session.
    const b = await session(caseId, 'link-of-B');
    expect(b.doc.getMap('facts').get('title')).toBe('B skrev her');
    await b.copy.close();
  });

  it("never touches another case's copies, nor the session's own", async () => {
    const caseId = newCaseId();
    const otherCase = newCaseId();
    await offlineEdits(otherCase, 'link-in-other-case', 'party-A', 'Anden sag');
    const ownClientId = await offlineEdits(caseId, 'same-link', 'party-A', 'Egen kopi');

    const reopened = await session(caseId, 'same-link');
    expect(await mergeOlderCopies(caseId, 'party-A', reopened.doc, reopened.copy)).toEqual([]);
    expect(reopened.doc.getMap('facts').get('title')).toBe('Egen kopi');
    expect(writers(reopened.doc)).toContain(ownClientId);
    await reopened.copy.close();
    expect(await databaseNames()).toContain(await offlineCopyName(otherCase, 'link-in-other-case'));
    expect(await databaseNames()).toContain(await offlineCopyName(caseId, 'same-link'));
  });

  it('takes several older copies of the party at once (a link replaced, then expired)', async () => {
    const caseId = newCaseId();
    await offlineEdits(caseId, 'first-link', 'party-A', 'Først');
    const second = await session(caseId, 'second-link');
    await second.copy.recordParty('party-A');
    second.doc.getMap('facts').set('municipality', 'Holbæk');
    await second.copy.close();

    const third = await session(caseId, 'third-link');
    const merged = await mergeOlderCopies(caseId, 'party-A', third.doc, third.copy);
    expect(merged.sort()).toEqual(
      [await offlineCopyName(caseId, 'first-link'), await offlineCopyName(caseId, 'second-link')].sort(),
    );
    expect(third.doc.getMap('facts').toJSON()).toEqual({ title: 'Først', municipality: 'Holbæk' });
    await third.copy.close();
  });
});

describe('OfflineCopy.flush and recordParty', () => {
  it('flush resolves once every update so far is stored', async () => {
    const caseId = newCaseId();
    const first = await session(caseId, 'token');
    for (let i = 0; i < 50; i++) first.doc.getMap('facts').set('title', `udkast ${i}`);
    expect(await first.copy.flush()).toBe(true);
    // Read straight from IndexedDB, without closing the copy first (a page about to reload).
    const probe = new Y.Doc();
    const reader = openOfflineCopy(caseId, 'token', probe);
    await reader.whenLoaded;
    expect(probe.getMap('facts').get('title')).toBe('udkast 49');
    await reader.close();
    await first.copy.close();
    expect(await first.copy.flush()).toBe(false);
  });
});
