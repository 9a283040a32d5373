import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseModelDraft, exampleCase, sectionMap, writeShortText } from '@caseroom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  connectSynced,
  createCase,
  type NodeClient,
  startTestServer,
  type TestServer,
} from '../support/server.ts';

type Listing = { id: string; title?: string; municipality?: string; phase?: number; updatedAt: string; online: number };

describe('REST API', () => {
  let server: TestServer;
  const clients: NodeClient[] = [];
  beforeEach(async () => {
    server = await startTestServer({ clientDir: join(tmpdir(), 'caseroom-no-client-here') });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });
  const post = (body: string | undefined, contentType = 'application/json') =>
    fetch(`${server.url}/api/cases`, {
      method: 'POST',
      headers: body === undefined ? {} : { 'content-type': contentType },
      body,
    });

  it('GET /health', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('[A3] POST /api/cases creates empty cases (no body, {}) and the example, with fresh unguessable ids and facilitator tokens', async () => {
    const responses = [await post(undefined), await post('{}'), await post('{"example": false}')];
    const created: { id: string; token: string }[] = [];
    for (const response of responses) {
      expect(response.status).toBe(201);
      const body = (await response.json()) as { id: string; token: string; link: string };
      expect(Object.keys(body).sort()).toEqual(['id', 'link', 'token']);
      // Issue 10: the link carries the token in the fragment, never the query.
      expect(body.link).toBe(`${server.url}/case/${body.id}#token=${body.token}`);
      expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(body.token).toMatch(/^cr1_[A-Za-z0-9_-]{43}$/);
      created.push(body);
    }
    const example = await post('{"example": true}');
    expect(example.status).toBe(201);
    const { id: exampleId, token: exampleToken } = (await example.json()) as { id: string; token: string };
    expect(new Set([...created.map((c) => c.id), exampleId]).size).toBe(4);
    expect(new Set([...created.map((c) => c.token), exampleToken]).size).toBe(4);

    const model = await (
      await fetch(`${server.url}/api/cases/${exampleId}/model`, { headers: bearer(exampleToken) })
    ).json();
    expect(CaseModelDraft.safeParse(model).success).toBe(true);
    expect(model.facts.title).toContain('illustrativt');
    const me = await (await fetch(`${server.url}/api/cases/${exampleId}/me`, { headers: bearer(exampleToken) })).json();
    expect(me).toEqual({
      party: { id: expect.any(String), name: 'Facilitator', kind: 'facilitator', role: 'facilitator' },
    });
    const empty = await (
      await fetch(`${server.url}/api/cases/${created[0]!.id}/model`, { headers: bearer(created[0]!.token) })
    ).json();
    expect(CaseModelDraft.safeParse(empty).success).toBe(true);
    expect(empty.facts.title).toBeUndefined();
    expect(empty.facts.startYear).toBe(new Date().getFullYear());
  });

  it('POST /api/cases rejects malformed JSON and bodies of the wrong shape with 400', async () => {
    const malformed = await post('{"example": tru');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: 'malformedJson', message: expect.any(String) } });
    for (const body of ['[]', '"example"', '{"example": "yes"}', '{"title": "x"}', 'null', '42']) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code, body).toBe('badRequest');
    }
    const notJson = await post('example=true', 'application/x-www-form-urlencoded');
    expect(notJson.status).toBe(400);
    expect(await (await fetch(`${server.url}/api/cases`)).json()).toEqual([]);
  });

  it('GET /api/cases lists newest change first, with summary fields and who is online', async () => {
    const { id: older, token: olderToken } = await createCase(server.url);
    await new Promise((resolve) => setTimeout(resolve, 5)); // distinct creation times
    const { id: newer, token: newerToken } = await createCase(server.url, { example: true });
    const headers = bearer(olderToken, newerToken);
    const list1 = (await (await fetch(`${server.url}/api/cases`, { headers })).json()) as Listing[];
    expect(list1.map((c) => c.id)).toEqual([newer, older]);
    expect(list1[0]).toMatchObject({ municipality: 'Eksempelkommune', phase: exampleCase().facts.phase, online: 0 });
    expect(new Date(list1[0]!.updatedAt).toISOString()).toBe(list1[0]!.updatedAt);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const client = await connectSynced(server.wsUrl, older, { token: olderToken });
    clients.push(client);
    client.doc.transact(() => writeShortText(sectionMap(client.doc, 'facts')!, 'title', 'Nu ændret'));
    // Poll with awaited requests: a request still in flight when the server closes would
    // surface as an unhandled rejection.
    let list2: Listing[] = [];
    const deadline = Date.now() + 5_000;
    while (!(list2[0]?.id === older && list2[0]?.title === 'Nu ændret')) {
      if (Date.now() > deadline) throw new Error('the edited case never came on top');
      await new Promise((resolve) => setTimeout(resolve, 50));
      list2 = (await (await fetch(`${server.url}/api/cases`, { headers })).json()) as Listing[];
    }
    expect(list2[0]).toMatchObject({ id: older, title: 'Nu ændret', online: 1 });
  });

  it('GET /api/cases/:id/model is 404 with a JSON error for an unknown case', async () => {
    const response = await fetch(`${server.url}/api/cases/nope/model`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'caseNotFound', message: 'No case with id nope.' } });
    const unknownApi = await fetch(`${server.url}/api/whatever`);
    expect(unknownApi.status).toBe(404);
    expect(((await unknownApi.json()) as { error: { code: string } }).error.code).toBe('notFound');
  });

  it('without a built client, app routes say how to build it', async () => {
    const response = await fetch(`${server.url}/case/abc`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('pnpm build');
  });
});

describe('serving the built client', () => {
  let server: TestServer;
  let clientDir: string;
  beforeEach(async () => {
    clientDir = mkdtempSync(join(tmpdir(), 'caseroom-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Caseroom</title>');
    writeFileSync(join(clientDir, 'app.js'), 'console.log(1)');
    server = await startTestServer({ clientDir });
  });
  afterEach(async () => {
    await server.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('serves files, falls back to index.html for app routes, not for /api', async () => {
    expect(await (await fetch(`${server.url}/app.js`)).text()).toBe('console.log(1)');
    for (const path of ['/', '/case/abc123', '/start']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<title>Caseroom</title>');
    }
    const api = await fetch(`${server.url}/api/nothing`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});
