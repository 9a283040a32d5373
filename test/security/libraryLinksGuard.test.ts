/**
 * Issue 15, the write guard's rule on an outcome's library links (docs/library.md): one plain
 * value of their schema, its JSON at most 8,000 characters (`SHORT_TEXT_BOUNDS`). Raw frames
 * from a modified client against a real server: an over-long value is refused as
 * `textTooLong`, a malformed one (a value that does not parse, a string, a shared type) as
 * `malformedValue`, naming the path; nothing of them is stored or relayed; an honest take
 * (`takeLibraryValue`) from the same sender passes.
 */
import { type LibraryEntry, listMap, SEED_ENTRIES, takeLibraryValue } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncFrame, updateOnTopOf } from '../integration/accessFixtures.ts';
import { refusalsIn } from '../integration/workshopFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectSynced, openRawSocket, waitFor } from '../support/server.ts';
import { expectHonestSync, honestRoom } from './attackFixtures.ts';

describe('issue 15: the write guard on an outcome’s library links', () => {
  const resources = cleanupAfterEach();

  it('[15.G] over-long or malformed library links are refused with a named refusal and not stored; an honest take passes', async () => {
    const { server, parties, facilitator, editor } = await honestRoom(resources);
    const attacker = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(attacker);
    const outcomes = listMap(facilitator.doc, 'outcome');
    const outcomeId = [...(outcomes?.keys() ?? [])][0];
    const departmentId = [...(listMap(facilitator.doc, 'department')?.keys() ?? [])][0];
    if (!outcomeId || !departmentId) throw new Error('the example case has an outcome and a department');
    const path = `outcomes/items/${outcomeId}/libraryLinks`;
    const item = (doc: Y.Doc) => listMap(doc, 'outcome')?.get(outcomeId) as Y.Map<unknown>;
    const writeLinks = (value: unknown) =>
      updateOnTopOf(facilitator.doc, (doc) => item(doc).set('libraryLinks', value));

    const attacks: [string, Uint8Array, Record<string, unknown>][] = [
      [
        'over-long (an 8,001-character entry id)',
        writeLinks({ [departmentId]: { entryId: 'x'.repeat(8_001), version: 1 } }),
        { reason: 'textTooLong', path, limit: 8_000, sections: ['outcomes'] },
      ],
      [
        'a version that is no whole number ≥ 1',
        writeLinks({ [departmentId]: { entryId: 'lib_a', version: -1 } }),
        { reason: 'malformedValue', path, sections: ['outcomes'] },
      ],
      [
        'an unknown field',
        writeLinks({ [departmentId]: { entryId: 'lib_a', version: 1, script: '<img onerror=x>' } }),
        { reason: 'malformedValue', path },
      ],
      [
        'its JSON as a string',
        writeLinks(JSON.stringify({ [departmentId]: { entryId: 'lib_a', version: 1 } })),
        { reason: 'malformedValue', path },
      ],
      [
        'a shared type in its place',
        updateOnTopOf(facilitator.doc, (doc) => {
          const links = new Y.Map<unknown>();
          item(doc).set('libraryLinks', links);
          links.set(departmentId, { entryId: 'lib_a', version: 1 });
        }),
        { reason: 'malformedValue', path },
      ],
    ];
    for (const [index, [what, update, refusal]] of attacks.entries()) {
      attacker.socket.send(syncFrame(2, update));
      await waitFor(() => refusalsIn(attacker.received).length > index, { what: `a refusal of ${what}` });
      expect(refusalsIn(attacker.received)[index], what).toMatchObject(refusal);
    }

    // Nothing of it reached the server's document: a client connecting now has no links at all.
    const late = await connectSynced(server.wsUrl, parties.id, { token: parties.facilitator });
    resources.clients.push(late);
    expect(item(late.doc).has('libraryLinks')).toBe(false);
    expect(item(facilitator.doc).has('libraryLinks')).toBe(false);

    // An honest take from the same sender passes: the link, the value and the note arrive.
    const seed = SEED_ENTRIES[0];
    if (!seed) throw new Error('the seed has entries');
    const entry: LibraryEntry = { ...seed, version: 2, changedAt: '2026-01-01T00:00:00.000Z', changedBy: 'Ida' };
    attacker.socket.send(
      syncFrame(
        2,
        updateOnTopOf(facilitator.doc, (doc) => takeLibraryValue(item(doc), departmentId, entry, 'da')),
      ),
    );
    await waitFor(() => item(facilitator.doc).has('libraryLinks'), { what: 'the honest links reach the facilitator' });
    expect(refusalsIn(attacker.received)).toHaveLength(attacks.length);
    const model = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`);
    const outcome = (model.body.outcomes as { id: string; libraryLinks?: unknown }[]).find((o) => o.id === outcomeId);
    expect(outcome?.libraryLinks).toEqual({ [departmentId]: { entryId: seed.id, version: 2 } });
    await expectHonestSync(facilitator, editor, 'after the library links');
  });
});
