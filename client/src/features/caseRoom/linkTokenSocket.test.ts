import type { AddressInfo } from 'node:net';
import { decodeLinkToken, MESSAGE_LINK_TOKEN } from '@caseroom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { webSocketWithLinkToken } from './linkTokenSocket.ts';

/** A websocket server that records, per connection, the URL and the messages in order. */
async function recordingServer() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const connections: { url: string; messages: Uint8Array[]; socket: WebSocket }[] = [];
  server.on('connection', (socket, request) => {
    const connection = { url: request.url ?? '', messages: [] as Uint8Array[], socket };
    connections.push(connection);
    socket.on('message', (data) => connection.messages.push(new Uint8Array(data as Buffer)));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}/ws`, connections, close: () => server.close() };
}

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('webSocketWithLinkToken (issue 10)', () => {
  const token = 'cr1_secret-token-of-one-party_0123456789abcdef';

  it('sends the token as the first message of every connection, before sync and awareness, and never in the URL', async () => {
    const server = await recordingServer();
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.url, 'case-1', doc, {
      WebSocketPolyfill: webSocketWithLinkToken(token, WebSocket as unknown as typeof globalThis.WebSocket),
      disableBc: true,
      maxBackoffTime: 100,
    });
    provider.awareness.setLocalStateField('user', { name: 'Anna' });
    cleanups.push(
      () => provider.destroy(),
      () => server.close(),
    );

    await until(() => (server.connections[0]?.messages.length ?? 0) >= 3);
    const first = server.connections[0];
    expect(first?.url).toBe('/ws/case-1');
    expect(decodeLinkToken(first?.messages[0] as Uint8Array)).toBe(token);
    // Then y-websocket's own: sync step 1 (type 0), awareness (type 1).
    expect(first?.messages[1]?.[0]).toBe(0);
    expect(first?.messages[2]?.[0]).toBe(1);
    expect(first?.messages.slice(1).filter((message) => message[0] === MESSAGE_LINK_TOKEN)).toEqual([]);

    // A reconnection presents the token again, first.
    first?.socket.close(1001);
    await until(() => (server.connections[1]?.messages.length ?? 0) >= 2);
    const second = server.connections[1];
    expect(second?.url).not.toContain('token');
    expect(decodeLinkToken(second?.messages[0] as Uint8Array)).toBe(token);
    expect(second?.messages[1]?.[0]).toBe(0);
  });
});
