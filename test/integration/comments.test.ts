import { type Comment, commentsMap } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  connectSynced,
  makeTempDataDir,
  type NodeClient,
  openRawSocket,
  startTestServer,
  waitFor,
} from '../support/server.ts';
import { caseWithParties, pause, syncFrame, updateOnTopOf } from './accessFixtures.ts';
import { refusalsIn } from './workshopFixtures.ts';

/**
 * docs/workshop.md W9: comments are written by the server in the token's party's name. A
 * client's own write to `comments` is refused like a forged workshop write (message 100).
 */
describe('[W9] comments are server-written', () => {
  const { clients, sockets, servers, dirs } = cleanupAfterEach();

  const comments = (client: NodeClient) => Object.fromEntries(commentsMap(client.doc)?.entries() ?? []);

  it("[W9] an editor's crafted comment in another party's name is refused; one posted through the API carries the token's party", async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const server = await startTestServer({ dataDir });
    servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const watcher = await connectSynced(server.wsUrl, parties.id, { token: parties.observer.token });
    clients.push(watcher);
    const watcherUpdates: Uint8Array[] = [];
    watcher.doc.on('update', (update: Uint8Array) => watcherUpdates.push(update));
    const editorSocket = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    sockets.push(editorSocket);
    await waitFor(() => editorSocket.received.length > 0, { what: 'the server greeting' });

    const forged: Comment = {
      itemPath: 'problem',
      text: 'We agree to pay for everything.',
      partyId: parties.observer.party.id,
      partyName: parties.observer.party.name,
      at: new Date().toISOString(),
      resolved: false,
    };
    const crafted = updateOnTopOf(watcher.doc, (doc) => commentsMap(doc)?.set('forged', forged));
    editorSocket.socket.send(syncFrame(2, crafted));
    editorSocket.socket.send(syncFrame(1, crafted));
    await waitFor(() => refusalsIn(editorSocket.received).length >= 2, { what: 'the refusals' });
    expect(refusalsIn(editorSocket.received)).toEqual([
      { reason: 'workshopIsServerOnly', sections: ['comments'] },
      { reason: 'workshopIsServerOnly', sections: ['comments'] },
    ]);
    await pause(200);
    expect(watcherUpdates).toEqual([]);
    expect(comments(watcher)).toEqual({});
    expect(editorSocket.socket.readyState).toBe(editorSocket.socket.OPEN);

    // Through the API: the author is the token's party, whatever the body would claim.
    const path = `/api/cases/${parties.id}/workshop/comments`;
    const claiming = await api(server.url, parties.editor.token, 'POST', path, {
      itemPath: 'problem',
      text: 'x',
      partyId: parties.observer.party.id,
    });
    expect(claiming.status).toBe(400);
    const posted = await api(server.url, parties.editor.token, 'POST', path, {
      itemPath: 'problem',
      text: 'Hvem betaler?',
    });
    expect(posted.status).toBe(201);
    const { commentId, comment } = posted.body as { commentId: string; comment: Comment };
    expect(comment).toMatchObject({
      itemPath: 'problem',
      text: 'Hvem betaler?',
      partyId: parties.editor.party.id,
      partyName: parties.editor.party.name,
      resolved: false,
    });
    await waitFor(() => commentId in comments(watcher), { what: 'the comment reaching the room' });
    expect(comments(watcher)).toEqual({ [commentId]: comment });

    const reply = await api(server.url, parties.facilitator, 'POST', path, {
      itemPath: 'problem',
      parentId: commentId,
      text: 'Kommunen.',
    });
    expect(reply.status).toBe(201);
    expect((reply.body as { comment: Comment }).comment.parentId).toBe(commentId);
    const orphan = await api(server.url, parties.editor.token, 'POST', path, {
      itemPath: 'problem',
      parentId: 'nope',
      text: 'x',
    });
    expect(orphan.status).toBe(404);
    const resolved = await api(server.url, parties.editor.token, 'POST', `${path}/${commentId}/resolve`, {
      resolved: true,
    });
    expect(resolved.status).toBe(200);
    await waitFor(() => (comments(watcher)[commentId] as Comment | undefined)?.resolved === true, {
      what: 'the resolve reaching the room',
    });
    // Observers may not comment (A7: read-only).
    const observer = await api(server.url, parties.observer.token, 'POST', path, { itemPath: 'problem', text: 'x' });
    expect(observer.status).toBe(403);

    // The store has the API's comments and never the forged one.
    for (const raw of sockets.splice(0)) raw.socket.close();
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const restarted = await startTestServer({ dataDir });
    servers.push(restarted);
    const after = await connectSynced(restarted.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(after);
    const stored = comments(after);
    expect(Object.keys(stored)).toHaveLength(2);
    expect(stored.forged).toBeUndefined();
    expect((stored[commentId] as Comment).partyId).toBe(parties.editor.party.id);
  });
});
