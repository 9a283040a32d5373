import {
  ensureFirstOrganisation,
  type FirstOrganisation,
  hashToken,
  newOrganisationKey,
  openSqliteStores,
} from '@caseroom/server';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, createCase, makeTempDataDir, startTestServer } from '../support/server.ts';

/**
 * Issue 15, the administrator's page reads the retention back (docs/access.md "Archive, delete,
 * retention"): `GET /api/organisation/retention` answers what `PUT` set, per organisation, and
 * only to that organisation's key.
 */
describe('GET /api/organisation/retention', () => {
  const resources = cleanupAfterEach();

  async function start() {
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const store = await openSqliteStores(dataDir);
    const first = (await ensureFirstOrganisation(store.organisations, dataDir)) as FirstOrganisation & { key: string };
    const otherKey = newOrganisationKey();
    await store.organisations.create({
      organisation: { id: 'kommune-org', name: 'Svendborg Kommune', createdAt: Date.now() },
      keyHash: hashToken(otherKey),
    });
    const server = await startTestServer({ dataDir, stores: store });
    resources.servers.push(server);
    return { server, fundKey: first.key, otherKey };
  }

  it('answers null until set, then what PUT set, for the key’s own organisation only', async () => {
    const { server, fundKey, otherKey } = await start();
    const read = async (key: string) => api(server.url, key, 'GET', '/api/organisation/retention');

    expect(await read(fundKey)).toEqual({ status: 200, body: { retentionDays: null } });
    expect((await api(server.url, fundKey, 'PUT', '/api/organisation/retention', { days: 90 })).status).toBe(200);
    expect(await read(fundKey)).toEqual({ status: 200, body: { retentionDays: 90 } });
    // The other organisation's setting is its own.
    expect(await read(otherKey)).toEqual({ status: 200, body: { retentionDays: null } });
    expect((await api(server.url, otherKey, 'PUT', '/api/organisation/retention', { days: 7 })).status).toBe(200);
    expect((await read(otherKey)).body).toEqual({ retentionDays: 7 });
    expect((await read(fundKey)).body).toEqual({ retentionDays: 90 });
    // Cleared: kept until someone deletes them.
    expect((await api(server.url, fundKey, 'PUT', '/api/organisation/retention', { days: null })).status).toBe(200);
    expect((await read(fundKey)).body).toEqual({ retentionDays: null });
  });

  it('needs the organisation key, on loopback too: none 401, a case link or a wrong key 403', async () => {
    const { server } = await start();
    const none = await api(server.url, undefined, 'GET', '/api/organisation/retention');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('organisationKeyMissing');
    const created = await createCase(server.url);
    const caseLink = await api(server.url, created.token, 'GET', '/api/organisation/retention');
    expect(caseLink.status).toBe(403);
    expect(caseLink.body.error.code).toBe('organisationKeyInvalid');
    const wrong = await api(server.url, newOrganisationKey(), 'GET', '/api/organisation/retention');
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('organisationKeyInvalid');
  });
});
