import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectSynced,
  type NodeClient,
  openRawSocket,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';
import { awarenessFrame, caseWithParties, pause } from './accessFixtures.ts';

type UserState = { user?: { name?: string; color?: string; party?: Record<string, unknown> } };

/** docs/access.md A8: who someone is in presence comes from their token, not from their browser. */
describe('[A8] presence is stamped by the server', () => {
  let server: TestServer;
  const clients: NodeClient[] = [];
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });
  async function connect(caseId: string, token: string): Promise<NodeClient> {
    const client = await connectSynced(server.wsUrl, caseId, { token });
    clients.push(client);
    return client;
  }
  const stateOf = (viewer: NodeClient, clientId: number) =>
    viewer.provider.awareness.getStates().get(clientId) as UserState | undefined;

  it('a client claiming to be the facilitator appears to others with its real party; its own fields are kept', async () => {
    const parties = await caseWithParties(server.url);
    const liar = await connect(parties.id, parties.editor.token);
    const viewer = await connect(parties.id, parties.observer.token);
    liar.provider.awareness.setLocalStateField('user', {
      name: 'Ole',
      color: '#D55E00',
      party: { id: 'fake', role: 'facilitator', name: 'Borgmesteren', kind: 'facilitator' },
    });
    await waitFor(() => stateOf(viewer, liar.doc.clientID)?.user?.name === 'Ole', { what: 'the viewer sees Ole' });
    expect(stateOf(viewer, liar.doc.clientID)!.user).toEqual({
      name: 'Ole',
      color: '#D55E00',
      party: { id: parties.editor.party.id, name: 'Jobcenter Holbæk', kind: 'department', role: 'editor' },
    });
    // The observer's own presence is relayed, stamped as the observer.
    viewer.provider.awareness.setLocalStateField('user', { name: 'Iben' });
    await waitFor(() => stateOf(liar, viewer.doc.clientID)?.user?.name === 'Iben', { what: 'the observer’s presence' });
    expect(stateOf(liar, viewer.doc.clientID)!.user!.party).toEqual({
      id: parties.observer.party.id,
      name: 'Investor',
      kind: 'investor',
      role: 'observer',
    });
  });

  // States that do not fit the presence schema (non-objects, unknown keys) are refused: test/security/presenceSchema.test.ts.
  it('a raw client without a user field is stamped too', async () => {
    const parties = await caseWithParties(server.url);
    const viewer = await connect(parties.id, parties.facilitator);
    const raw = await openRawSocket(server.wsUrl, parties.id, parties.observer.token);
    await waitFor(() => raw.received.length > 0, { what: 'greeting' });
    raw.socket.send(
      awarenessFrame([
        { clientId: 4242, clock: 1, state: { cursor: null } },
        { clientId: 4243, clock: 1, state: {} },
        { clientId: 4244, clock: 1, state: { followMe: false } },
      ]),
    );
    const observerParty = { id: parties.observer.party.id, name: 'Investor', kind: 'investor', role: 'observer' };
    await waitFor(() => stateOf(viewer, 4244) !== undefined, { what: 'the raw client’s presence' });
    expect(stateOf(viewer, 4242)).toEqual({ cursor: null, user: { party: observerParty } });
    expect(stateOf(viewer, 4243)).toEqual({ user: { party: observerParty } });
    expect(stateOf(viewer, 4244)).toEqual({ followMe: false, user: { party: observerParty } });
    raw.socket.close();
  });

  it('a connection cannot speak for another connection’s awareness client id', async () => {
    const parties = await caseWithParties(server.url);
    const editor = await connect(parties.id, parties.editor.token);
    const viewer = await connect(parties.id, parties.facilitator);
    editor.provider.awareness.setLocalStateField('user', { name: 'Ole' });
    await waitFor(() => stateOf(viewer, editor.doc.clientID)?.user?.name === 'Ole', { what: 'Ole' });
    const raw = await openRawSocket(server.wsUrl, parties.id, parties.observer.token);
    await waitFor(() => raw.received.length > 0, { what: 'greeting' });
    raw.socket.send(
      awarenessFrame([
        { clientId: editor.doc.clientID, clock: 1_000, state: { user: { name: 'Kapret' } } },
        { clientId: 777, clock: 1, state: { user: { name: 'Mig selv' } } },
      ]),
    );
    await waitFor(() => stateOf(viewer, 777)?.user?.name === 'Mig selv', { what: 'the raw client’s own presence' });
    await pause(100);
    expect(stateOf(viewer, editor.doc.clientID)!.user).toMatchObject({
      name: 'Ole',
      party: { id: parties.editor.party.id, role: 'editor' },
    });
    raw.socket.close();
  });
});
