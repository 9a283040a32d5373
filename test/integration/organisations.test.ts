import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureFirstOrganisation,
  type FirstOrganisation,
  hashToken,
  newOrganisationKey,
  openSqliteStores,
  type Stores,
} from '@caseroom/server';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, bearer, makeTempDataDir, startTestServer, type TestServer } from '../support/server.ts';

/**
 * docs/access.md "Organisations" (issue 10): on a server reached from other machines, creating
 * and importing a case needs an organisation key, and every case records its organisation.
 */
describe('organisations and their keys', () => {
  const resources = cleanupAfterEach();

  /** A server on `host` whose data directory has a first organisation (and a second, with its key). */
  async function start(host?: string): Promise<{
    server: TestServer;
    store: Stores;
    first: FirstOrganisation & { key: string };
    second: { id: string; key: string };
  }> {
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const store = await openSqliteStores(dataDir);
    const first = await ensureFirstOrganisation(store.organisations, dataDir);
    const second = { id: 'second-org', key: newOrganisationKey() };
    await store.organisations.create({
      organisation: { id: second.id, name: 'Fonden', createdAt: Date.now() },
      keyHash: hashToken(second.key),
    });
    const server = await startTestServer({ dataDir, stores: store, ...(host ? { host } : {}) });
    resources.servers.push(server);
    return { server, store, first: first as FirstOrganisation & { key: string }, second };
  }

  /** POST /api/cases/import of a small hand-written case, with the given headers. */
  async function importCase(url: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${url}/api/cases/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ schemaVersion: 1, facts: { title: 'Importeret sag' } }),
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  it('beyond loopback: creating a case without a key is 401, with a wrong one 403, with the key 201 — and the case records its organisation', async () => {
    const { server, store, first, second } = await start('0.0.0.0');

    const missing = await api(server.url, undefined, 'POST', '/api/cases', {});
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('organisationKeyMissing');
    expect(missing.body.error.message).toContain('Ask the person who runs Caseroom for the organisation key');

    for (const wrong of [newOrganisationKey(), 'nonsense', first.key.slice(0, -1)]) {
      const refused = await api(server.url, wrong, 'POST', '/api/cases', {});
      expect(refused.status, wrong).toBe(403);
      expect(refused.body.error.code, wrong).toBe('organisationKeyInvalid');
      expect(refused.body.error.message).toContain('organisation key');
    }
    // A case's link token is not an organisation key.
    const created = await api(server.url, first.key, 'POST', '/api/cases', { example: true });
    const asKey = await api(server.url, created.body.token, 'POST', '/api/cases', {});
    expect(asKey.body.error?.code).toBe('organisationKeyInvalid');
    expect(await store.cases.list()).toHaveLength(1);

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^cr1_/),
      link: `${server.url}/case/${created.body.id}#token=${created.body.token}`,
    });
    expect((await store.cases.get(created.body.id))?.organisationId).toBe(first.organisation.id);
    expect((await api(server.url, created.body.token, 'GET', `/api/cases/${created.body.id}/me`)).status).toBe(200);

    const theirs = await api(server.url, second.key, 'POST', '/api/cases', {});
    expect(theirs.status).toBe(201);
    expect((await store.cases.get(theirs.body.id))?.organisationId).toBe(second.id);
  });

  it('beyond loopback: importing needs the key too (401 / 403 before the file is read), and the imported case records its organisation', async () => {
    const { server, store, first, second } = await start('0.0.0.0');
    const missing = await importCase(server.url);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('organisationKeyMissing');
    const wrong = await importCase(server.url, bearer(newOrganisationKey()));
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('organisationKeyInvalid');
    expect(await store.cases.list()).toEqual([]);

    const imported = await importCase(server.url, bearer(first.key));
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^cr1_/),
      link: `${server.url}/case/${imported.body.id}#token=${imported.body.token}`,
    });
    expect(await store.cases.get(imported.body.id)).toMatchObject({
      title: 'Importeret sag',
      organisationId: first.organisation.id,
    });
    // The key decides whose case it is, not "the first organisation".
    const theirs = await importCase(server.url, bearer(second.key));
    expect(theirs.status).toBe(201);
    expect((await store.cases.get(theirs.body.id))?.organisationId).toBe(second.id);
  });

  it('on loopback a key is optional: without one the case goes to the first organisation, with one to its organisation; a wrong one is still refused', async () => {
    const { server, store, first, second } = await start();
    const plain = await api(server.url, undefined, 'POST', '/api/cases', {});
    expect(plain.status).toBe(201);
    expect(plain.body.link).toBe(`${server.url}/case/${plain.body.id}#token=${plain.body.token}`);
    expect((await store.cases.get(plain.body.id))?.organisationId).toBe(first.organisation.id);

    const theirs = await api(server.url, second.key, 'POST', '/api/cases', {});
    expect((await store.cases.get(theirs.body.id))?.organisationId).toBe(second.id);

    const wrong = await api(server.url, newOrganisationKey(), 'POST', '/api/cases', {});
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('organisationKeyInvalid');

    const imported = await importCase(server.url);
    expect(imported.status).toBe(201);
    expect((await store.cases.get(imported.body.id))?.organisationId).toBe(first.organisation.id);
  });

  it('links name the public URL, in the fragment: invite and rotate hand them out too', async () => {
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const server = await startTestServer({ dataDir, publicUrl: 'https://caseroom.holbaek.dk/' });
    resources.servers.push(server);
    const created = await api(server.url, undefined, 'POST', '/api/cases', {});
    expect(created.body.link).toBe(`https://caseroom.holbaek.dk/case/${created.body.id}#token=${created.body.token}`);
    const invited = await api(server.url, created.body.token, 'POST', `/api/cases/${created.body.id}/parties`, {
      name: 'Jobcenter',
      kind: 'department',
      role: 'editor',
    });
    expect(invited.status).toBe(201);
    expect(invited.body.link).toBe(`https://caseroom.holbaek.dk/case/${created.body.id}#token=${invited.body.token}`);
    const rotated = await api(
      server.url,
      created.body.token,
      'POST',
      `/api/cases/${created.body.id}/parties/${invited.body.party.id}/rotate`,
    );
    expect(rotated.body.link).toBe(`https://caseroom.holbaek.dk/case/${created.body.id}#token=${rotated.body.token}`);
    for (const link of [created.body.link, invited.body.link, rotated.body.link]) expect(link).not.toContain('?');
  });

  it('a fresh data directory gets its first organisation at start-up: key in an owner-only file, only its hash stored, not made again on restart', async () => {
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const first = await startTestServer({ dataDir, host: '0.0.0.0' });
    await first.close();
    const keyFile = join(dataDir, 'organisation-key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8').trim();
    expect(key).toMatch(/^crk1_/);
    expect(readFileSync(join(dataDir, 'caseroom.sqlite')).includes(Buffer.from(key))).toBe(false);

    const again = await startTestServer({ dataDir, host: '0.0.0.0' });
    resources.servers.push(again);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(key);
    expect(again.logs.map((line) => `${line.message} ${JSON.stringify(line.fields)}`).join('\n')).not.toContain(key);
    const created = await api(again.url, key, 'POST', '/api/cases', {});
    expect(created.status).toBe(201);
  });
});
