import { ensureFirstOrganisation, type FirstOrganisation, openSqliteStores } from '@caseroom/server';
import {
  type CaseLibraryAnswer,
  type CaseModelDraft,
  departmentValueSourceKey,
  type LibraryEntry,
  listMap,
  SEED_ENTRIES,
  takeLibraryValue,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  bearer,
  connectSynced,
  createCase,
  makeTempDataDir,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';

/**
 * Issue 15, "Unit-value library" (docs/library.md): an entry used in two cases; changing it
 * marks both outdated with the right difference; updating one changes only that case, as one
 * change; an exported case imported elsewhere keeps its values and notes without the link; the
 * library's bounds refused with 400s that name the field.
 */
describe('the unit-value library', () => {
  const resources = cleanupAfterEach();
  const OUTCOME = 'out-employment';
  const DEPARTMENT = 'dep-jobcenter';

  async function start(): Promise<{ server: TestServer; member: string }> {
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const stores = await openSqliteStores(dataDir);
    const first = (await ensureFirstOrganisation(stores.organisations, dataDir)) as FirstOrganisation & { key: string };
    const server = await startTestServer({ dataDir, stores });
    resources.servers.push(server);
    const added = await api(server.url, first.key, 'POST', '/api/organisation/members', { name: 'Fondskonsulent' });
    expect(added.status).toBe(201);
    return { server, member: (added.body as { token: string }).token };
  }

  /** The example case's first outcome id (the example's ids are fixed). */
  function outcomeItem(doc: Y.Doc, id: string): Y.Map<unknown> {
    const item = listMap(doc, 'outcome')?.get(id);
    if (!item) throw new Error(`no outcome ${id}`);
    return item as Y.Map<unknown>;
  }

  async function model(server: TestServer, id: string, token: string): Promise<CaseModelDraft> {
    return (await api<CaseModelDraft>(server.url, token, 'GET', `/api/cases/${id}/model`)).body;
  }

  async function caseLibrary(server: TestServer, id: string, token: string): Promise<CaseLibraryAnswer> {
    const answer = await api<CaseLibraryAnswer>(server.url, token, 'GET', `/api/cases/${id}/library`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  }

  /** Takes `entry` into the case's outcome through an editor's synced client; resolves with the number of document updates it made. */
  async function take(server: TestServer, id: string, token: string, entry: LibraryEntry): Promise<number> {
    const client = await connectSynced(server.wsUrl, id, { token });
    try {
      let updates = 0;
      client.doc.on('update', () => updates++);
      takeLibraryValue(outcomeItem(client.doc, OUTCOME), DEPARTMENT, entry, 'da');
      await waitFor(
        async () =>
          (await model(server, id, token)).outcomes.find((o) => o.id === OUTCOME)?.libraryLinks?.[DEPARTMENT]
            ?.version === entry.version,
        { what: 'the taken value stored' },
      );
      return updates;
    } finally {
      client.destroy();
    }
  }

  it('starts with exactly the sourced reference figures; an entry used in two cases, changed, marks both outdated; updating one changes only that case, in one change', async () => {
    const { server, member } = await start();
    const library = await api<{ entries: LibraryEntry[] }>(server.url, member, 'GET', '/api/library');
    expect(library.status).toBe(200);
    expect(library.body.entries.map((e) => [e.name, e.valuePerYear, e.priceYear, e.version, e.changedBy])).toEqual(
      SEED_ENTRIES.map((e) => [e.name, e.valuePerYear, e.priceYear, 1, 'Caseroom']),
    );
    expect(library.body.entries.map((e) => e.valuePerYear)).toEqual([130_000, 470_000, 1_160_000]);
    // Reading again seeds nothing more.
    expect(
      (await api<{ entries: LibraryEntry[] }>(server.url, member, 'GET', '/api/library')).body.entries,
    ).toHaveLength(3);

    const sickness = library.body.entries[0] as LibraryEntry;
    const a = await createCase(server.url, { example: true });
    const b = await createCase(server.url, { example: true });
    expect(await take(server, a.id, a.token, sickness)).toBe(1);
    expect(await take(server, b.id, b.token, sickness)).toBe(1);

    const taken = (await model(server, a.id, a.token)).outcomes.find((o) => o.id === OUTCOME);
    expect(taken?.valuePerDepartment?.[DEPARTMENT]).toBe(130_000);
    expect(taken?.sources[departmentValueSourceKey(DEPARTMENT)]).toContain('nb-beskaeftigelse.dk, 19. nov. 2020');
    expect(taken?.sources[departmentValueSourceKey(DEPARTMENT)]).toContain('Prisniveau 2020');
    expect((await caseLibrary(server, a.id, a.token)).outdated).toEqual([]);

    // The fund changes the entry: a new version; both cases are now outdated by the difference.
    const changed = await api<LibraryEntry>(server.url, member, 'PUT', `/api/library/${sickness.id}`, {
      name: sickness.name,
      level: sickness.level,
      valuePerYear: 137_500,
      unit: sickness.unit,
      priceYear: sickness.priceYear,
      source: { ...sickness.source, text: `${sickness.source.text} (rettet)` },
      validFrom: sickness.validFrom,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.version).toBe(2);
    const expected = {
      outcomeId: OUTCOME,
      departmentId: DEPARTMENT,
      entryId: sickness.id,
      fromVersion: 1,
      toVersion: 2,
      oldValue: 130_000,
      newValue: 137_500,
      difference: 7_500,
    };
    expect((await caseLibrary(server, a.id, a.token)).outdated).toEqual([expected]);
    expect((await caseLibrary(server, b.id, b.token)).outdated).toEqual([expected]);
    // Old versions stay readable.
    const versions = await api<{ versions: LibraryEntry[] }>(
      server.url,
      member,
      'GET',
      `/api/library/${sickness.id}/versions`,
    );
    expect(versions.body.versions.map((v) => [v.version, v.valuePerYear])).toEqual([
      [1, 130_000],
      [2, 137_500],
    ]);

    // Updating case A is one change of A's document; B keeps its value and is still outdated.
    expect(await take(server, a.id, a.token, changed.body)).toBe(1);
    const updated = (await model(server, a.id, a.token)).outcomes.find((o) => o.id === OUTCOME);
    expect(updated?.valuePerDepartment?.[DEPARTMENT]).toBe(137_500);
    expect(updated?.sources[departmentValueSourceKey(DEPARTMENT)]).toContain('(rettet)');
    expect((await caseLibrary(server, a.id, a.token)).outdated).toEqual([]);
    const untouched = (await model(server, b.id, b.token)).outcomes.find((o) => o.id === OUTCOME);
    expect(untouched?.valuePerDepartment?.[DEPARTMENT]).toBe(130_000);
    expect(untouched?.libraryLinks?.[DEPARTMENT]).toEqual({ entryId: sickness.id, version: 1 });
    expect((await caseLibrary(server, b.id, b.token)).outdated).toEqual([expected]);
  });

  it('a case exported and imported elsewhere keeps its values and source notes without the link', async () => {
    const { server, member } = await start();
    const [sickness] = (await api<{ entries: LibraryEntry[] }>(server.url, member, 'GET', '/api/library')).body.entries;
    const created = await createCase(server.url, { example: true });
    await take(server, created.id, created.token, sickness as LibraryEntry);
    const exported = await fetch(`${server.url}/api/cases/${created.id}/export.json`, {
      headers: bearer(created.token),
    });
    const text = await exported.text();
    const file = JSON.parse(text) as { model: CaseModelDraft };
    const outcome = file.model.outcomes.find((o) => o.id === OUTCOME);
    expect(outcome?.libraryLinks?.[DEPARTMENT]?.entryId).toBe(sickness?.id);

    const elsewhere = await start();
    const imported = await fetch(`${elsewhere.server.url}/api/cases/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    expect(imported.status).toBe(201);
    const { id, token } = (await imported.json()) as { id: string; token: string };
    const copy = (await model(elsewhere.server, id, token)).outcomes.find((o) => o.id === OUTCOME);
    expect(copy?.valuePerDepartment?.[DEPARTMENT]).toBe(130_000);
    expect(copy?.sources[departmentValueSourceKey(DEPARTMENT)]).toBe(
      outcome?.sources[departmentValueSourceKey(DEPARTMENT)],
    );
    expect(copy?.libraryLinks).toBeUndefined();
    expect((await caseLibrary(elsewhere.server, id, token)).outdated).toEqual([]);
  });

  it('a change saved against a version that is no longer the latest is refused with 409 and the current version; of two at once on one base, one is saved', async () => {
    const { server, member } = await start();
    const good = {
      name: 'Plads på forsorgshjem',
      level: 'municipal',
      valuePerYear: 400_000,
      unit: 'pr. plads pr. år',
      priceYear: 2024,
      source: { text: 'Egen opgørelse', date: '2024-03-01' },
      validFrom: '2024',
    };
    const added = await api<LibraryEntry>(server.url, member, 'POST', '/api/library', good);
    const path = `/api/library/${added.body.id}`;
    type Conflict = { error: { code: string; message: string; current: LibraryEntry } };

    const second = await api<LibraryEntry>(server.url, member, 'PUT', path, {
      ...good,
      valuePerYear: 1,
      baseVersion: 1,
    });
    expect([second.status, second.body.version, second.body.valuePerYear]).toEqual([200, 2, 1]);
    // Someone who still saw version 1 writes nothing, and is told which version is the latest.
    const stale = await api<Conflict>(server.url, member, 'PUT', path, { ...good, valuePerYear: 2, baseVersion: 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'libraryConflict']);
    expect(stale.body.error.current).toMatchObject({ id: added.body.id, version: 2, valuePerYear: 1 });
    // Two at once, both based on version 2: one is version 3, the other a 409 naming it.
    const both = await Promise.all(
      [3, 4].map((valuePerYear) =>
        api<LibraryEntry | Conflict>(server.url, member, 'PUT', path, { ...good, valuePerYear, baseVersion: 2 }),
      ),
    );
    expect(both.map((each) => each.status).sort()).toEqual([200, 409]);
    const saved = both.find((each) => each.status === 200)?.body as LibraryEntry;
    const refused = both.find((each) => each.status === 409)?.body as Conflict;
    expect(saved.version).toBe(3);
    expect(refused.error.current).toEqual(saved);
    const versions = await api<{ versions: LibraryEntry[] }>(server.url, member, 'GET', `${path}/versions`);
    expect(versions.body.versions.map((each) => each.valuePerYear)).toEqual([400_000, 1, saved.valuePerYear]);
    // Without a base the change is written as the next version (API callers that do not track versions).
    const unbased = await api<LibraryEntry>(server.url, member, 'PUT', path, { ...good, valuePerYear: 5 });
    expect([unbased.status, unbased.body.version]).toEqual([200, 4]);
    const bad = await api<Conflict>(server.url, member, 'PUT', path, { ...good, baseVersion: 'latest' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'badRequest']);
    expect(bad.body.error.message).toMatch(/^baseVersion: /);
  });

  it('refuses what does not fit, naming the field; only members curate; a case reads only its own organisation’s library', async () => {
    const { server, member } = await start();
    const good = {
      name: 'Plads på forsorgshjem',
      level: 'municipal',
      valuePerYear: 400_000,
      unit: 'pr. plads pr. år',
      priceYear: 2024,
      source: { text: 'Egen opgørelse', link: 'https://example.org/x', date: '2024-03-01' },
      validFrom: '2024',
    };
    const added = await api<LibraryEntry>(server.url, member, 'POST', '/api/library', good);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ...good, version: 1, changedBy: 'Fondskonsulent' });

    const refusals: [unknown, RegExp][] = [
      [{ ...good, name: 'x'.repeat(201) }, /^name: /],
      [{ ...good, valuePerYear: -1 }, /^valuePerYear: /],
      [{ ...good, valuePerYear: 2e9 }, /^valuePerYear: /],
      [{ ...good, priceYear: 20_240 }, /^priceYear: /],
      [{ ...good, level: 'kommune' }, /^level: /],
      [{ ...good, source: { ...good.source, link: 'javascript:alert(1)' } }, /^source\.link: /],
      [{ ...good, source: { ...good.source, date: '19. nov. 2020' } }, /^source\.date: /],
      [{ ...good, extra: 1 }, /extra/],
    ];
    for (const [body, message] of refusals) {
      const refused = await api<{ error: { code: string; message: string } }>(
        server.url,
        member,
        'POST',
        '/api/library',
        body,
      );
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('badRequest');
      expect(refused.body.error.message).toMatch(message);
    }
    const unknown = await api<{ error: { code: string } }>(server.url, member, 'PUT', '/api/library/nope', good);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'libraryEntryNotFound']);
    expect((await api(server.url, undefined, 'GET', '/api/library')).status).toBe(401);
    const created = await createCase(server.url, { example: true });
    // A case link is not a member link: it reads the library through the case, never curates.
    expect((await api(server.url, created.token, 'POST', '/api/library', good)).status).toBe(403);
    expect((await caseLibrary(server, created.id, created.token)).entries.map((e) => e.name)).toContain(good.name);
    expect((await api(server.url, undefined, 'GET', `/api/cases/${created.id}/library`)).status).toBe(401);
  });
});
