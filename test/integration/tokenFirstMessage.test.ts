import { MAX_FRAMES_BEFORE_TOKEN } from '@caseroom/server';
import { CloseCode, encodeLinkToken, MESSAGE_LINK_TOKEN, sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  connectSynced,
  createCase,
  openRawSocket,
  type RawSocket,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';
import { pause } from './accessFixtures.ts';
import { EMPTY_SYNC_STEP_1 } from './workshopFixtures.ts';

/**
 * docs/access.md A4 (issue 10): the Caseroom client opens /ws/<caseId> with no token in the URL
 * and sends its link's token as the first message (type 101). Nothing else on the socket is
 * processed before it; a socket without one is closed Unauthorized.
 */
describe('[A4] the link token as the first websocket message', () => {
  const resources = cleanupAfterEach();

  async function start(): Promise<TestServer> {
    const server = await startTestServer();
    resources.servers.push(server);
    return server;
  }

  /** A raw socket on /ws/<caseId> with no token in the URL. */
  async function bareSocket(server: TestServer, caseId: string): Promise<RawSocket> {
    const raw = await openRawSocket(server.wsUrl, caseId);
    resources.sockets.push(raw);
    return raw;
  }

  it('a socket that sends the token first, then sync step 1, gets the case in sync step 2 — the same document a stock client edits', async () => {
    const server = await start();
    const { id, token } = await createCase(server.url, { example: true });
    const stock = await connectSynced(server.wsUrl, id, { token });
    resources.clients.push(stock);
    stock.doc.transact(() =>
      writeShortText(sectionMap(stock.doc, 'facts')!, 'title', 'Skrevet af en almindelig klient'),
    );

    const raw = await bareSocket(server, id);
    raw.socket.send(encodeLinkToken(token));
    raw.socket.send(EMPTY_SYNC_STEP_1);
    await waitFor(() => raw.received.some(isSyncStep2), { what: 'sync step 2' });
    const replica = new Y.Doc();
    await waitFor(
      () => {
        for (const frame of raw.received.filter(carriesUpdate)) Y.applyUpdate(replica, updateIn(frame));
        return toModel(replica).facts.title === 'Skrevet af en almindelig klient';
      },
      { what: 'the stock client’s edit in the replica' },
    );
    expect(Y.encodeStateVector(replica)).toEqual(Y.encodeStateVector(stock.doc));
    // The server greets with its own sync step 1 too, like any y-websocket server.
    expect(raw.received.some((frame) => frame[0] === 0 && frame[1] === 0)).toBe(true);
  });

  it('frames sent before the token are not processed until the token is checked, then in order; with no token they never are', async () => {
    const server = await start();
    const { id, token } = await createCase(server.url);
    const early = await bareSocket(server, id);
    early.socket.send(EMPTY_SYNC_STEP_1);
    await pause(400);
    expect(early.received).toEqual([]);
    early.socket.send(encodeLinkToken(token));
    await waitFor(() => early.received.some(isSyncStep2), { what: 'the answer to the queued sync step 1' });

    // A wrong token after queued frames: closed, the queued frames never answered.
    const refused = await bareSocket(server, id);
    refused.socket.send(EMPTY_SYNC_STEP_1);
    refused.socket.send(encodeLinkToken(`cr1_${'A'.repeat(43)}`));
    expect((await refused.closed).code).toBe(CloseCode.Unauthorized);
    expect(refused.received).toEqual([]);
  });

  it(`more than ${MAX_FRAMES_BEFORE_TOKEN} frames before the token close the socket (Unauthorized), answered with nothing`, async () => {
    const server = await start();
    const { id } = await createCase(server.url);
    const chatty = await bareSocket(server, id);
    for (let i = 0; i <= MAX_FRAMES_BEFORE_TOKEN; i++) chatty.socket.send(EMPTY_SYNC_STEP_1);
    expect((await chatty.closed).code).toBe(CloseCode.Unauthorized);
    expect(chatty.received).toEqual([]);
    expect(server.logs.some((l) => l.fields.reason === 'tooMuchBeforeLinkToken')).toBe(true);
  });

  it('a socket that sends no token is closed Unauthorized after 5 s, having been sent nothing', async () => {
    const server = await start();
    const { id } = await createCase(server.url);
    const silent = await bareSocket(server, id);
    const opened = performance.now();
    const { code } = await silent.closed;
    const waited = performance.now() - opened;
    expect(code).toBe(CloseCode.Unauthorized);
    expect(waited).toBeGreaterThan(4_500);
    expect(waited).toBeLessThan(7_500);
    expect(silent.received).toEqual([]);
    expect(server.logs.find((l) => l.message === 'connection refused')?.fields.reason).toBe('tokenMissing');
  });

  it('the first message is checked like the URL token: another case’s or a rotated-away token, a malformed message, an unknown case', async () => {
    const server = await start();
    const mine = await createCase(server.url);
    const other = await createCase(server.url);
    const foreign = await bareSocket(server, mine.id);
    foreign.socket.send(encodeLinkToken(other.token));
    expect((await foreign.closed).code).toBe(CloseCode.Unauthorized);

    const invited = await api(server.url, mine.token, 'POST', `/api/cases/${mine.id}/parties`, {
      name: 'Jobcenter',
      kind: 'department',
      role: 'editor',
    });
    await api(server.url, mine.token, 'POST', `/api/cases/${mine.id}/parties/${invited.body.party.id}/rotate`);
    const rotated = await bareSocket(server, mine.id);
    rotated.socket.send(encodeLinkToken(invited.body.token));
    expect((await rotated.closed).code).toBe(CloseCode.LinkRevoked);

    const malformed = await bareSocket(server, mine.id);
    malformed.socket.send(new Uint8Array([MESSAGE_LINK_TOKEN, 200]));
    expect((await malformed.closed).code).toBe(CloseCode.Unauthorized);

    // An unknown case is said at once, before any token.
    const nowhere = await bareSocket(server, 'AAAAAAAAAAAAAAAAAAAAAA');
    const started = performance.now();
    expect((await nowhere.closed).code).toBe(CloseCode.CaseNotFound);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a link-token message after admission is ignored: the connection stays and keeps syncing (URL token and first message alike)', async () => {
    const server = await start();
    const { id, token } = await createCase(server.url);
    const stock = await connectSynced(server.wsUrl, id, { token });
    resources.clients.push(stock);
    const viaUrl = await openRawSocket(server.wsUrl, id, token);
    resources.sockets.push(viaUrl);
    const first = await bareSocket(server, id);
    first.socket.send(encodeLinkToken(token));
    for (const raw of [viaUrl, first]) {
      await waitFor(() => raw.received.length > 0, { what: 'greeting' });
      raw.socket.send(encodeLinkToken(token));
      raw.socket.send(encodeLinkToken('not even a token'));
    }
    stock.doc.transact(() => writeShortText(sectionMap(stock.doc, 'facts')!, 'title', 'Stadig forbundet'));
    for (const raw of [viaUrl, first]) {
      await waitFor(() => raw.received.some((frame) => frame[0] === 0 && frame[1] === 2), { what: 'the live update' });
      expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    }
  });
});

/** Whether a server frame is a sync step 2 ([0, 1, update]). */
function isSyncStep2(frame: Uint8Array): boolean {
  return frame[0] === 0 && frame[1] === 1;
}

/** Whether a server frame carries document content (sync step 2 or update). */
function carriesUpdate(frame: Uint8Array): boolean {
  return frame[0] === 0 && (frame[1] === 1 || frame[1] === 2);
}

/** The update inside a sync step 2 or update frame ([0, 1|2, varUint length, bytes]). */
function updateIn(frame: Uint8Array): Uint8Array {
  let length = 0;
  let shift = 0;
  let pos = 2;
  for (;;) {
    const byte = frame[pos++]!;
    length += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) break;
  }
  return frame.subarray(pos, pos + length);
}
