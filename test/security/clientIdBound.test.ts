/**
 * Issue 9 ("every list and text has a bound"): a browser takes a fresh Yjs client id on every
 * page load and its presence binds it to its party, so a case's stored bindings would grow by one
 * per page load for good. Against a real server on SQLite (the security-pg project: PostgreSQL)
 * with an injected clock: presence-only ids idle past UNUSED_CLIENT_ID_DAYS are forgotten when
 * the case loads again, recent ones are kept, and an id that wrote stays bound to its party —
 * and refused to another — however old.
 */
import { writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UNUSED_CLIENT_ID_DAYS } from '../../server/src/documents/unusedClientIds.ts';
import { caseWithParties, syncFrame } from '../integration/accessFixtures.ts';
import { refusalsIn } from '../integration/workshopFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  connectSynced,
  makeTempDataDir,
  type NodeClient,
  openRawSocket,
  openTestStores,
  startTestServer,
  waitFor,
} from '../support/server.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('issue 9: the stored client-id bindings of a case are bounded', () => {
  const resources = cleanupAfterEach();

  it('[9.2] presence-only client ids idle past the limit are forgotten at the next load; an id that wrote stays bound and refused to others', async () => {
    let now = Date.now();
    const clock = () => now;
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const first = await startTestServer({ dataDir, now: clock });
    resources.servers.push(first);
    const parties = await caseWithParties(first.url, { example: true });
    const stores = await openTestStores(dataDir);
    const bound = async () => new Map((await stores.clientIds.list(parties.id)).map((b) => [b.clientId, b]));

    try {
      // The editor's browser writes an edit: its id protects that clock range for good.
      const writer = await connectSynced(first.wsUrl, parties.id, { token: parties.editor.token });
      resources.clients.push(writer);
      writeShortText(writer.doc.getMap('targetGroup'), 'name', 'Unge 18-29');
      const writerId = writer.doc.clientID;
      await waitFor(async () => (await bound()).get(writerId)?.partyId === parties.editor.party.id, {
        what: 'the writer’s id to be stored',
      });

      // Page loads that only showed presence: a fresh client id each, bound by its presence.
      const visit = async (name: string): Promise<number> => {
        const visitor: NodeClient = await connectSynced(first.wsUrl, parties.id, { token: parties.editor.token });
        resources.clients.push(visitor);
        visitor.provider.awareness.setLocalStateField('user', { name });
        const id = visitor.doc.clientID;
        await waitFor(async () => (await bound()).has(id), { what: `presence id of ${name} to be stored` });
        visitor.destroy();
        return id;
      };
      const idle: number[] = [];
      for (let i = 0; i < 12; i++) idle.push(await visit(`Besøg ${i}`));
      now += (UNUSED_CLIENT_ID_DAYS - 10) * DAY;
      const recent: number[] = [];
      for (let i = 0; i < 4; i++) recent.push(await visit(`Nyere besøg ${i}`));
      writer.destroy();
      await first.close();

      // Past the limit for the first visits only; the case loads again on a restart.
      now += 11 * DAY;
      const again = await startTestServer({ dataDir, now: clock });
      resources.servers.push(again);
      const facilitator = await connectSynced(again.wsUrl, parties.id, { token: parties.facilitator });
      resources.clients.push(facilitator);

      const after = await bound();
      expect(idle.filter((id) => after.has(id))).toEqual([]);
      expect(recent.filter((id) => !after.has(id))).toEqual([]);
      expect(after.get(writerId)?.partyId).toBe(parties.editor.party.id);

      // The facilitator (another party) still may not write under the editor's old id.
      const raw = await openRawSocket(again.wsUrl, parties.id, parties.facilitator);
      resources.sockets.push(raw);
      await waitFor(() => raw.received.length > 0, { what: 'the server’s sync step 1' });
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(facilitator.doc));
      forged.clientID = writerId;
      const before = Y.encodeStateVector(forged);
      writeShortText(forged.getMap('targetGroup'), 'name', 'forged');
      raw.socket.send(syncFrame(2, Y.encodeStateAsUpdate(forged, before)));
      await waitFor(() => refusalsIn(raw.received).length > 0, { what: 'a refusal (type 100)' });
      expect(refusalsIn(raw.received)[0]?.reason).toBe('foreignClient');
      const model = await api(again.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`);
      expect(model.body.targetGroup.name).toBe('Unge 18-29');
    } finally {
      await stores.close();
    }
  });
});
