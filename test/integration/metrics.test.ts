import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { startTestServer } from '../support/server.ts';
import { errorOf, rawRequest } from './networkFixtures.ts';

/**
 * `GET /metrics` on a started server (issue 14): Prometheus' text format from loopback, before
 * the Host allowlist (a scraper names the server by any address), and 403 for a client address
 * outside METRICS_ALLOW (loopback by default) — also when it comes through a trusted proxy on
 * this machine.
 */
describe('GET /metrics', () => {
  const resources = cleanupAfterEach();

  it('answers loopback with the caseroom metrics and the process metrics as Prometheus text', async () => {
    const server = await startTestServer();
    resources.servers.push(server);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const [name, type] of [
      ['caseroom_connections', 'gauge'],
      ['caseroom_open_cases', 'gauge'],
      ['caseroom_updates_total', 'counter'],
      ['caseroom_commit_seconds', 'histogram'],
      ['caseroom_commit_queue_depth', 'gauge'],
      ['caseroom_store_failures_total', 'counter'],
      ['caseroom_redis_lag_seconds', 'gauge'],
      ['process_resident_memory_bytes', 'gauge'],
    ]) {
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
    }
  });

  it('answers a scraper that names the server by a host outside the allowlist', async () => {
    const server = await startTestServer();
    resources.servers.push(server);
    const port = new URL(server.url).port;
    const headers = { host: `10.1.2.3:${port}` };
    const response = await rawRequest(`${server.url}/metrics`, { headers });
    expect(response.status).toBe(200);
    expect(response.body).toContain('# TYPE caseroom_connections gauge');
    const api = await rawRequest(`${server.url}/api/cases`, { headers });
    expect(api.status).toBe(421);
  });

  it('refuses a client address outside METRICS_ALLOW with 403, through a trusted proxy too', async () => {
    const server = await startTestServer({ trustProxy: '127.0.0.1' });
    resources.servers.push(server);
    const outside = await rawRequest(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(outside.status).toBe(403);
    expect(errorOf(outside).code).toBe('forbidden');
    expect(outside.body).not.toContain('caseroom_');
    const local = await rawRequest(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(local.status).toBe(200);
  });
});
