import { CloseCode, isFinalClose, sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  connectClient,
  connectSynced,
  type NodeClient,
  openRawSocket,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';
import { caseWithParties, pause, recordCloses, waitForClose } from './accessFixtures.ts';

/** docs/access.md A9: rotating a link revokes the old token at once, everywhere. */
describe('[A9] rotating a link', () => {
  let server: TestServer;
  const clients: NodeClient[] = [];
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('closes every connection that used the old token with LinkRevoked, blocks reconnecting with it, and the new token works', async () => {
    const parties = await caseWithParties(server.url);
    const oldToken = parties.editor.token;
    const facilitator = await connectSynced(server.wsUrl, parties.id, { token: parties.facilitator });
    const tabs = [
      await connectSynced(server.wsUrl, parties.id, { token: oldToken }),
      await connectSynced(server.wsUrl, parties.id, { token: oldToken }),
    ];
    const observer = await connectSynced(server.wsUrl, parties.id, { token: parties.observer.token });
    clients.push(facilitator, ...tabs, observer);
    for (const tab of tabs) tab.provider.shouldReconnect = (event) => !isFinalClose(event.code);
    const tabCloses = tabs.map(recordCloses);
    const othersCloses = [facilitator, observer].map(recordCloses);

    const response = await fetch(`${server.url}/api/cases/${parties.id}/parties/${parties.editor.party.id}/rotate`, {
      method: 'POST',
      headers: bearer(parties.facilitator),
    });
    expect(response.status).toBe(200);
    const rotated = (await response.json()) as { party: unknown; token: string };
    expect(rotated.party).toEqual(parties.editor.party);
    expect(rotated.token).toMatch(/^cr1_[A-Za-z0-9_-]{43}$/);
    expect(rotated.token).not.toBe(oldToken);

    for (const closes of tabCloses) await waitForClose(closes, CloseCode.LinkRevoked);
    await pause(400);
    // The providers stopped: no reconnect attempts, no second close.
    expect(tabCloses).toEqual([[CloseCode.LinkRevoked], [CloseCode.LinkRevoked]]);
    for (const tab of tabs) expect(tab.provider.wsconnected).toBe(false);
    expect(othersCloses).toEqual([[], []]);
    expect(facilitator.provider.wsconnected && observer.provider.wsconnected).toBe(true);

    // Reconnecting with the old token: LinkRevoked, over the websocket; 403 tokenInvalid over HTTP.
    const again = await openRawSocket(server.wsUrl, parties.id, oldToken);
    expect((await again.closed).code).toBe(CloseCode.LinkRevoked);
    const api = await fetch(`${server.url}/api/cases/${parties.id}/me`, { headers: bearer(oldToken) });
    expect(api.status).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('tokenInvalid');
    const listed = await (await fetch(`${server.url}/api/cases`, { headers: bearer(oldToken) })).json();
    expect(listed).toEqual([]);

    // The new token: same party, can edit.
    const renewed = await connectSynced(server.wsUrl, parties.id, { token: rotated.token });
    clients.push(renewed);
    renewed.doc.transact(() => writeShortText(sectionMap(renewed.doc, 'facts')!, 'title', 'Med det nye link'));
    await waitFor(() => toModel(facilitator.doc).facts.title === 'Med det nye link', {
      what: 'edit with the new token',
    });
    const me = await (
      await fetch(`${server.url}/api/cases/${parties.id}/me`, { headers: bearer(rotated.token) })
    ).json();
    expect(me).toEqual({ party: parties.editor.party });

    const closedLines = server.logs.filter((line) => line.message === 'connection closed: link revoked');
    expect(closedLines).toHaveLength(2);
    expect(closedLines[0]!.fields).toMatchObject({ caseId: parties.id, partyId: parties.editor.party.id });
  });

  it('a stock provider using a rotated-away token is refused with LinkRevoked and stops reconnecting', async () => {
    const parties = await caseWithParties(server.url);
    await fetch(`${server.url}/api/cases/${parties.id}/parties/${parties.observer.party.id}/rotate`, {
      method: 'POST',
      headers: bearer(parties.facilitator),
    });
    const stale = connectClient(server.wsUrl, parties.id, { token: parties.observer.token, maxBackoffTime: 50 });
    clients.push(stale);
    stale.provider.shouldReconnect = (event) => !isFinalClose(event.code);
    const closes = recordCloses(stale);
    await waitForClose(closes, CloseCode.LinkRevoked);
    await pause(400);
    expect(closes).toEqual([CloseCode.LinkRevoked]);
    expect(server.logs.filter((line) => line.message === 'connection refused').map((l) => l.fields.reason)).toEqual([
      'tokenRevoked',
    ]);
  });

  it('the facilitator can rotate its own link; the old one then stops working for the API too', async () => {
    const parties = await caseWithParties(server.url);
    const list = (await (
      await fetch(`${server.url}/api/cases/${parties.id}/parties`, { headers: bearer(parties.facilitator) })
    ).json()) as { id: string }[];
    const response = await fetch(`${server.url}/api/cases/${parties.id}/parties/${list[0]!.id}/rotate`, {
      method: 'POST',
      headers: bearer(parties.facilitator),
    });
    const { token } = (await response.json()) as { token: string };
    const old = await fetch(`${server.url}/api/cases/${parties.id}/parties`, { headers: bearer(parties.facilitator) });
    expect(old.status).toBe(403);
    const fresh = await fetch(`${server.url}/api/cases/${parties.id}/parties`, { headers: bearer(token) });
    expect(fresh.status).toBe(200);
  });
});
