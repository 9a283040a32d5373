import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { NetworkConfigError } from '../../server/src/network/NetworkConfigError.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { makeTempDataDir, startTestServer, waitFor } from '../support/server.ts';
import { makeClientDir, rawRequest, runMain, selfSigned } from './networkFixtures.ts';

/** A y-websocket client over wss:// that trusts only the test's certificate. */
function wssClient(
  wsUrl: string,
  caseId: string,
  token: string,
  ca: string,
): { doc: Y.Doc; provider: WebsocketProvider } {
  class TrustingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { ca });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, caseId, doc, {
    WebSocketPolyfill: TrustingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  return { doc, provider };
}

/** docs/operations.md "TLS directly": HTTPS and wss:// on one port from a certificate and key file. */
describe('[N6] TLS served directly', () => {
  const { servers, dirs } = cleanupAfterEach();
  let pems: { cert: string; key: string };
  let files: { dir: string; cert: string; key: string; otherKey: string };
  beforeAll(async () => {
    pems = await selfSigned();
    const other = await selfSigned();
    const dir = mkdtempSync(join(tmpdir(), 'caseroom-tls-'));
    files = { dir, cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem'), otherKey: join(dir, 'other-key.pem') };
    writeFileSync(files.cert, pems.cert);
    writeFileSync(files.key, pems.key, { mode: 0o600 });
    writeFileSync(files.otherKey, other.key, { mode: 0o600 });
  });
  afterAll(() => rmSync(files.dir, { recursive: true, force: true }));

  it('serves the app and the API over https:// with HSTS; plain HTTP on that port gets nothing', async () => {
    const clientDir = makeClientDir();
    dirs.push(clientDir);
    const server = await startTestServer({ clientDir, tls: { cert: files.cert, key: files.key } });
    servers.push(server);
    expect(server.url).toBe(`https://127.0.0.1:${server.port}`);

    const page = await rawRequest(`${server.url}/case/someCase`, { ca: pems.cert });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain(`connect-src 'self' wss://127.0.0.1:${server.port}`);
    expect(policy).toContain('upgrade-insecure-requests');
    const api = await rawRequest(`${server.url}/api/cases`, { ca: pems.cert });
    expect(api.status).toBe(200);
    expect(api.headers['strict-transport-security']).toBeDefined();

    // The certificate really is checked: without trusting it the request fails.
    await expect(rawRequest(`${server.url}/health`)).rejects.toThrow(/self.signed|certificate/i);
    await expect(rawRequest(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow();
  });

  it('a y-websocket client syncs over wss://, and two clients see each other’s edits', async () => {
    // The certificate and key as PEM text (Buffers work the same), not paths.
    const server = await startTestServer({ tls: { cert: pems.cert, key: Buffer.from(pems.key) } });
    servers.push(server);
    expect(server.wsUrl).toBe(`wss://127.0.0.1:${server.port}/ws`);
    const created = await rawRequest(`${server.url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"example": true}',
      ca: pems.cert,
    });
    expect(created.status).toBe(201);
    const { id, token } = JSON.parse(created.body) as { id: string; token: string };

    const first = wssClient(server.wsUrl, id, token, pems.cert);
    const second = wssClient(server.wsUrl, id, token, pems.cert);
    try {
      await waitFor(() => first.provider.synced && second.provider.synced, { what: 'sync over wss://' });
      expect(toModel(first.doc).facts.title).toBeTruthy();
      first.doc.transact(() => writeShortText(sectionMap(first.doc, 'facts')!, 'title', 'Over TLS'));
      await waitFor(() => toModel(second.doc).facts.title === 'Over TLS', { what: 'the edit over wss://' });
    } finally {
      for (const client of [first, second]) {
        client.provider.destroy();
        client.doc.destroy();
      }
    }
  });

  it('a missing file, a non-PEM file or a key that does not belong to the certificate stop the start with a message, holding nothing', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const garbage = join(files.dir, 'not-a-cert.txt');
    writeFileSync(garbage, 'hello');
    const attempts: [{ cert: string; key: string }, RegExp][] = [
      [
        { cert: join(files.dir, 'missing.pem'), key: files.key },
        /TLS_CERT_FILE: cannot read .*missing\.pem.*no such file/,
      ],
      [{ cert: files.cert, key: files.dir }, /TLS_KEY_FILE: cannot read .* it is a directory/],
      [{ cert: garbage, key: files.key }, /TLS_CERT_FILE: ".*not-a-cert\.txt" is not a PEM file/],
      [{ cert: files.cert, key: files.otherKey }, /cannot be used together/],
    ];
    for (const [tls, message] of attempts) {
      const start = startTestServer({ dataDir, tls });
      await expect(start).rejects.toThrow(NetworkConfigError);
      await expect(start).rejects.toThrow(message);
    }
    // Nothing was left open: the data directory can be used at once.
    const server = await startTestServer({ dataDir });
    servers.push(server);
    expect((await rawRequest(`${server.url}/health`)).status).toBe(200);
  });

  it('the entry point serves HTTPS from TLS_CERT_FILE + TLS_KEY_FILE, and refuses one without the other or a wrong PUBLIC_URL', async () => {
    const dataDirs = [makeTempDataDir(), makeTempDataDir(), makeTempDataDir()];
    dirs.push(...dataDirs);
    const [serving, halfSet, badUrl] = await Promise.all([
      runMain({ CASEROOM_DATA_DIR: dataDirs[0]!, TLS_CERT_FILE: files.cert, TLS_KEY_FILE: files.key }),
      runMain({ CASEROOM_DATA_DIR: dataDirs[1]!, TLS_CERT_FILE: files.cert }),
      runMain({ CASEROOM_DATA_DIR: dataDirs[2]!, PUBLIC_URL: 'caseroom.example.org' }),
    ]);
    try {
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(serving.output)?.[1];
      expect(url, serving.output).toBeDefined();
      expect((await rawRequest(`${url}/health`, { ca: pems.cert })).status).toBe(200);
    } finally {
      await serving.stop();
    }
    expect(halfSet.exitCode).toBe(1);
    expect(halfSet.output).toContain('TLS_CERT_FILE is set but TLS_KEY_FILE is not');
    expect(halfSet.output).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(badUrl.exitCode).toBe(1);
    expect(badUrl.output).toContain('PUBLIC_URL must be the address people open');
  }, 150_000);
});
