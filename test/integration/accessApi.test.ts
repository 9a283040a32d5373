import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, createCase, startTestServer, type TestServer } from '../support/server.ts';
import { caseWithParties } from './accessFixtures.ts';

type ErrorBody = { error: { code: string; message: string } };

/** docs/access.md A4–A6, A9, A10 over HTTP. */
describe('access over the HTTP API', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });
  const request = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
    const response = await fetch(`${server.url}/api${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
  };
  const errorCode = (result: { body: unknown }) => (result.body as ErrorBody).error.code;

  it('[A5][A10] model and me: 404 for an unknown case first, 401 without a token, 403 tokenInvalid for a foreign, unknown or malformed token', async () => {
    const mine = await createCase(server.url);
    const other = await createCase(server.url);
    for (const path of [`/cases/${mine.id}/model`, `/cases/${mine.id}/me`]) {
      const missing = await request('GET', path);
      expect(missing.status, path).toBe(401);
      expect(errorCode(missing), path).toBe('tokenMissing');
      expect(missing.headers.get('www-authenticate')).toBe('Bearer');
      expect((await request('GET', path, { authorization: 'Bearer ' })).status, path).toBe(401);
      expect((await request('GET', path, { authorization: 'Basic abc' })).status, path).toBe(401);
      for (const token of [other.token, `cr1_${'x'.repeat(43)}`, 'nonsense']) {
        const invalid = await request('GET', path, bearer(token));
        expect(invalid.status, path).toBe(403);
        expect(errorCode(invalid), path).toBe('tokenInvalid');
      }
      expect((await request('GET', path, bearer(mine.token))).status, path).toBe(200);
    }
    const unknown = await request('GET', '/cases/AAAAAAAAAAAAAAAAAAAAAA/model', bearer(mine.token));
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('caseNotFound');
    expect((await request('GET', '/cases/AAAAAAAAAAAAAAAAAAAAAA/me')).status).toBe(404);
  });

  it('[A9] GET /cases/:id/me names the caller’s party for every role', async () => {
    const parties = await caseWithParties(server.url);
    expect((await request('GET', `/cases/${parties.id}/me`, bearer(parties.editor.token))).body).toEqual({
      party: { ...parties.editor.party },
    });
    expect((await request('GET', `/cases/${parties.id}/me`, bearer(parties.observer.token))).body).toEqual({
      party: { id: parties.observer.party.id, name: 'Investor', kind: 'investor', role: 'observer' },
    });
    expect(parties.editor.party).toEqual({
      id: expect.any(String),
      name: 'Jobcenter Holbæk',
      kind: 'department',
      role: 'editor',
      departmentId: 'jobcenter',
    });
    expect((await request('GET', `/cases/${parties.id}/model`, bearer(parties.observer.token))).status).toBe(200);
  });

  it('[A9] the facilitator lists parties (no tokens) and invites; editors and observers get 403 forbidden', async () => {
    const parties = await caseWithParties(server.url);
    const list = await request('GET', `/cases/${parties.id}/parties`, bearer(parties.facilitator));
    expect(list.status).toBe(200);
    // Issue 10 (A13): each with its link's expiry and end, null while it has none.
    const lasting = { expiresAt: null, endedAt: null };
    expect(list.body).toEqual([
      { id: expect.any(String), name: 'Facilitator', kind: 'facilitator', role: 'facilitator', ...lasting },
      { ...parties.editor.party, ...lasting },
      { ...parties.observer.party, ...lasting },
    ]);
    expect(JSON.stringify(list.body)).not.toContain('cr1_');

    const invite = { name: 'Leverandør', kind: 'provider', role: 'editor' };
    const created = await request('POST', `/cases/${parties.id}/parties`, bearer(parties.facilitator), invite);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      party: { id: expect.any(String), ...invite },
      token: expect.stringMatching(/^cr1_/),
      link: `${server.url}/case/${parties.id}#token=${(created.body as { token: string }).token}`,
    });

    for (const token of [parties.editor.token, parties.observer.token]) {
      const partyId = parties.editor.party.id;
      for (const [method, path, body] of [
        ['GET', `/cases/${parties.id}/parties`, undefined],
        ['POST', `/cases/${parties.id}/parties`, invite],
        ['POST', `/cases/${parties.id}/parties/${partyId}/rotate`, undefined],
      ] as const) {
        const refused = await request(method, path, bearer(token), body);
        expect(refused.status, `${method} ${path}`).toBe(403);
        expect(errorCode(refused), `${method} ${path}`).toBe('forbidden');
      }
    }
    // Nothing was added or rotated by the refused calls.
    expect((await request('GET', `/cases/${parties.id}/parties`, bearer(parties.facilitator))).body).toHaveLength(4);
    expect((await request('GET', `/cases/${parties.id}/me`, bearer(parties.editor.token))).status).toBe(200);
    // Facilitator endpoints check the token before the role: none → 401, foreign → 403 tokenInvalid.
    expect((await request('GET', `/cases/${parties.id}/parties`)).status).toBe(401);
    const other = await createCase(server.url);
    expect(errorCode(await request('GET', `/cases/${parties.id}/parties`, bearer(other.token)))).toBe('tokenInvalid');
  });

  it('[A9] an invalid invite is 400 badRequest naming the field', async () => {
    const { id, token } = await createCase(server.url);
    const cases: [unknown, string][] = [
      [{ kind: 'department', role: 'editor' }, 'name'],
      [{ name: '', kind: 'department', role: 'editor' }, 'name'],
      [{ name: 'X', kind: 'mayor', role: 'editor' }, 'kind'],
      [{ name: 'X', kind: 'department', role: 'owner' }, 'role'],
      [{ name: 'X', kind: 'department', role: 'editor', departmentId: 7 }, 'departmentId'],
    ];
    for (const [body, field] of cases) {
      const response = await request('POST', `/cases/${id}/parties`, bearer(token), body);
      expect(response.status, field).toBe(400);
      expect(errorCode(response), field).toBe('badRequest');
      expect((response.body as ErrorBody).error.message, field).toContain(field);
    }
    const noBody = await request('POST', `/cases/${id}/parties`, bearer(token));
    expect(noBody.status).toBe(400);
    expect((await request('GET', `/cases/${id}/parties`, bearer(token))).body).toHaveLength(1);
  });

  it('[A9] rotating a party that does not exist is 404 partyNotFound', async () => {
    const { id, token } = await createCase(server.url);
    const response = await request('POST', `/cases/${id}/parties/nobody/rotate`, bearer(token));
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('partyNotFound');
  });

  it('[A6] GET /api/cases lists only the cases the presented tokens open, each with the caller’s party', async () => {
    const a = await caseWithParties(server.url);
    const b = await createCase(server.url, { example: true });
    await createCase(server.url); // a case no token here opens

    expect(await request('GET', '/cases')).toEqual(expect.objectContaining({ status: 200, body: [] }));
    expect((await request('GET', '/cases', { authorization: 'Bearer nonsense' })).body).toEqual([]);

    const observerOnly = (await request('GET', '/cases', bearer(a.observer.token))).body as {
      id: string;
      party: unknown;
    }[];
    expect(observerOnly).toHaveLength(1);
    expect(observerOnly[0]).toMatchObject({ id: a.id, party: { ...a.observer.party }, online: 0 });

    const several = (await request('GET', '/cases', bearer(a.editor.token, b.token, `cr1_${'z'.repeat(43)}`))).body as {
      id: string;
      party: { role: string; name: string };
    }[];
    expect(several.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(several.find((c) => c.id === a.id)!.party).toEqual({
      id: a.editor.party.id,
      name: 'Jobcenter Holbæk',
      kind: 'department',
      role: 'editor',
    });
    expect(several.find((c) => c.id === b.id)!.party).toMatchObject({ name: 'Facilitator', role: 'facilitator' });
    expect(several[0]!.id).toBe(b.id); // newest change first

    // Two tokens of one case: listed once, with the stronger party.
    const twice = (await request('GET', '/cases', bearer(a.observer.token, a.facilitator))).body as {
      party: { role: string };
    }[];
    expect(twice).toHaveLength(1);
    expect(twice[0]!.party.role).toBe('facilitator');
  });
});
