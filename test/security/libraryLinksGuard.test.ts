/**
 * Issue 15, the write guard on an outcome's library links (docs/library.md): from document
 * layout 5 a nested map per outcome, one plain link per department (its JSON at most 300
 * characters, `SHORT_TEXT_BOUNDS`; at most 50 entries, `LIST_BOUNDS`), created with the outcome.
 * Raw frames from a modified client against a real server: an over-long link is refused as
 * `textTooLong`, too many as `listTooLong`, a malformed one (a value that does not parse, a
 * string, a shared type, a key that is no id) as `malformedValue`, and a write of the form before
 * layout 5 — a plain value in the map's place, a new map, the map deleted — as `schemaOutdated`,
 * naming the path; nothing of them is stored or relayed; an honest take (`takeLibraryValue`)
 * from the same sender passes, and two honest takes for two departments at once both stay.
 * A case stored before layout 5 opens with its links, migrated to the map on load.
 */
import { hashToken, newToken } from '@caseroom/server';
import {
  asLayout4,
  exampleCase,
  initCaseDoc,
  LAYOUT_VERSION,
  LIBRARY_LINKS_KEY,
  type LibraryEntry,
  layoutVersion,
  listMap,
  readLibraryLinks,
  SEED_ENTRIES,
  takeLibraryValue,
  toModel,
  writeModel,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncFrame, updateOnTopOf } from '../integration/accessFixtures.ts';
import { refusalsIn } from '../integration/workshopFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  connectSynced,
  makeTempDataDir,
  openRawSocket,
  openTestStores,
  startTestServer,
  waitFor,
} from '../support/server.ts';
import { expectHonestSync, honestRoom } from './attackFixtures.ts';

function entry(index: number, version: number): LibraryEntry {
  const seed = SEED_ENTRIES[index];
  if (!seed) throw new Error(`the seed has an entry ${index}`);
  return { ...seed, version, changedAt: '2026-01-01T00:00:00.000Z', changedBy: 'Ida' };
}

describe('issue 15: the write guard on an outcome’s library links', () => {
  const resources = cleanupAfterEach();

  it('[15.G] over-long, too many, malformed or old-form library links are refused with a named refusal and not stored; honest takes pass', async () => {
    const { server, parties, facilitator, editor } = await honestRoom(resources);
    const attacker = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(attacker);
    const outcomes = listMap(facilitator.doc, 'outcome');
    const outcomeId = [...(outcomes?.keys() ?? [])][0];
    const [departmentId, otherDepartmentId] = [...(listMap(facilitator.doc, 'department')?.keys() ?? [])];
    if (!outcomeId || !departmentId || !otherDepartmentId) {
      throw new Error('the example case has an outcome and two departments');
    }
    const path = `outcomes/items/${outcomeId}/libraryLinks`;
    const item = (doc: Y.Doc) => listMap(doc, 'outcome')?.get(outcomeId) as Y.Map<unknown>;
    const links = (doc: Y.Doc) => item(doc).get(LIBRARY_LINKS_KEY) as Y.Map<unknown>;
    expect(links(facilitator.doc)).toBeInstanceOf(Y.Map);
    expect(layoutVersion(facilitator.doc)).toBe(LAYOUT_VERSION);
    const writeLink = (value: unknown, key = departmentId) =>
      updateOnTopOf(facilitator.doc, (doc) => links(doc).set(key, value));

    const attacks: [string, Uint8Array, Record<string, unknown>][] = [
      [
        'over-long (a 301-character link)',
        writeLink({ entryId: 'x'.repeat(300), version: 1 }),
        { reason: 'textTooLong', path: `${path}/${departmentId}`, limit: 300, sections: ['outcomes'] },
      ],
      [
        'more links than a case has departments',
        updateOnTopOf(facilitator.doc, (doc) => {
          for (let i = 0; i <= 50; i++) links(doc).set(`dep-${i}`, { entryId: 'lib_a', version: 1 });
        }),
        { reason: 'listTooLong', path, limit: 50 },
      ],
      [
        'a version that is no whole number ≥ 1',
        writeLink({ entryId: 'lib_a', version: -1 }),
        { reason: 'malformedValue', path: `${path}/${departmentId}`, sections: ['outcomes'] },
      ],
      [
        'an unknown field',
        writeLink({ entryId: 'lib_a', version: 1, script: '<img onerror=x>' }),
        { reason: 'malformedValue', path: `${path}/${departmentId}` },
      ],
      [
        'its JSON as a string',
        writeLink(JSON.stringify({ entryId: 'lib_a', version: 1 })),
        { reason: 'malformedValue', path: `${path}/${departmentId}` },
      ],
      [
        'a shared type in a link’s place',
        updateOnTopOf(facilitator.doc, (doc) => {
          const link = new Y.Map<unknown>();
          links(doc).set(departmentId, link);
          link.set('entryId', 'lib_a');
        }),
        { reason: 'malformedValue', path: `${path}/${departmentId}` },
      ],
      [
        'a department key that is no id',
        writeLink({ entryId: 'lib_a', version: 1 }, ''),
        { reason: 'malformedValue', path: `${path}/` },
      ],
      [
        'the links as one plain value (a client from before layout 5)',
        updateOnTopOf(facilitator.doc, (doc) =>
          item(doc).set(LIBRARY_LINKS_KEY, { [departmentId]: { entryId: 'lib_a', version: 1 } }),
        ),
        { reason: 'schemaOutdated', path, sections: ['outcomes'] },
      ],
      [
        'a new map in the links map’s place',
        updateOnTopOf(facilitator.doc, (doc) => {
          const fresh = new Y.Map<unknown>();
          item(doc).set(LIBRARY_LINKS_KEY, fresh);
          fresh.set(departmentId, { entryId: 'lib_a', version: 1 });
        }),
        { reason: 'schemaOutdated', path },
      ],
      [
        'the links map deleted without its outcome',
        updateOnTopOf(facilitator.doc, (doc) => item(doc).delete(LIBRARY_LINKS_KEY)),
        { reason: 'schemaOutdated', path },
      ],
    ];
    for (const [index, [what, update, refusal]] of attacks.entries()) {
      attacker.socket.send(syncFrame(2, update));
      await waitFor(() => refusalsIn(attacker.received).length > index, { what: `a refusal of ${what}` });
      expect(refusalsIn(attacker.received)[index], what).toMatchObject(refusal);
    }

    // Nothing of it reached the server's document: a client connecting now has the empty map.
    const late = await connectSynced(server.wsUrl, parties.id, { token: parties.facilitator });
    resources.clients.push(late);
    for (const doc of [late.doc, facilitator.doc]) {
      expect(links(doc)).toBeInstanceOf(Y.Map);
      expect(links(doc).size).toBe(0);
    }

    // An honest take from the same sender passes: the link, the value and the note arrive.
    attacker.socket.send(
      syncFrame(
        2,
        updateOnTopOf(facilitator.doc, (doc) => takeLibraryValue(item(doc), departmentId, entry(0, 2), 'da')),
      ),
    );
    await waitFor(() => links(facilitator.doc).has(departmentId), { what: 'the honest link reaches the facilitator' });
    expect(refusalsIn(attacker.received)).toHaveLength(attacks.length);
    const modelLinks = async () => {
      const model = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`);
      return (model.body.outcomes as { id: string; libraryLinks?: unknown }[]).find((o) => o.id === outcomeId)
        ?.libraryLinks;
    };
    expect(await modelLinks()).toEqual({ [departmentId]: { entryId: SEED_ENTRIES[0]?.id, version: 2 } });

    // Two people take values for two departments of the outcome at once: both links stay.
    takeLibraryValue(item(facilitator.doc), departmentId, entry(1, 3), 'da');
    takeLibraryValue(item(editor.doc), otherDepartmentId, entry(2, 1), 'da');
    const both = {
      [departmentId]: { entryId: SEED_ENTRIES[1]?.id, version: 3 },
      [otherDepartmentId]: { entryId: SEED_ENTRIES[2]?.id, version: 1 },
    };
    await waitFor(
      () =>
        JSON.stringify(readLibraryLinks(item(facilitator.doc))) === JSON.stringify(both) &&
        JSON.stringify(readLibraryLinks(item(editor.doc))) === JSON.stringify(both),
      { what: 'both takes reach both people' },
    );
    await waitFor(async () => JSON.stringify(await modelLinks()) === JSON.stringify(both), {
      what: 'both links stored',
    });
    await expectHonestSync(facilitator, editor, 'after the library links');
  });

  it('[15.G2] a case stored before layout 5 opens with its links, one map entry per department', async () => {
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const doc = new Y.Doc();
    initCaseDoc(doc, { startYear: 2027, priceYear: 2026 });
    writeModel(doc, exampleCase());
    const outcome = listMap(doc, 'outcome')?.get('out-employment') as Y.Map<unknown>;
    takeLibraryValue(outcome, 'dep-jobcenter', entry(0, 1), 'da');
    takeLibraryValue(outcome, 'dep-social', entry(1, 2), 'da', { factor: 1.1, source: 'Indeks', toYear: 2026 });
    asLayout4(doc);
    const stored = outcome.get(LIBRARY_LINKS_KEY);
    expect(stored).not.toBeInstanceOf(Y.Map);
    const model = toModel(doc);

    const token = newToken();
    const caseId = 'layout4CaseLLLLLLLLLLL';
    const stores = await openTestStores(dataDir);
    try {
      await stores.cases.create({
        id: caseId,
        createdAt: 1_700_000_000_000,
        initialState: Y.encodeStateAsUpdate(doc),
        summary: { title: model.facts.title, municipality: undefined, phase: undefined },
        founder: {
          party: {
            id: 'party-facilitator',
            caseId,
            name: 'Facilitator',
            kind: 'facilitator',
            role: 'facilitator',
            departmentId: undefined,
          },
          tokenHash: hashToken(token),
          createdAt: 1_700_000_000_000,
        },
      });
    } finally {
      await stores.close();
    }

    const server = await startTestServer({ dataDir });
    resources.servers.push(server);
    const client = await connectSynced(server.wsUrl, caseId, { token });
    resources.clients.push(client);
    expect(layoutVersion(client.doc)).toBe(LAYOUT_VERSION);
    const migrated = listMap(client.doc, 'outcome')?.get('out-employment') as Y.Map<unknown> | undefined;
    const links = migrated?.get(LIBRARY_LINKS_KEY);
    expect(links).toBeInstanceOf(Y.Map);
    expect((links as Y.Map<unknown>).toJSON()).toEqual(stored);
    const read = await api(server.url, token, 'GET', `/api/cases/${caseId}/model`);
    const employment = (read.body.outcomes as { id: string; libraryLinks?: unknown }[]).find(
      (o) => o.id === 'out-employment',
    );
    expect(employment?.libraryLinks).toEqual(stored);
  });
});
