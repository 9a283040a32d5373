import { sectionMap, writeShortText } from '@caseroom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  connectSynced,
  createCase,
  type NodeClient,
  openRawSocket,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';
import { caseWithParties, pause } from './accessFixtures.ts';

/** docs/access.md A1: a token is never written to a log line (the party id is logged instead). */
describe('[A1] tokens never reach the log', () => {
  let server: TestServer;
  const clients: NodeClient[] = [];
  beforeEach(async () => {
    server = await startTestServer({ unloadGraceMs: 50 });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('after creating, inviting, rotating, connecting, refusing, dropping and closing, no log line holds any token issued', async () => {
    const issued: string[] = [];
    const parties = await caseWithParties(server.url);
    issued.push(parties.facilitator, parties.editor.token, parties.observer.token);
    const other = await createCase(server.url, { example: true });
    issued.push(other.token);

    const editor = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    const observer = await connectSynced(server.wsUrl, parties.id, { token: parties.observer.token });
    clients.push(editor, observer);
    editor.doc.transact(() => writeShortText(sectionMap(editor.doc, 'facts')!, 'title', 'Logget?'));
    observer.doc.transact(() => writeShortText(sectionMap(observer.doc, 'facts')!, 'title', 'Droppet'));
    for (const token of [other.token, undefined, 'cr1_not-a-token']) {
      await (await openRawSocket(server.wsUrl, parties.id, token)).closed;
    }
    const malformed = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    malformed.socket.send('not binary');
    await malformed.closed;

    const rotate = async (partyId: string) => {
      const response = await fetch(`${server.url}/api/cases/${parties.id}/parties/${partyId}/rotate`, {
        method: 'POST',
        headers: bearer(parties.facilitator),
      });
      const { token } = (await response.json()) as { token: string };
      issued.push(token);
    };
    await rotate(parties.editor.party.id);
    await rotate(parties.observer.party.id);
    await (await openRawSocket(server.wsUrl, parties.id, parties.editor.token)).closed; // revoked
    await fetch(`${server.url}/api/cases/${parties.id}/parties`, { headers: bearer(parties.editor.token) });
    await fetch(`${server.url}/api/cases/${other.id}/model`, { headers: bearer(parties.facilitator) });
    for (const client of clients.splice(0)) client.destroy();
    await waitFor(() => server.logs.some((line) => line.message === 'case unloaded'), { what: 'unload' });
    await pause(50);

    // The test must be able to fail: plenty was logged, with party ids.
    expect(server.logs.length).toBeGreaterThan(10);
    const text = server.logs.map((line) => JSON.stringify(line)).join('\n');
    expect(text).toContain(parties.editor.party.id);
    for (const token of issued) {
      expect(text).not.toContain(token);
      // Nor any recognisable piece of it.
      expect(text).not.toContain(token.slice(4, 24));
    }
    expect(text).not.toContain('cr1_');
  });
});
