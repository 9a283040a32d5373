import { CloseCode, isFinalClose, sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectClient,
  connectSynced,
  createCase,
  type NodeClient,
  openRawSocket,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';
import { caseWithParties, pause, recordCloses } from './accessFixtures.ts';

/** docs/access.md A4, A5 on the websocket: the token is the `token` query parameter of the upgrade URL. */
describe('[A5] websocket access', () => {
  let server: TestServer;
  const clients: NodeClient[] = [];
  beforeEach(async () => {
    // A socket without a token in its URL gets this long to send it as its first message (issue 10; default 5 s).
    server = await startTestServer({ linkTokenTimeoutMs: 1_000 });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });
  const refusals = () => server.logs.filter((line) => line.message === 'connection refused');

  it('no token, an unknown or malformed token, or another case’s token: closed with Unauthorized (4401)', async () => {
    const mine = await createCase(server.url);
    const other = await createCase(server.url);
    const attempts: [string, string | undefined][] = [
      ['no token', undefined],
      ['empty token', ''],
      ['unknown token', `cr1_${'A'.repeat(43)}`],
      ['malformed token', 'hello'],
      ['another case’s token', other.token],
    ];
    for (const [name, token] of attempts) {
      const raw = await openRawSocket(server.wsUrl, mine.id, token);
      expect((await raw.closed).code, name).toBe(CloseCode.Unauthorized);
      expect(raw.received, name).toEqual([]);
    }
    expect(refusals().map((line) => line.fields.reason)).toEqual([
      'tokenMissing',
      'tokenMissing',
      'tokenInvalid',
      'tokenInvalid',
      'tokenInvalid',
    ]);
    expect(refusals()[0]!.fields).toMatchObject({ caseId: mine.id, connectionId: expect.any(String) });
  });

  it('an unknown case is checked first: CaseNotFound (4404) even with a valid token of another case', async () => {
    const other = await createCase(server.url);
    const raw = await openRawSocket(server.wsUrl, 'AAAAAAAAAAAAAAAAAAAAAA', other.token);
    expect((await raw.closed).code).toBe(CloseCode.CaseNotFound);
  });

  it('a valid token of the case syncs', async () => {
    const { id, token } = await createCase(server.url, { example: true });
    const client = await connectSynced(server.wsUrl, id, { token });
    clients.push(client);
    expect(toModel(client.doc).facts.title).toContain('illustrativt');
  });

  it.each([
    ['without a token', (_: string) => undefined],
    ['with another case’s token', (otherToken: string) => otherToken],
  ])(
    'a stock WebsocketProvider %s is refused once and stops reconnecting (shouldReconnect: !isFinalClose)',
    async (_name, pick) => {
      const { id } = await createCase(server.url);
      const other = await createCase(server.url);
      const client = connectClient(server.wsUrl, id, { token: pick(other.token), maxBackoffTime: 50 });
      clients.push(client);
      client.provider.shouldReconnect = (event) => !isFinalClose(event.code);
      const closes = recordCloses(client);
      // Without a token in the URL the server waits linkTokenTimeoutMs for the token as the first message.
      await waitFor(() => closes.includes(CloseCode.Unauthorized), { timeoutMs: 4_000, what: 'Unauthorized' });
      await pause(500);
      expect(closes).toEqual([CloseCode.Unauthorized]);
      expect(refusals()).toHaveLength(1);
      expect(client.provider.wsconnected).toBe(false);
      expect(client.provider.synced).toBe(false);
    },
  );

  it('a refused client never sees the document, and an editor’s token is enough to edit', async () => {
    const parties = await caseWithParties(server.url);
    const facilitator = await connectSynced(server.wsUrl, parties.id, { token: parties.facilitator });
    const editor = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(facilitator, editor);
    editor.doc.transact(() => writeShortText(sectionMap(editor.doc, 'facts')!, 'title', 'Fra jobcentret'));
    await waitFor(() => toModel(facilitator.doc).facts.title === 'Fra jobcentret', { what: 'the editor’s edit' });
    const intruder = await openRawSocket(server.wsUrl, parties.id);
    expect((await intruder.closed).code).toBe(CloseCode.Unauthorized);
    expect(intruder.received).toEqual([]);
  });
});
