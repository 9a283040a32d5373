import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { legacyCopyName, offlineCopyName, openOfflineCopy } from './offlineCopy.ts';

let cases = 0;
/** A case id of its own per test (fake-indexeddb keeps databases for the whole file). */
const newCaseId = () => `case-${++cases}`;

/** Opens a session's document on a link's copy and waits until the copy is loaded. */
async function session(caseId: string, token: string) {
  const doc = new Y.Doc();
  const clientIdBefore = doc.clientID;
  const copy = openOfflineCopy(caseId, token, doc);
  await copy.whenLoaded;
  return { doc, copy, clientIdBefore };
}

/** Client ids that wrote something in a document. */
const writers = (doc: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()];

describe('offlineCopyName', () => {
  it('is the case id and the first 16 hex of SHA-256 of the token — never the token', async () => {
    const token = 'tok_abcdefghijklmnopqrstuvwxyz012345';
    const name = await offlineCopyName('c1', token);
    const expected = createHash('sha256').update(token).digest('hex').slice(0, 16);
    expect(name).toBe(`caseroom:c1:${expected}`);
    expect(name).not.toContain(token);
    expect(name.startsWith(`${legacyCopyName('c1')}:`)).toBe(true);
  });

  it('differs per link and per case, and is the same for the same link', async () => {
    expect(await offlineCopyName('c1', 'A')).not.toBe(await offlineCopyName('c1', 'B'));
    expect(await offlineCopyName('c1', 'A')).not.toBe(await offlineCopyName('c2', 'A'));
    expect(await offlineCopyName('c1', 'A')).toBe(await offlineCopyName('c1', 'A'));
  });
});

describe('openOfflineCopy: one copy per case and link', () => {
  it("restores the link's own copy, under the new session's fresh client id", async () => {
    const caseId = newCaseId();
    const first = await session(caseId, 'token-A');
    first.doc.getMap('facts').set('title', 'Skrevet offline');
    await first.copy.close();
    first.doc.destroy();

    const again = await session(caseId, 'token-A');
    expect(again.doc.getMap('facts').get('title')).toBe('Skrevet offline');
    // y-indexeddb restores the state, not the client id: the new document keeps its own.
    expect(again.doc.clientID).toBe(again.clientIdBefore);
    expect(again.doc.clientID).not.toBe(first.doc.clientID);
    again.doc.getMap('facts').set('municipality', 'Holbæk');
    expect(writers(again.doc).sort()).toEqual([first.doc.clientID, again.doc.clientID].sort());
    await again.copy.close();
  });

  it("never replays party A's edits or client ids under party B's link on the same browser", async () => {
    const caseId = newCaseId();
    const partyA = await session(caseId, 'token-A');
    partyA.doc.getMap('facts').set('title', 'A skrev her');
    await partyA.copy.close();

    const partyB = await session(caseId, 'token-B');
    expect(partyB.doc.getMap('facts').get('title')).toBeUndefined();
    expect(writers(partyB.doc)).not.toContain(partyA.doc.clientID);
    await partyB.copy.close();
  });

  it('a rotated link starts a new copy', async () => {
    const caseId = newCaseId();
    const before = await session(caseId, 'old-token');
    before.doc.getMap('facts').set('title', 'Før det nye link');
    await before.copy.close();
    const after = await session(caseId, 'new-token');
    expect(after.doc.getMap('facts').get('title')).toBeUndefined();
    await after.copy.close();
  });

  it('does not import the copy kept per case by older versions, and deletes it', async () => {
    const caseId = newCaseId();
    const legacyDoc = new Y.Doc();
    const legacy = new IndexeddbPersistence(legacyCopyName(caseId), legacyDoc);
    await legacy.whenSynced;
    legacyDoc.getMap('workshop').set('phase', 3);
    await legacy.destroy();

    const opened = await session(caseId, 'token-B');
    expect(opened.doc.getMap('workshop').get('phase')).toBeUndefined();
    expect(writers(opened.doc)).not.toContain(legacyDoc.clientID);
    await opened.copy.close();

    // The old database is gone: opening it again finds nothing.
    await expect
      .poll(async () => {
        const probe = new Y.Doc();
        const reopened = new IndexeddbPersistence(legacyCopyName(caseId), probe);
        await reopened.whenSynced;
        await reopened.destroy();
        return probe.getMap('workshop').get('phase');
      })
      .toBeUndefined();
  });

  it('forget() deletes the copy, so the next session starts from the server', async () => {
    const caseId = newCaseId();
    const first = await session(caseId, 'token-A');
    first.doc.getMap('facts').set('title', 'Afvist');
    await first.copy.forget();
    const next = await session(caseId, 'token-A');
    expect(next.doc.getMap('facts').get('title')).toBeUndefined();
    await next.copy.close();
  });

  it('a copy closed before it opened is never attached', async () => {
    const caseId = newCaseId();
    const doc = new Y.Doc();
    const copy = openOfflineCopy(caseId, 'token-A', doc);
    await copy.close();
    await copy.whenLoaded;
    doc.getMap('facts').set('title', 'Efter lukning');
    const next = await session(caseId, 'token-A');
    expect(next.doc.getMap('facts').get('title')).toBeUndefined();
    await next.copy.close();
  });
});
