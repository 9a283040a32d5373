import { MAX_IMPORT_BYTES, openSqliteStores, type Stores } from '@caseroom/server';
import { exampleCase, SCHEMA_VERSION, sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  bearer,
  connectSynced,
  createCase,
  type Json,
  makeTempDataDir,
  type NodeClient,
  startTestServer,
  type TestServer,
} from '../support/server.ts';

/** docs/exchange.md: JSON export and import through the HTTP API of a real server. */
describe('JSON export and import', () => {
  const { clients, servers, dirs } = cleanupAfterEach();

  /** A server on a store the test can also read (to count cases). */
  async function start(): Promise<{ server: TestServer; store: Stores }> {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const store = await openSqliteStores(dataDir);
    const server = await startTestServer({ dataDir, stores: store });
    servers.push(server);
    return { server, store };
  }

  async function exportOf(url: string, id: string, token: string, query = '') {
    const response = await fetch(`${url}/api/cases/${id}/export.json${query}`, { headers: bearer(token) });
    const text = await response.text();
    return { response, text, body: JSON.parse(text) as Json };
  }

  async function importText(url: string, text: string | Uint8Array<ArrayBuffer>) {
    const response = await fetch(`${url}/api/cases/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    return { status: response.status, body: JSON.parse(await response.text()) };
  }

  /** Changes the agreed case's title through a client, and waits until the server no longer calls it agreed. */
  async function retitle(wsUrl: string, agreed: Awaited<ReturnType<typeof agreedCase>>): Promise<NodeClient> {
    const client = await connectSynced(wsUrl, agreed.id, { token: agreed.token });
    clients.push(client);
    client.doc.transact(() => writeShortText(sectionMap(client.doc, 'facts') as never, 'title', 'Ændret titel'));
    const agreedNow = async () => (await agreed.call('GET', '/workshop')).body.agreed;
    for (let i = 0; i < 100 && (await agreedNow()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await agreedNow()).toBe(false);
    return client;
  }

  /** An example case with one decision, the facilitator as the one required signer, signed: agreed. */
  async function agreedCase(url: string) {
    const created = await createCase(url, { example: true });
    const call = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(url, created.token, method, `/api/cases/${created.id}${path}`, body);
    const me = (await call('GET', '/me')).body.party;
    expect((await call('POST', '/workshop/decisions', { text: 'Vi vælger IPS' })).status).toBe(201);
    expect((await call('PUT', '/workshop/required-signers', { partyIds: [me.id] })).status).toBe(200);
    const hash = (await call('GET', '/workshop')).body.contentHash;
    expect((await call('POST', '/workshop/signoffs', { hash })).status).toBe(201);
    expect((await call('GET', '/workshop')).body.agreed).toBe(true);
    return { ...created, call, partyId: me.id as string, hash: hash as string };
  }

  /** The export without what must differ between cases: ids, timestamps, where it came from. */
  function comparable(exported: Json) {
    const copy: Json = structuredClone(exported);
    delete copy.exportedAt;
    delete copy.case.id;
    delete copy.version.source;
    return copy;
  }

  it('round trip: export → import → export is identical apart from ids, timestamps and the signatures, which do not carry over', async () => {
    const { server } = await start();
    const original = await agreedCase(server.url);
    const first = await exportOf(server.url, original.id, original.token);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.response.headers.get('content-disposition')).toBe(
      `attachment; filename="sygedagpenge-og-psykisk-sygdom-illustrativt-eksempel-v${original.hash.slice(0, 8)}.json"`,
    );
    expect(first.body).toMatchObject({
      format: 'caseroom-case',
      schemaVersion: SCHEMA_VERSION,
      case: { id: original.id },
      version: {
        source: 'current',
        contentHash: original.hash,
        agreed: true,
        signedBy: [{ partyId: original.partyId }],
      },
    });
    expect(first.body.decisions.map((d: { text: string }) => d.text)).toEqual(['Vi vælger IPS']);
    expect(first.body.signoffs).toHaveLength(1);
    expect(
      first.body.findings.every((f: { message: { da: string; en: string } }) => f.message.da && f.message.en),
    ).toBe(true);
    expect(first.body.pricing.risk.seed).toBeTypeOf('number');

    const imported = await importText(server.url, first.text);
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(original.id);
    expect(imported.body.token).toMatch(/^cr1_/);
    const second = await exportOf(server.url, imported.body.id, imported.body.token);
    // Imported sign-offs are history only: the new case is not agreed and nobody has signed it.
    expect(second.body.version).toMatchObject({ contentHash: original.hash, agreed: false, signedBy: [] });
    const workshop = await api(server.url, imported.body.token, 'GET', `/api/cases/${imported.body.id}/workshop`);
    expect(workshop.body.agreed).toBe(false);
    expect(workshop.body.workshop.signoffs).toEqual({});
    expect(workshop.body.workshop.decisions).toEqual({});
    // …and marked as such, so every format can show them as history.
    const asHistory = (entries: Json[]) => entries.map((entry) => ({ ...entry, imported: true }));
    expect(first.body.signoffs.some((s: Json) => s.imported)).toBe(false);
    expect(second.body.signoffs).toEqual(asHistory(first.body.signoffs));
    expect(second.body.decisions).toEqual(asHistory(first.body.decisions));
    const strip = (value: Json) => {
      const copy = comparable(value);
      delete copy.version.agreed;
      delete copy.version.signedBy;
      for (const entry of [...copy.signoffs, ...copy.decisions]) delete entry.imported;
      return copy;
    };
    expect(strip(second.body)).toEqual(strip(first.body));

    // Once more: now nothing but ids and timestamps differs, byte for byte in canonical form.
    const again = await importText(server.url, second.text);
    const third = await exportOf(server.url, again.body.id, again.body.token);
    const canonicalWithout = (text: string, id: string) =>
      text.replace(/"exportedAt":"[^"]*"/, '').replaceAll(id, '<id>');
    expect(canonicalWithout(third.text, again.body.id)).toBe(canonicalWithout(second.text, imported.body.id));
    // The caller of an import is the new case's facilitator.
    const parties = await api(server.url, imported.body.token, 'GET', `/api/cases/${imported.body.id}/parties`);
    expect(parties.status).toBe(200);
    expect(parties.body[0].role).toBe('facilitator');
  });

  it('exports the agreed version by default, any snapshot on request, and refuses unknown snapshots', async () => {
    const { server } = await start();
    const original = await agreedCase(server.url);
    const client = await retitle(server.wsUrl, original);

    const byDefault = await exportOf(server.url, original.id, original.token);
    const signoffSnapshot = (await original.call('GET', '/snapshots')).body.find(
      (s: { kind: string }) => s.kind === 'signoff',
    );
    expect(byDefault.body.version).toMatchObject({
      source: signoffSnapshot.id,
      contentHash: original.hash,
      agreed: true,
    });
    expect(byDefault.body.model.facts.title).toBe(exampleCase().facts.title);

    const current = toModel(client.doc);
    const manual = await original.call('POST', '/snapshots', { name: 'Nu' });
    const snapshot = await exportOf(server.url, original.id, original.token, `?snapshot=${manual.body.id}`);
    expect(snapshot.body.version.source).toBe(manual.body.id);
    expect(snapshot.body.model.facts.title).toBe(current.facts.title);
    expect(snapshot.response.headers.get('content-disposition')).toMatch(/filename="aendret-titel-v[0-9a-f]{8}\.json"/);

    const missing = await exportOf(server.url, original.id, original.token, '?snapshot=nope');
    expect(missing.response.status).toBe(404);
    expect(missing.body.error.code).toBe('snapshotNotFound');
    const anonymous = await fetch(`${server.url}/api/cases/${original.id}/export.json`);
    expect(anonymous.status).toBe(401);
  });

  it('exports XLSX and PDF too, in either language, of the version asked for; unknown formats and languages are refused', async () => {
    const { server } = await start();
    const original = await agreedCase(server.url);
    await retitle(server.wsUrl, original);
    const get = (path: string) =>
      fetch(`${server.url}/api/cases/${original.id}${path}`, { headers: bearer(original.token) });

    // By default the agreed version, which still has the example's title.
    const xlsx = await get('/export.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('x-caseroom-content-hash')).toBe(original.hash);
    expect(xlsx.headers.get('x-caseroom-agreed')).toBe('true');
    expect(xlsx.headers.get('content-disposition')).toMatch(
      new RegExp(`filename="sygedagpenge-[a-z0-9-]*-v${original.hash.slice(0, 8)}\\.xlsx"`),
    );
    const zip = new Uint8Array(await xlsx.arrayBuffer());
    expect([...zip.slice(0, 2)]).toEqual([0x50, 0x4b]); // "PK": a zip container

    // The current version on request, the report in English.
    const pdf = await get('/export.pdf?version=current&lang=en');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-caseroom-version')).toBe('current');
    expect(pdf.headers.get('x-caseroom-agreed')).toBe('false');
    expect(pdf.headers.get('x-caseroom-content-hash')).not.toBe(original.hash);
    expect(pdf.headers.get('content-disposition')).toMatch(/filename="aendret-titel-v[0-9a-f]{8}-en\.pdf"/);
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');

    const unknown = await get('/export.odt');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Json).error.code).toBe('unknownFormat');
    const badLanguage = await get('/export.pdf?lang=sv');
    expect(badLanguage.status).toBe(400);
    expect(((await badLanguage.json()) as Json).error.message).toContain('lang');
    expect((await fetch(`${server.url}/api/cases/${original.id}/export.pdf`)).status).toBe(401);
  });

  it('imports a model written by hand with only the values a person would type', async () => {
    const { server } = await start();
    const handWritten = {
      schemaVersion: 1,
      facts: { title: 'Håndskrevet sag', horizonYears: 5, discountRate: 0.035 },
      outcomes: [
        { id: 'b', name: 'Job' },
        { id: 'a', name: 'Uddannelse' },
      ],
    };
    const imported = await importText(server.url, JSON.stringify(handWritten));
    expect(imported.status).toBe(201);
    const model = await api(server.url, imported.body.token, 'GET', `/api/cases/${imported.body.id}/model`);
    expect(model.body.facts.title).toBe('Håndskrevet sag');
    const byOrder = [...model.body.outcomes].sort((x: Json, y: Json) => (x.order < y.order ? -1 : 1));
    expect(byOrder.map((o: Json) => o.name)).toEqual(['Job', 'Uddannelse']);
  });

  it('refuses broken imports with a clear error and creates nothing', async () => {
    const { server, store } = await start();
    const original = await agreedCase(server.url);
    const text = (await exportOf(server.url, original.id, original.token)).text;
    const before = (await store.cases.list()).length;

    const truncated = await importText(server.url, text.slice(0, Math.floor(text.length / 2)));
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.code).toBe('invalidImport');
    expect(truncated.body.error.errors[0].message.en).toMatch(/not valid JSON.*line 1, column \d+/);

    const wrongTypes = JSON.parse(text);
    wrongTypes.model.outcomes[1].expectedRate = 'halvtreds';
    wrongTypes.model.facts.horizonYears = '10 år';
    const typed = await importText(server.url, JSON.stringify(wrongTypes));
    expect(typed.status).toBe(400);
    const da = typed.body.error.errors.map((e: { message: { da: string } }) => e.message.da);
    expect(da).toContain('Resultatmål 2 › Forventet andel med indsats: skal være et tal');
    expect(da).toContain('Tidshorisont: skal være et tal');
    expect(typed.body.error.errors[0].path).toBeInstanceOf(Array);

    const newer = await importText(server.url, JSON.stringify({ ...JSON.parse(text), schemaVersion: 99 }));
    expect(newer.status).toBe(400);
    expect(newer.body.error.errors[0].message.en).toMatch(
      new RegExp(`schema version 99.*at most version ${SCHEMA_VERSION}`),
    );

    const unknownNode = JSON.parse(text);
    unknownNode.model.problem.text = {
      type: 'doc',
      content: [{ type: 'script', content: [{ type: 'text', text: 'x' }] }],
    };
    const rich = await importText(server.url, JSON.stringify(unknownNode));
    expect(rich.status).toBe(400);
    expect(rich.body.error.errors[0].message.da).toMatch(/^Problembeskrivelse: teksten har opbygning/);

    for (const body of ['[1,2]', '"hello"', '42', '']) {
      const notObject = await importText(server.url, body);
      expect(notObject.status, body).toBe(400);
    }

    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
    const tooLarge = await importText(server.url, huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('importTooLarge');
    expect(tooLarge.body.error.errors[0].message.da).toMatch(/for stor/);

    expect((await store.cases.list()).length).toBe(before);
  });

  it('migrates a version-0 file', async () => {
    const { server } = await start();
    const { sources: _sources, ...facts } = exampleCase().facts;
    const v0 = {
      ...exampleCase(),
      schemaVersion: 0,
      facts,
      outcomes: exampleCase().outcomes.map(({ valuePerDepartment: _v, ...outcome }) => ({ ...outcome, value: 5000 })),
    };
    const imported = await importText(server.url, JSON.stringify(v0));
    expect(imported.status).toBe(201);
    const model = await api(server.url, imported.body.token, 'GET', `/api/cases/${imported.body.id}/model`);
    expect(model.body.schemaVersion).toBe(SCHEMA_VERSION);
    expect(model.body.outcomes[0].valuePerDepartment).toEqual({ [facts.departments[0]?.id as string]: 5000 });
  });

  it('keeps hostile content as inert, unchanged JSON strings', async () => {
    const { server } = await start();
    const hostile = ['<script>alert(1)</script>', '=HYPERLINK("http://x")', "=cmd|' /C calc'!A0"];
    const model = exampleCase();
    model.facts.title = `${hostile[0]} ${hostile[1]}`;
    model.outcomes.forEach((outcome, i) => {
      outcome.name = hostile[(i + 1) % hostile.length];
    });
    model.facts.departments[0] = { ...model.facts.departments[0], name: hostile[2] } as never;
    model.problem.text = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: hostile.join(' ') }] }],
    } as never;
    const imported = await importText(server.url, JSON.stringify(model));
    expect(imported.status).toBe(201);
    const exported = await exportOf(server.url, imported.body.id, imported.body.token);
    expect(exported.response.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/);
    expect(exported.response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[a-z0-9-]+-v[0-9a-f]{8}\.json"$/,
    );
    expect(exported.body.model.facts.title).toBe(model.facts.title);
    expect(exported.body.model.outcomes.map((o: { name: string }) => o.name)).toEqual(
      model.outcomes.map((o) => o.name),
    );
    expect(exported.body.model.facts.departments[0].name).toBe(hostile[2]);
    expect(JSON.stringify(exported.body.model.problem.text)).toContain(JSON.stringify(hostile.join(' ')).slice(1, -1));
    // The imported case opens like any other: a stock client syncs the same model.
    const client = await connectSynced(server.wsUrl, imported.body.id, { token: imported.body.token });
    clients.push(client);
    expect(toModel(client.doc)).toEqual(exported.body.model);
  });
});
