import { sectionMap, setField, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectSynced, startTestServer } from '../support/server.ts';
import { caseWithParties } from './accessFixtures.ts';

type Listing = { partyId: string; partyName: string; section: string; firstAt: string; lastAt: string; edits: number };

/** W12: who changed what, when — recorded by the server from each connection's real changes. */
describe('activity', () => {
  const { clients, servers } = cleanupAfterEach();

  it('[W12] lists each party’s changes per section with its name; a resync adds nothing; observers can read it', async () => {
    const server = await startTestServer();
    servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const facilitator = await connectSynced(server.wsUrl, parties.id, { token: parties.facilitator });
    const editor = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(facilitator, editor);
    const activity = async (token = parties.facilitator) =>
      (await api<Listing[]>(server.url, token, 'GET', `/api/cases/${parties.id}/activity`)).body;
    expect(await activity()).toEqual([]);

    facilitator.doc.transact(() => writeShortText(sectionMap(facilitator.doc, 'facts')!, 'title', 'Ny titel'));
    editor.doc.transact(() => {
      writeShortText(sectionMap(editor.doc, 'facts')!, 'municipality', 'Holbæk');
      setField(sectionMap(editor.doc, 'paymentModel')!, 'investorFundedShare', 0.8);
    });
    editor.doc.transact(() => writeShortText(sectionMap(editor.doc, 'facts')!, 'municipality', 'Holbæk Kommune'));
    for (let i = 0; i < 100 && (await activity()).length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    const entries = await activity();
    const summary = entries.map((e) => [e.partyName, e.section, e.edits]);
    expect(summary).toEqual(
      expect.arrayContaining([
        [parties.editor.party.name, 'facts', 2],
        [parties.editor.party.name, 'paymentModel', 1],
        ['Facilitator', 'facts', 1],
      ]),
    );
    for (const entry of entries) expect(Date.parse(entry.lastAt)).toBeGreaterThanOrEqual(Date.parse(entry.firstAt));

    // A client that reconnects and resyncs what the server already has changes nothing.
    const again = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(again);
    const { applyUpdate, encodeStateAsUpdate } = await import('yjs');
    applyUpdate(again.doc, encodeStateAsUpdate(editor.doc));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await activity()).map((e) => e.edits)).toEqual(entries.map((e) => e.edits));

    // Observers read it; nobody without a token does.
    expect(await activity(parties.observer.token)).toEqual(await activity());
    expect((await fetch(`${server.url}/api/cases/${parties.id}/activity`)).status).toBe(401);
  });
});
