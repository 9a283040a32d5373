import { CloseCode, encodeLinkToken, isFinalClose, sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  connectSynced,
  type NodeClient,
  openRawSocket,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';
import { type CaseWithParties, caseWithParties, pause, recordCloses, waitForClose } from './accessFixtures.ts';

/**
 * docs/access.md A13 (issue 10): a facilitator can give a party's link an end and can end any
 * party's access; either closes that party's open connections at once and refuses the next
 * connection and HTTP call, with a code that says which.
 */
describe('[A13] link lifetime and ending access', () => {
  const resources = cleanupAfterEach();

  async function room(): Promise<{ server: TestServer; parties: CaseWithParties }> {
    const server = await startTestServer();
    resources.servers.push(server);
    return { server, parties: await caseWithParties(server.url) };
  }

  async function connect(server: TestServer, caseId: string, token: string): Promise<NodeClient> {
    const client = await connectSynced(server.wsUrl, caseId, { token });
    client.provider.shouldReconnect = (event) => !isFinalClose(event.code);
    resources.clients.push(client);
    return client;
  }

  /** Opens a socket the Caseroom client's way (token in the first message) and resolves with how it closed. */
  async function connectByFirstMessage(server: TestServer, caseId: string, token: string) {
    const raw = await openRawSocket(server.wsUrl, caseId);
    resources.sockets.push(raw);
    raw.socket.send(encodeLinkToken(token));
    return raw;
  }

  const manage = (
    server: TestServer,
    parties: CaseWithParties,
    method: 'PATCH' | 'POST',
    path: string,
    body?: unknown,
  ) =>
    fetch(`${server.url}/api/cases/${parties.id}/parties${path}`, {
      method,
      headers: {
        authorization: `Bearer ${parties.facilitator}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));

  it('ending a party’s access closes its sockets at once with AccessEnded, refuses the next connection and HTTP call, and leaves the others alone', async () => {
    const { server, parties } = await room();
    const facilitator = await connect(server, parties.id, parties.facilitator);
    const editor = await connect(server, parties.id, parties.editor.token);
    const editorTab = await connectByFirstMessage(server, parties.id, parties.editor.token);
    await waitFor(() => editorTab.received.length > 0, { what: 'the second tab is admitted' });
    const observer = await connect(server, parties.id, parties.observer.token);
    const editorCloses = recordCloses(editor);
    const othersCloses = [facilitator, observer].map(recordCloses);

    const ended = await manage(server, parties, 'POST', `/${parties.editor.party.id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({
      ...parties.editor.party,
      expiresAt: null,
      endedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    await waitForClose(editorCloses, CloseCode.AccessEnded);
    expect((await editorTab.closed).code).toBe(CloseCode.AccessEnded);
    await pause(300);
    expect(editorCloses).toEqual([CloseCode.AccessEnded]);
    expect(othersCloses).toEqual([[], []]);

    // The next connection, either way, and every HTTP call.
    const again = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(again);
    expect((await again.closed).code).toBe(CloseCode.AccessEnded);
    const againFirst = await connectByFirstMessage(server, parties.id, parties.editor.token);
    expect((await againFirst.closed).code).toBe(CloseCode.AccessEnded);
    const me = await api(server.url, parties.editor.token, 'GET', `/api/cases/${parties.id}/me`);
    expect(me.status).toBe(403);
    expect(me.body.error.code).toBe('accessEnded');
    expect(me.body.error.message).toContain('ended');
    expect((await api(server.url, parties.editor.token, 'GET', '/api/cases')).body).toEqual([]);

    // The others keep working.
    facilitator.doc.transact(() =>
      writeShortText(sectionMap(facilitator.doc, 'facts')!, 'title', 'Efter afslutningen'),
    );
    await waitFor(() => toModel(observer.doc).facts.title === 'Efter afslutningen', { what: 'the room goes on' });

    const parties2 = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/parties`);
    expect(parties2.body.find((p: { id: string }) => p.id === parties.editor.party.id).endedAt).toBe(
      ended.body.endedAt,
    );
    expect(parties2.body.find((p: { id: string }) => p.id === parties.observer.party.id)).toMatchObject({
      expiresAt: null,
      endedAt: null,
    });
    expect(server.logs.filter((l) => l.message === 'connection closed: access ended')).toHaveLength(2);

    // A new link lets the party back in; the ended one stays dead.
    const renewed = await manage(server, parties, 'POST', `/${parties.editor.party.id}/rotate`);
    expect(renewed.status).toBe(200);
    await connect(server, parties.id, renewed.body.token);
    const old = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    resources.sockets.push(old);
    expect((await old.closed).code).toBe(CloseCode.LinkRevoked);
  });

  it('the last facilitator whose link lasts cannot be ended or given an end (409); an unknown party is 404; only the facilitator may (403)', async () => {
    const { server, parties } = await room();
    const facilitatorId = (await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/me`)).body.party
      .id as string;
    const self = await manage(server, parties, 'POST', `/${facilitatorId}/end`);
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('lastFacilitator');
    expect(self.body.error.message).toContain('Invite another facilitator first');
    const limit = await manage(server, parties, 'PATCH', `/${facilitatorId}`, {
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(limit.status).toBe(409);
    expect(limit.body.error.code).toBe('lastFacilitator');
    expect((await manage(server, parties, 'POST', '/nobody/end')).body.error.code).toBe('partyNotFound');
    expect((await manage(server, parties, 'PATCH', '/nobody', { expiresAt: null })).status).toBe(404);
    for (const token of [parties.editor.token, parties.observer.token]) {
      const refused = await api(
        server.url,
        token,
        'POST',
        `/api/cases/${parties.id}/parties/${parties.observer.party.id}/end`,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect((await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/me`)).status).toBe(200);
  });

  it('an expired link closes its sockets when the time comes (LinkExpired) and refuses the next; a later time opens the same link again', async () => {
    const { server, parties } = await room();
    const facilitator = await connect(server, parties.id, parties.facilitator);
    const editor = await connect(server, parties.id, parties.editor.token);
    const editorTab = await connectByFirstMessage(server, parties.id, parties.editor.token);
    await waitFor(() => editorTab.received.length > 0, { what: 'the second tab is admitted' });
    const editorCloses = recordCloses(editor);
    const facilitatorCloses = recordCloses(facilitator);

    const expiresAt = new Date(Date.now() + 1_500).toISOString();
    const set = await manage(server, parties, 'PATCH', `/${parties.editor.party.id}`, { expiresAt });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ ...parties.editor.party, expiresAt, endedAt: null });
    expect((await api(server.url, parties.editor.token, 'GET', `/api/cases/${parties.id}/me`)).status).toBe(200);
    expect(editor.provider.wsconnected).toBe(true);

    await waitForClose(editorCloses, CloseCode.LinkExpired);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt));
    expect((await editorTab.closed).code).toBe(CloseCode.LinkExpired);
    expect(facilitatorCloses).toEqual([]);

    const again = await connectByFirstMessage(server, parties.id, parties.editor.token);
    expect((await again.closed).code).toBe(CloseCode.LinkExpired);
    const me = await api(server.url, parties.editor.token, 'GET', `/api/cases/${parties.id}/me`);
    expect(me.status).toBe(403);
    expect(me.body.error.code).toBe('linkExpired');
    expect(me.body.error.message).toContain('Ask the facilitator');

    const renewed = await manage(server, parties, 'PATCH', `/${parties.editor.party.id}`, { expiresAt: null });
    expect(renewed.body.expiresAt).toBeNull();
    const back = await connect(server, parties.id, parties.editor.token);
    back.doc.transact(() => writeShortText(sectionMap(back.doc, 'facts')!, 'title', 'Tilbage med samme link'));
    await waitFor(() => toModel(facilitator.doc).facts.title === 'Tilbage med samme link', { what: 'the edit' });
  });

  it('moving an expiry later before it comes keeps the party’s sockets open', async () => {
    const { server, parties } = await room();
    const observer = await connect(server, parties.id, parties.observer.token);
    const closes = recordCloses(observer);
    const soon = new Date(Date.now() + 800).toISOString();
    await manage(server, parties, 'PATCH', `/${parties.observer.party.id}`, { expiresAt: soon });
    const later = new Date(Date.now() + 60_000).toISOString();
    expect((await manage(server, parties, 'PATCH', `/${parties.observer.party.id}`, { expiresAt: later })).status).toBe(
      200,
    );
    await pause(1_500);
    expect(closes).toEqual([]);
    expect(observer.provider.wsconnected).toBe(true);
  });

  it('a time that is not one, one in the past, or other fields are 400 with a message that says what to send', async () => {
    const { server, parties } = await room();
    const path = `/${parties.editor.party.id}`;
    for (const [body, expected] of [
      [{ expiresAt: 'i morgen' }, 'is not a time'],
      [{ expiresAt: 1_900_000_000_000 }, 'is not a time'],
      [{ expiresAt: new Date(Date.now() - 60_000).toISOString() }, 'has already passed'],
      [{ expiresAt: null, role: 'facilitator' }, 'Unknown field role'],
      [{}, 'for a link that never expires'],
    ] as const) {
      const refused = await manage(server, parties, 'PATCH', path, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('badRequest');
      expect(refused.body.error.message, JSON.stringify(body)).toContain(expected);
    }
    const listed = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/parties`);
    expect(listed.body.every((p: { expiresAt: unknown }) => p.expiresAt === null)).toBe(true);
  });
});
