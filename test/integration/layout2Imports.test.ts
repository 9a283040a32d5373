import { hashToken, MAX_IMPORT_BYTES, newToken } from '@caseroom/server';
import {
  asLayout1,
  buildCaseExport,
  businessCase,
  type CaseModelDraft,
  contentHash,
  exampleCase,
  getItem,
  ITEM_CHILDREN,
  type ItemKind,
  initCaseDoc,
  LAYOUT_VERSION,
  LISTS,
  layoutVersion,
  listMap,
  newestLayout,
  parseCaseImport,
  readWorkshop,
  removeItem,
  SECTION_CHILDREN,
  sectionMap,
  shortTextHome,
  toModel,
  workshopChild,
  writeModel,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  connectSynced,
  makeTempDataDir,
  type NodeClient,
  openTestStores,
  startTestServer,
  waitFor,
} from '../support/server.ts';

/**
 * Issue 11: every way an older case comes back in lands in document layout 2 (short texts as
 * Y.Text, `meta.layoutVersion` current) with its figures unchanged — an import of an older
 * JSON file, an import of an export a layout-1 version made, and the restore of a saved
 * version (snapshot) taken before the upgrade, whose sign-off is valid again afterwards. Real
 * server on port 0, real SQLite files.
 */

/** The example case as a document of layout 1 (short texts as strings), as stored before issue 11. */
function layout1Case(): Y.Doc {
  const doc = new Y.Doc();
  initCaseDoc(doc, { startYear: 2027, priceYear: 2026 });
  writeModel(doc, exampleCase());
  asLayout1(doc);
  expect(layoutVersion(doc)).toBe(1);
  return doc;
}

/** Where each short text of a document is, with what is stored there (a Y.Text in layout 2). */
function shortTextValues(doc: Y.Doc): { path: string; value: unknown }[] {
  const found: { path: string; value: unknown }[] = [];
  for (const [section, children] of Object.entries(SECTION_CHILDREN)) {
    const map = sectionMap(doc, section as keyof typeof SECTION_CHILDREN);
    for (const path of children.shortText) {
      const home = map && shortTextHome(map, path);
      found.push({ path: `${section}/${path}`, value: home?.map.get(home.key) });
    }
  }
  for (const kind of Object.keys(LISTS) as ItemKind[]) {
    listMap(doc, kind)?.forEach((item, id) => {
      for (const key of ITEM_CHILDREN[kind].shortText) {
        found.push({ path: `${kind}/${id}/${key}`, value: (item as Y.Map<unknown>).get(key) });
      }
    });
  }
  return found;
}

/** The document is layout 2: its version says so and every short text is a Y.Text. */
function expectLayout2(doc: Y.Doc): void {
  expect(LAYOUT_VERSION).toBe(newestLayout());
  expect(layoutVersion(doc)).toBe(LAYOUT_VERSION);
  const values = shortTextValues(doc);
  expect(values.length).toBeGreaterThan(10);
  for (const { path, value } of values) expect(value, path).toBeInstanceOf(Y.Text);
}

/** The priced business case of a model: every figure the panel, PDF and XLSX show. */
function figures(model: CaseModelDraft) {
  return businessCase(model).priced;
}

describe('issue 11: older cases come back in layout 2', () => {
  const { clients, servers, dirs } = cleanupAfterEach();

  async function importJson(url: string, body: unknown): Promise<{ id: string; token: string }> {
    const response = await fetch(`${url}/api/cases/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; token: string };
  }

  async function open(wsUrl: string, id: string, token: string): Promise<NodeClient> {
    const client = await connectSynced(wsUrl, id, { token });
    clients.push(client);
    return client;
  }

  it('an import of a version-0 JSON file is a layout-2 case with the same figures', async () => {
    const server = await startTestServer();
    servers.push(server);
    const { sources: _sources, ...facts } = exampleCase().facts;
    const v0 = {
      ...exampleCase(),
      schemaVersion: 0,
      facts,
      outcomes: exampleCase().outcomes.map(({ valuePerDepartment, ...outcome }) => ({
        ...outcome,
        value: valuePerDepartment[facts.departments[0]?.id as string],
      })),
    };
    const imported = await importJson(server.url, v0);
    const client = await open(server.wsUrl, imported.id, imported.token);
    expectLayout2(client.doc);
    const served = (await api(server.url, imported.token, 'GET', `/api/cases/${imported.id}/model`)).body;
    // What the file says once migrated to the current schema, read by the same parser.
    const parsed = parseCaseImport(JSON.stringify(v0), { maxBytes: MAX_IMPORT_BYTES });
    if (!parsed.ok) throw new Error('the version-0 file does not parse');
    expect(parsed.fromSchemaVersion).toBe(0);
    expect(served.facts.title).toBe(exampleCase().facts.title);
    expect(toModel(client.doc)).toEqual(served);
    expect(contentHash(served)).toBe(contentHash(parsed.model));
    expect(figures(served)).toEqual(figures(parsed.model));
    // Nobody wrote after the import: the case was built in layout 2, not migrated on load.
    expect(server.logs.some((line) => line.message === 'case migrated')).toBe(false);
  });

  it('an import of the JSON export a layout-1 version made keeps every figure, in layout 2', async () => {
    const server = await startTestServer();
    servers.push(server);
    const old = layout1Case();
    const oldModel = toModel(old);
    const exported = buildCaseExport({
      caseId: 'layout1CaseAAAAAAAAAAA',
      model: oldModel,
      workshop: readWorkshop(old),
      source: 'current',
      now: new Date('2026-06-01T10:00:00.000Z'),
    });
    const imported = await importJson(server.url, exported);
    const client = await open(server.wsUrl, imported.id, imported.token);
    expectLayout2(client.doc);
    const model = toModel(client.doc);
    expect(contentHash(model)).toBe(contentHash(oldModel));
    expect(figures(model)).toEqual(figures(oldModel));
  });

  it('a saved version from before the upgrade restores in layout 2, every figure kept, its sign-off valid again', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    // Before the upgrade: the example case, signed by the facilitator and kept as a saved
    // version (and as the sign-off's own snapshot); then edited — a figure, an item removed —
    // so the sign-off no longer matches.
    const doc = layout1Case();
    const signedModel = toModel(doc);
    const signedHash = contentHash(signedModel);
    const facilitatorToken = newToken();
    const partyId = 'party-facilitator';
    doc.transact(() => {
      workshopChild(doc, 'signoffs')?.set(partyId, {
        hash: signedHash,
        partyName: 'Facilitator',
        at: '2026-05-01T09:00:00.000Z',
      });
      workshopChild(doc, 'requiredSigners')?.set(partyId, { partyName: 'Facilitator' });
    });
    const savedState = Y.encodeStateAsUpdate(doc);
    doc.transact(() => {
      getItem(doc, 'outcome', 'out-employment')?.set('expectedRate', 0.9);
      getItem(doc, 'outcome', 'out-employment')?.set('name', 'Beskæftigelse (ændret)');
      removeItem(doc, 'intervention', 'int-coordination');
    });
    expect(layoutVersion(doc)).toBe(1);
    expect(contentHash(toModel(doc))).not.toBe(signedHash);
    const store = await openTestStores(dataDir);
    const caseId = 'layout1CaseBBBBBBBBBBB';
    try {
      await store.cases.create({
        id: caseId,
        createdAt: 1_700_000_000_000,
        initialState: Y.encodeStateAsUpdate(doc),
        summary: { title: signedModel.facts.title, municipality: undefined, phase: undefined },
        founder: {
          party: {
            id: partyId,
            caseId,
            name: 'Facilitator',
            kind: 'facilitator',
            role: 'facilitator',
            departmentId: undefined,
          },
          tokenHash: hashToken(facilitatorToken),
          createdAt: 1_700_000_000_000,
        },
      });
      await store.snapshots.add({
        id: 'beforeUpgradeSnapshot',
        caseId,
        name: 'Før opdateringen',
        kind: 'manual',
        createdAt: 1_700_000_100_000,
        createdByPartyId: partyId,
        state: savedState,
      });
    } finally {
      await store.close();
    }

    const server = await startTestServer({ dataDir });
    servers.push(server);
    const call = (method: 'GET' | 'POST', path: string, body?: unknown) =>
      api(server.url, facilitatorToken, method, `/api/cases/${caseId}${path}`, body);
    const client = await open(server.wsUrl, caseId, facilitatorToken);
    expectLayout2(client.doc); // migrated on load
    expect((await call('GET', '/workshop')).body.agreed).toBe(false);
    // The saved version reads as it was saved.
    expect((await call('GET', '/snapshots/beforeUpgradeSnapshot/model')).body).toEqual(signedModel);

    const restored = await call('POST', '/snapshots/beforeUpgradeSnapshot/restore');
    expect(restored.status).toBe(200);
    await waitFor(() => contentHash(toModel(client.doc)) === signedHash, { what: 'the restore reaches the client' });
    expectLayout2(client.doc);
    expect(getItem(client.doc, 'intervention', 'int-coordination')).toBeDefined();
    expect(toModel(client.doc)).toEqual(signedModel);
    expect(figures(toModel(client.doc))).toEqual(figures(signedModel));
    const workshop = (await call('GET', '/workshop')).body;
    expect(workshop.contentHash).toBe(signedHash);
    expect(workshop.agreed).toBe(true);

    // The same after a restart: the restored case is stored in layout 2 and not migrated again.
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const again = await startTestServer({ dataDir });
    servers.push(again);
    const reopened = await open(again.wsUrl, caseId, facilitatorToken);
    expectLayout2(reopened.doc);
    expect(contentHash(toModel(reopened.doc))).toBe(signedHash);
    expect(again.logs.some((line) => line.message === 'case migrated')).toBe(false);
    expect(server.logs.filter((line) => line.message === 'case migrated')).toHaveLength(1);
  });
});
