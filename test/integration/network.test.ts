import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { REDACTED } from '../../server/src/network/redactSecrets.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { bearer, connectSynced, createCase, startTestServer, waitFor } from '../support/server.ts';
import { ASSET_PATH, errorOf, externalIPv4, makeClientDir, rawRequest, tryUpgrade } from './networkFixtures.ts';

/** The machine's first non-loopback IPv4 address; without one the "only 127.0.0.1" probe cannot run. */
const EXTERNAL = externalIPv4();

/** A Content-Security-Policy header as directive → sources. */
function csp(header: string | string[] | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

/** docs/operations.md: how the server listens. */
describe('[N1] listening', () => {
  const { servers } = cleanupAfterEach();

  it('a server started without a host listens on 127.0.0.1 and says so in its URL', async () => {
    const server = await startTestServer();
    servers.push(server);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect((await rawRequest(`${server.url}/health`)).status).toBe(200);
  });

  it.skipIf(!EXTERNAL)(
    `… and cannot be reached through this machine's other address (${EXTERNAL ?? 'none: skipped'})`,
    async () => {
      const server = await startTestServer();
      servers.push(server);
      await expect(rawRequest(`http://${EXTERNAL}:${server.port}/health`)).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
    },
  );

  it.skipIf(!EXTERNAL)('with host 0.0.0.0 the same probe reaches it, and that address is an allowed host', async () => {
    const server = await startTestServer({ host: '0.0.0.0' });
    servers.push(server);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const response = await rawRequest(`http://${EXTERNAL}:${server.port}/api/cases`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual([]);
  });
});

/** Security headers on every kind of response (helmet, http/securityHeaders.ts). */
describe('[N2] security headers', () => {
  const { servers, dirs } = cleanupAfterEach();

  it('HTML, hashed assets, API answers and errors all carry CSP, frame-ancestors, nosniff and no-referrer; no HSTS over plain HTTP', async () => {
    const clientDir = makeClientDir();
    dirs.push(clientDir);
    const server = await startTestServer({ clientDir });
    servers.push(server);
    const { id, token } = await createCase(server.url);
    const responses = {
      html: await rawRequest(`${server.url}/`),
      deepLink: await rawRequest(`${server.url}/case/${id}`),
      asset: await rawRequest(`${server.url}${ASSET_PATH}`),
      api: await rawRequest(`${server.url}/api/cases/${id}/me`, { headers: bearer(token) }),
      apiError: await rawRequest(`${server.url}/api/cases/${id}/me`),
      notFound: await rawRequest(`${server.url}/api/nothing`, { method: 'POST' }),
      health: await rawRequest(`${server.url}/health`),
    };
    expect(responses.html.body).toContain('<div id="root">');
    expect(responses.deepLink.body).toContain('<div id="root">');
    expect(responses.asset.body).toContain('caseroom');
    expect(responses.api.status).toBe(200);
    expect(responses.apiError.status).toBe(401);
    expect(responses.notFound.status).toBe(404);
    for (const [kind, response] of Object.entries(responses)) {
      const policy = csp(response.headers['content-security-policy']);
      expect(policy.get('default-src'), kind).toEqual(["'self'"]);
      expect(policy.get('script-src'), kind).toEqual(["'self'"]);
      expect(policy.get('style-src')?.[0], kind).toBe("'self'");
      expect(policy.get('style-src'), kind).not.toContain("'unsafe-inline'");
      expect(policy.get('frame-ancestors'), kind).toEqual(["'none'"]);
      expect(policy.get('object-src'), kind).toEqual(["'none'"]);
      expect(policy.get('connect-src'), kind).toEqual(["'self'", `ws://127.0.0.1:${server.port}`]);
      expect(policy.has('upgrade-insecure-requests'), kind).toBe(false);
      expect(response.headers['x-content-type-options'], kind).toBe('nosniff');
      expect(response.headers['referrer-policy'], kind).toBe('no-referrer');
      expect(response.headers['x-frame-options'], kind).toBe('DENY');
      expect(response.headers['strict-transport-security'], kind).toBeUndefined();
      expect(response.headers['x-powered-by'], kind).toBeUndefined();
    }
  });

  it('HSTS and wss:// when a trusted proxy says the request came over https — not when anyone else says so', async () => {
    const trusting = await startTestServer({ trustProxy: '127.0.0.1', publicUrl: 'https://caseroom.example.org' });
    const other = await startTestServer({ publicUrl: 'https://caseroom.example.org' });
    servers.push(trusting, other);
    const headers = { host: 'caseroom.example.org', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
    const proxied = await rawRequest(`${trusting.url}/api/cases`, { headers });
    expect(proxied.status).toBe(200);
    expect(proxied.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const policy = csp(proxied.headers['content-security-policy']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'wss://caseroom.example.org']);
    expect(policy.has('upgrade-insecure-requests')).toBe(true);

    const spoofed = await rawRequest(`${other.url}/api/cases`, { headers });
    expect(spoofed.status).toBe(200);
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    expect(csp(spoofed.headers['content-security-policy']).get('connect-src')).toEqual([
      "'self'",
      'wss://caseroom.example.org',
      'ws://caseroom.example.org',
    ]);
  });
});

/** The Host allowlist (HTTP) and the Origin allowlist (websocket upgrades): DNS rebinding, cross-site sockets. */
describe('[N3] hosts and origins', () => {
  const { servers } = cleanupAfterEach();
  const opened: WebSocket[] = [];
  afterEach(() => {
    for (const socket of opened.splice(0)) socket.terminate();
  });

  it('a foreign Host is refused with 421 naming the expected host; loopback names, PUBLIC_URL and ALLOWED_HOSTS are answered', async () => {
    const server = await startTestServer({
      publicUrl: 'https://caseroom.example.org',
      allowedHosts: 'caseroom.intern, 10.1.2.3',
    });
    servers.push(server);
    const get = (host: string, path = '/api/cases') => rawRequest(`${server.url}${path}`, { headers: { host } });

    const refused = await get(`rebind.attacker.example:${server.port}`);
    expect(refused.status).toBe(421);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(refused.headers['content-security-policy']).toContain("default-src 'self'");
    expect(errorOf(refused)).toMatchObject({ code: 'hostNotAllowed', expectedHost: 'caseroom.example.org' });
    expect(errorOf(refused).message).toContain('rebind.attacker.example');
    expect(errorOf(refused).message).toContain('caseroom.example.org');
    expect((await get('caseroom.example.org.evil.example')).status).toBe(421);

    for (const host of [
      `127.0.0.1:${server.port}`,
      `localhost:${server.port}`,
      `[::1]:${server.port}`,
      'caseroom.example.org',
      'CaseRoom.Example.org:443',
      'caseroom.intern',
      '10.1.2.3:8080',
    ]) {
      expect((await get(host)).status, host).toBe(200);
    }
    // A load balancer's health probe by address is answered whatever its Host.
    expect((await get('10.9.9.9:4321', '/health')).status).toBe(200);
  });

  it('a websocket upgrade with a foreign Origin is refused with 403 before the upgrade; the public origin, loopback pages and non-browsers connect', async () => {
    const server = await startTestServer({ publicUrl: 'https://caseroom.example.org' });
    servers.push(server);
    const { id, token } = await createCase(server.url);

    for (const origin of ['https://evil.example', 'null', 'https://caseroom.example.org.evil.example', 'file://']) {
      const refused = await tryUpgrade(server.wsUrl, id, { token, origin });
      expect('status' in refused && refused.status, origin).toBe(403);
      if ('status' in refused) expect(JSON.parse(refused.body).error.code).toBe('originNotAllowed');
    }
    const foreignHost = await tryUpgrade(server.wsUrl, id, { token, headers: { host: 'rebind.attacker.example' } });
    expect('status' in foreignHost && foreignHost.status).toBe(421);

    for (const origin of [
      'https://caseroom.example.org',
      `http://127.0.0.1:${server.port}`,
      `http://localhost:${server.port}`,
      undefined,
    ]) {
      const accepted = await tryUpgrade(server.wsUrl, id, { token, origin });
      expect('socket' in accepted, String(origin)).toBe(true);
      if (!('socket' in accepted)) continue;
      opened.push(accepted.socket);
      // Admitted by the transport: it sends its sync step 1.
      await waitFor(() => accepted.received.length > 0, { what: `the server's first message (${origin})` });
    }
    expect(server.logs.filter((line) => line.message === 'websocket refused: origin not allowed')).toHaveLength(4);
  });
});

/** Request log lines: one per request, never a token (docs/operations.md). */
describe('[N5] the request log', () => {
  const { servers, clients, dirs } = cleanupAfterEach();

  it('has method, path, status, ms and address for each request, with ?token= redacted and no Authorization', async () => {
    const clientDir = makeClientDir();
    dirs.push(clientDir);
    const server = await startTestServer({ clientDir });
    servers.push(server);
    const { id, token } = await createCase(server.url, { example: true });
    expect((await rawRequest(`${server.url}/api/cases/${id}/me`, { headers: bearer(token) })).status).toBe(200);
    expect((await rawRequest(`${server.url}/api/cases`, { headers: bearer(token, 'cr1_someOtherToken') })).status).toBe(
      200,
    );
    // An old-style link (query token) and a stray token parameter on the API.
    expect((await rawRequest(`${server.url}/case/${id}?token=${token}`)).status).toBe(200);
    expect((await rawRequest(`${server.url}/api/cases/${id}/model?lang=da&token=${token}`)).status).toBe(401);
    // The stock y-websocket compatibility path puts ?token= into the websocket URL.
    const client = await connectSynced(server.wsUrl, id, { token });
    clients.push(client);
    await waitFor(() => server.logs.filter((line) => line.message === 'request').length >= 5, {
      what: 'request lines',
    });

    const requests = server.logs.filter((line) => line.message === 'request');
    const byPath = new Map(requests.map((line) => [line.fields.path, line.fields]));
    expect(byPath.get(`/api/cases/${id}/me`)).toMatchObject({ method: 'GET', status: 200, address: '127.0.0.1' });
    expect(requests.find((line) => line.fields.method === 'POST')?.fields).toMatchObject({
      path: '/api/cases',
      status: 201,
    });
    expect(requests.find((line) => line.fields.path === '/api/cases' && line.fields.method === 'GET')).toBeDefined();
    expect(byPath.get(`/case/${id}?token=${REDACTED}`)).toMatchObject({ method: 'GET', status: 200 });
    expect(byPath.get(`/api/cases/${id}/model?lang=da&token=${REDACTED}`)).toMatchObject({ status: 401 });
    for (const line of requests) expect(typeof line.fields.ms).toBe('number');
    const upgrade = server.logs.find((line) => line.message === 'websocket upgrade');
    expect(upgrade?.fields).toEqual({ path: `/ws/${id}?token=${REDACTED}`, address: '127.0.0.1' });

    const text = server.logs.map((line) => JSON.stringify(line)).join('\n');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(4, 24));
    expect(text).not.toContain('cr1_');
    expect(text.toLowerCase()).not.toContain('bearer');
  });
});
