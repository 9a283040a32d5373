import { exampleCase } from '@caseroom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { DEFAULT_ADDRESS_LIMITS } from '../../server/src/network/AddressLimits.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { bearer, createCase, startTestServer, waitFor } from '../support/server.ts';
import { errorOf, type RawResponse, rawRequest, tryUpgrade } from './networkFixtures.ts';

const MINUTE = 60_000;

/** A 429 in the API's error shape that says when to try again, with Retry-After. */
function expectTooMany(response: RawResponse): void {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  const error = errorOf(response);
  expect(error.code).toBe('tooManyRequests');
  expect(error.message).toMatch(/Try again in \d+ seconds/);
}

/** docs/operations.md "Limits": per client address, sized for a city hall behind one NAT address. */
describe('[N4] per-address limits', () => {
  const { servers } = cleanupAfterEach();
  const opened: WebSocket[] = [];
  afterEach(() => {
    for (const socket of opened.splice(0)) socket.terminate();
  });

  it('REST calls, case creation and import each answer 429 with Retry-After once over their limit', async () => {
    const server = await startTestServer({
      addressLimits: {
        apiCalls: { limit: 8, windowMs: MINUTE },
        caseCreations: { limit: 2, windowMs: MINUTE },
        imports: { limit: 1, windowMs: MINUTE },
        limitLoopback: true,
      },
    });
    servers.push(server);
    const post = (path: string, body: string) =>
      rawRequest(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    expect((await post('/api/cases', '{}')).status).toBe(201);
    expect((await post('/api/cases', '{}')).status).toBe(201);
    const third = await post('/api/cases', '{}');
    expectTooMany(third);
    expect(errorOf(third).message).toContain('new cases');

    expect((await post('/api/cases/import', JSON.stringify(exampleCase()))).status).toBe(201);
    expectTooMany(await post('/api/cases/import', JSON.stringify(exampleCase())));

    // 5 API calls so far; three more are within the overall limit, the ninth is not.
    for (let i = 0; i < 3; i++) expect((await rawRequest(`${server.url}/api/cases`)).status).toBe(200);
    const over = await rawRequest(`${server.url}/api/cases`);
    expectTooMany(over);
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Outside /api nothing is counted.
    expect((await rawRequest(`${server.url}/health`)).status).toBe(200);
    expect(server.logs.filter((line) => line.message === 'request refused: over a per-address limit')).toHaveLength(3);
  });

  it('open websockets per address: one over the limit is refused with 429 before the upgrade; closing one makes room', async () => {
    const server = await startTestServer({ addressLimits: { websockets: 2, limitLoopback: true } });
    servers.push(server);
    const { id, token } = await createCase(server.url);
    for (let i = 0; i < 2; i++) {
      const accepted = await tryUpgrade(server.wsUrl, id, { token });
      if (!('socket' in accepted)) throw new Error(`refused: ${accepted.status}`);
      opened.push(accepted.socket);
    }
    const refused = await tryUpgrade(server.wsUrl, id, { token });
    if (!('status' in refused)) throw new Error('a third websocket was accepted');
    expectTooMany({ status: refused.status, headers: refused.headers, body: refused.body });

    // The count goes down when the socket has closed: retry until it has.
    opened.shift()?.close();
    let again: Awaited<ReturnType<typeof tryUpgrade>> | undefined;
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      again = await tryUpgrade(server.wsUrl, id, { token });
      if ('socket' in again) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(again && 'socket' in again).toBe(true);
    if (again && 'socket' in again) opened.push(again.socket);
  });

  it('X-Forwarded-For is ignored from an untrusted peer and honoured from the trusted proxy (HTTP and websockets)', async () => {
    const limits = {
      apiCalls: { limit: 3, windowMs: MINUTE },
      websockets: 1,
    };
    const untrusting = await startTestServer({ addressLimits: limits });
    const trusting = await startTestServer({ addressLimits: limits, trustProxy: '127.0.0.1' });
    servers.push(untrusting, trusting);
    const from = (url: string, address: string) =>
      rawRequest(`${url}/api/cases`, { headers: { 'x-forwarded-for': address } });

    // Untrusted: every call counts under the peer's own address, whatever the header claims.
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      expect((await from(untrusting.url, address)).status).toBe(200);
    }
    expectTooMany(await from(untrusting.url, '203.0.113.4'));
    const untrustedLines = untrusting.logs.filter((line) => line.message === 'request');
    expect(untrustedLines.every((line) => line.fields.address === '127.0.0.1')).toBe(true);

    // Trusted proxy: each forwarded address has its own budget.
    for (let i = 0; i < 3; i++) expect((await from(trusting.url, '203.0.113.1')).status).toBe(200);
    expectTooMany(await from(trusting.url, '203.0.113.1'));
    expect((await from(trusting.url, '203.0.113.2')).status).toBe(200);
    await waitFor(() => trusting.logs.some((line) => line.fields.address === '203.0.113.2'), { what: 'log line' });

    // The same for websockets (limit 1 per address).
    const { id, token } = await createCase(trusting.url);
    const socketFrom = async (address: string) =>
      tryUpgrade(trusting.wsUrl, id, { token, headers: { 'x-forwarded-for': address } });
    const first = await socketFrom('203.0.113.1');
    if ('socket' in first) opened.push(first.socket);
    expect('socket' in first).toBe(true);
    const second = await socketFrom('203.0.113.2');
    if ('socket' in second) opened.push(second.socket);
    expect('socket' in second).toBe(true);
    const third = await socketFrom('203.0.113.1');
    expect('status' in third && third.status).toBe(429);
    const { id: otherId, token: otherToken } = await createCase(untrusting.url);
    const spoofA = await tryUpgrade(untrusting.wsUrl, otherId, {
      token: otherToken,
      headers: { 'x-forwarded-for': '203.0.113.1' },
    });
    if ('socket' in spoofA) opened.push(spoofA.socket);
    expect('socket' in spoofA).toBe(true);
    const spoofB = await tryUpgrade(untrusting.wsUrl, otherId, {
      token: otherToken,
      headers: { 'x-forwarded-for': '203.0.113.2' },
    });
    expect('status' in spoofB && spoofB.status).toBe(429);
  });

  it("this machine's own requests without X-Forwarded-For are not limited unless limitLoopback says so", async () => {
    const server = await startTestServer({ addressLimits: { apiCalls: { limit: 2, windowMs: MINUTE } } });
    servers.push(server);
    for (let i = 0; i < 6; i++) expect((await rawRequest(`${server.url}/api/cases`)).status).toBe(200);
  });

  it('the defaults leave room for 60 people behind one address: each creates a case, imports a file, opens the case in two tabs and works', async () => {
    expect(DEFAULT_ADDRESS_LIMITS.limitLoopback).toBe(false);
    const server = await startTestServer({ addressLimits: { limitLoopback: true } });
    servers.push(server);
    const people = 60;
    const cases: { id: string; token: string }[] = [];
    for (let i = 0; i < people; i++) cases.push(await createCase(server.url));
    // Each person imports a file. Every import counts against the limit whether or not the file
    // is valid, so a file the importer refuses at once (400, not 429) keeps the test fast.
    for (let i = 0; i < people; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, () =>
          rawRequest(`${server.url}/api/cases/import`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"format": "not a case"}',
          }),
        ),
      );
      expect(batch.map((response) => response.status)).toEqual(Array(10).fill(400));
    }
    for (const { id, token } of cases) {
      for (let tab = 0; tab < 2; tab++) {
        const accepted = await tryUpgrade(server.wsUrl, id, { token });
        expect('socket' in accepted).toBe(true);
        if ('socket' in accepted) opened.push(accepted.socket);
      }
    }
    // A minute's work each: the start page's list four times, and twenty calls in the case room.
    const calls = cases.flatMap(({ id, token }) =>
      [
        ...Array.from({ length: 4 }, () => `/api/cases`),
        ...Array.from({ length: 20 }, () => `/api/cases/${id}/me`),
      ].map((path) => ({ path, token })),
    );
    for (let i = 0; i < calls.length; i += 40) {
      const statuses = await Promise.all(
        calls.slice(i, i + 40).map(({ path, token }) => rawRequest(`${server.url}${path}`, { headers: bearer(token) })),
      );
      expect(statuses.filter((response) => response.status !== 200).map((response) => response.status)).toEqual([]);
    }
    expect(server.logs.some((line) => line.message.includes('refused'))).toBe(false);
  }, 120_000);
});
