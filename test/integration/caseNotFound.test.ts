import { CloseCode, isFinalClose } from '@caseroom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectClient, openRawSocket, startTestServer, type TestServer, waitFor } from '../support/server.ts';

/**
 * y-websocket 3.1.0 (src/y-websocket.js, closeWebsocketConnection): on a server close it emits
 * 'connection-close' with the CloseEvent first, while provider.ws is still set; a handler that
 * calls provider.disconnect() there sets shouldConnect = false (disconnect re-enters
 * closeWebsocketConnection once, emitting 'connection-close' again with a null event), so the
 * reconnect timer scheduled afterwards finds shouldConnect false and does nothing. Its default
 * shouldReconnect also stops on 4400–4499, which includes CaseNotFound (4404).
 */
describe('a case id that does not exist', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });
  const refusals = () => server.logs.filter((line) => line.message === 'connection to unknown case refused').length;

  it('is closed with CaseNotFound', async () => {
    const raw = await openRawSocket(server.wsUrl, 'AAAAAAAAAAAAAAAAAAAAAA');
    expect((await raw.closed).code).toBe(CloseCode.CaseNotFound);
    const odd = await openRawSocket(server.wsUrl, 'not%20a%20case');
    expect((await odd.closed).code).toBe(CloseCode.CaseNotFound);
  });

  it('a stock WebsocketProvider that disconnects on a final close code stops reconnecting', async () => {
    const client = connectClient(server.wsUrl, 'doesNotExist123', { maxBackoffTime: 50 });
    const codes: (number | null)[] = [];
    client.provider.on('connection-close', (event) => {
      codes.push(event?.code ?? null);
      if (event && isFinalClose(event.code)) client.provider.disconnect();
    });
    client.provider.shouldReconnect = () => true; // rely on our handler alone, not the provider's default
    await waitFor(() => codes.includes(CloseCode.CaseNotFound), { what: 'CaseNotFound' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(refusals()).toBe(1);
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.provider.ws).toBeNull();
    client.destroy();
  });

  it('(control) a provider that ignores the close code keeps reconnecting', async () => {
    const client = connectClient(server.wsUrl, 'doesNotExist123', { maxBackoffTime: 50 });
    client.provider.shouldReconnect = () => true;
    await waitFor(() => refusals() >= 3, { what: 'repeated attempts' });
    client.destroy();
  });

  it('unknown paths are refused with 404 before the upgrade', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/elsewhere/abc`);
      socket.on('unexpected-response', (_request, response) => {
        resolve(response.statusCode);
        socket.terminate();
      });
      socket.on('open', () => reject(new Error('upgrade should have been refused')));
      socket.on('error', () => {});
    });
    expect(status).toBe(404);
  });
});
