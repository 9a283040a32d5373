import type { Stores } from '@caseroom/server';
import {
  type CaseModelDraft,
  contentHash,
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  exampleCase,
  monteCarlo,
  type PortfolioAnswer,
  type PortfolioRow,
  price,
  pricingInputFromModel,
  reconcileModel,
  scenarioRangesFromModel,
  toModel,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { addMember, organisationKeyOf } from '../support/organisation.ts';
import {
  api,
  connectSynced,
  makeTempDataDir,
  openTestStores,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';

/**
 * The portfolio decodes a case it does not hold live once per change of it (server/CONTEXT.md,
 * "The fund's portfolio"; docs/access.md "Members and the portfolio"): a second request reads no
 * unchanged case's updates from the store again, and every change — an edit through the room,
 * a write by another process straight into the store, a sign-off, archive, restore, delete —
 * shows at the next request. Reads are counted through a wrapper around the server's stores.
 */
describe('the portfolio’s cache of stored cases', () => {
  const resources = cleanupAfterEach();

  type Started = { server: TestServer; store: Stores; memberToken: string; key: string; reads: Map<string, number> };

  async function start(): Promise<Started> {
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const store = await openTestStores(dataDir);
    const reads = new Map<string, number>();
    const updates = new Proxy(store.updates, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (property !== 'read' || typeof value !== 'function') return value;
        return (caseId: string) => {
          reads.set(caseId, (reads.get(caseId) ?? 0) + 1);
          return value.call(target, caseId);
        };
      },
    });
    // Documents nobody is connected to unload at once, so a test does not wait for it.
    const server = await startTestServer({ dataDir, stores: { ...store, updates }, unloadGraceMs: 50 });
    resources.servers.push(server);
    const key = organisationKeyOf(server);
    const member = await addMember(server, key, 'Ida Konsulent');
    return { server, store, memberToken: member.token, key, reads };
  }

  async function createCase({ server, key }: Started): Promise<{ id: string; token: string }> {
    const created = await api(server.url, key, 'POST', '/api/cases', { example: true });
    expect(created.status).toBe(201);
    return created.body as { id: string; token: string };
  }

  async function portfolio({ server, memberToken }: Started, archived = false): Promise<Map<string, PortfolioRow>> {
    const answer = await api(server.url, memberToken, 'GET', `/api/portfolio${archived ? '?archived=1' : ''}`);
    expect(answer.status).toBe(200);
    return new Map((answer.body as PortfolioAnswer).cases.map((row) => [row.caseId, row]));
  }

  /**
   * Edits the case as an editor's browser would, waits until the server has the edit, runs
   * `whileLoaded`, disconnects, and waits until the server has unloaded the case. Returns the
   * content hash of the edited model.
   */
  async function editAndLeave(
    started: Started,
    id: string,
    token: string,
    model: CaseModelDraft,
    whileLoaded: (hash: string) => Promise<void> = async () => {},
  ): Promise<string> {
    const { server } = started;
    const unloadedBefore = unloads(server, id);
    const client = await connectSynced(server.wsUrl, id, { token });
    let hash: string;
    try {
      reconcileModel(client.doc, model);
      hash = contentHash(toModel(client.doc));
      // While it is loaded, /model reads the live document: no stored read is counted.
      await waitFor(
        async () => contentHash((await api(server.url, token, 'GET', `/api/cases/${id}/model`)).body) === hash,
        { what: 'the edit on the server' },
      );
      await whileLoaded(hash);
    } finally {
      client.destroy();
    }
    await waitFor(() => unloads(server, id) > unloadedBefore, { what: `case ${id} unloaded` });
    return hash;
  }

  function unloads(server: TestServer, id: string): number {
    return server.logs.filter((line) => line.message === 'case unloaded' && line.fields.caseId === id).length;
  }

  /** The panel's figures for a model (price, and the Monte Carlo with the panel's seed). */
  function expectedFigures(model: CaseModelDraft) {
    const priced = pricingInputFromModel(model);
    if (!priced.ok) throw new Error(`not priced: ${priced.reason}`);
    const pricing = price(priced.input);
    const risk = monteCarlo(priced.input, scenarioRangesFromModel(model.paymentModel.scenarios), {
      seed: DEFAULT_SEED,
      iterations: DEFAULT_ITERATIONS,
    });
    return {
      authorityNpv: pricing.authorityNpv,
      publicSectorNpv: pricing.publicSectorNpv,
      investorIrr: pricing.investor.irr.ok ? pricing.investor.irr.rate : null,
      capitalNeeded: pricing.yearly.capital.reduce((sum, value) => sum + value, 0),
      probabilityInvestorLoses: risk.probabilityInvestorLoses,
    };
  }

  /** The example with its interventions' cost scaled, under another title. */
  function costing(factor: number, title: string): CaseModelDraft {
    const model = structuredClone(exampleCase());
    model.facts.title = title;
    for (const candidate of model.interventions.candidates) {
      if (candidate.costPerParticipant !== undefined) candidate.costPerParticipant *= factor;
    }
    return model;
  }

  it('a second request reads no unchanged stored case again, and answers the same rows', async () => {
    const started = await start();
    const ids = [(await createCase(started)).id, (await createCase(started)).id, (await createCase(started)).id];
    const first = await portfolio(started);
    expect([...first.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(started.reads.get(id), id).toBe(1);

    const second = await portfolio(started);
    const third = await portfolio(started);
    for (const id of ids) expect(started.reads.get(id), id).toBe(1);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('requests that miss at the same time decode each stored case once, and answer the same rows', async () => {
    const started = await start();
    const ids = [(await createCase(started)).id, (await createCase(started)).id];
    const answers = await Promise.all([portfolio(started), portfolio(started), portfolio(started)]);
    for (const id of ids) expect(started.reads.get(id), id).toBe(1);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('an edit through the room shows at the next request once the case is unloaded; the other cases are not read again', async () => {
    const started = await start();
    const edited = await createCase(started);
    const untouched = await createCase(started);
    const before = (await portfolio(started)).get(edited.id)!;
    expect(before.figures).toEqual(expectedFigures(exampleCase()));

    const cheaper = costing(0.5, 'Guldborgsund: halv pris');
    const hash = await editAndLeave(started, edited.id, edited.token, cheaper, async (liveHash) => {
      // Loaded: the row is read from the live document, so it shows the edit at once.
      expect((await portfolio(started)).get(edited.id)?.version.contentHash).toBe(liveHash);
    });
    const readsBefore = started.reads.get(edited.id)!;
    const after = (await portfolio(started)).get(edited.id)!;
    expect(started.reads.get(edited.id)).toBe(readsBefore + 1);
    expect(started.reads.get(untouched.id)).toBe(1);
    const stored = (await api(started.server.url, edited.token, 'GET', `/api/cases/${edited.id}/model`)).body;
    expect(contentHash(stored)).toBe(hash);
    expect(after.title).toBe('Guldborgsund: halv pris');
    expect(after.version).toEqual({ source: 'current', agreed: false, contentHash: hash });
    expect(after.figures).toEqual(expectedFigures(stored));
    expect(after.figures).not.toEqual(before.figures);
    // And it is kept again from then on.
    const readsNow = started.reads.get(edited.id)!;
    expect((await portfolio(started)).get(edited.id)).toEqual(after);
    expect(started.reads.get(edited.id)).toBe(readsNow);
  });

  it('a change written into the store by another process (no load here) shows at the next request', async () => {
    const started = await start();
    const { id } = await createCase(started);
    const before = (await portfolio(started)).get(id)!;

    // Another process owning the case appends an update to its log; this process is never told.
    const doc = new Y.Doc();
    for (const update of await started.store.updates.read(id)) Y.applyUpdate(doc, update);
    const vector = Y.encodeStateVector(doc);
    reconcileModel(doc, costing(2, 'Svendborg: dobbelt pris'));
    await started.store.updates.append(id, [Y.encodeStateAsUpdate(doc, vector)]);
    const changed = toModel(doc);
    doc.destroy();

    const after = (await portfolio(started)).get(id)!;
    expect(after.title).toBe('Svendborg: dobbelt pris');
    expect(after.version.contentHash).toBe(contentHash(changed));
    expect(after.figures).toEqual(expectedFigures(changed));
    expect(after.figures).not.toEqual(before.figures);

    // Compacted (the same content in one row): read again, the same row.
    const compactDoc = new Y.Doc();
    for (const update of await started.store.updates.read(id)) Y.applyUpdate(compactDoc, update);
    await started.store.updates.compact(id, Y.encodeStateAsUpdate(compactDoc));
    compactDoc.destroy();
    const readsBefore = started.reads.get(id)!;
    expect((await portfolio(started)).get(id)).toEqual(after);
    expect(started.reads.get(id)).toBe(readsBefore + 1);
  });

  it('a sign-off then a change, and a sign-off snapshot stored elsewhere: the stored case shows its agreed version, not the cached current one', async () => {
    const started = await start();
    const { server } = started;
    const { id, token } = await createCase(started);
    const other = await createCase(started);
    const signed = (await portfolio(started)).get(id)!;
    expect(signed.version.agreed).toBe(false);

    const me = await api(server.url, token, 'GET', `/api/cases/${id}/me`);
    const call = (method: 'PUT' | 'POST', path: string, body: unknown) =>
      api(server.url, token, method, `/api/cases/${id}${path}`, body);
    expect((await call('PUT', '/workshop/required-signers', { partyIds: [me.body.party.id] })).status).toBe(200);
    expect((await call('POST', '/workshop/signoffs', { hash: signed.version.contentHash })).status).toBe(201);
    await waitFor(async () => (await portfolio(started)).get(id)?.version.agreed === true, { what: 'agreed' });

    await editAndLeave(started, id, token, costing(3, 'Efter aftalen'));
    const after = (await portfolio(started)).get(id)!;
    expect(after.version.agreed).toBe(true);
    expect(after.version.source).not.toBe('current');
    expect(after.version.contentHash).toBe(signed.version.contentHash);
    expect(after.figures).toEqual(signed.figures);
    expect(after.title).toBe(signed.title);

    // A sign-off snapshot stored by another process, with no update to the case: shown at the next request.
    const cached = (await portfolio(started)).get(other.id)!;
    expect(cached.version.source).toBe('current');
    const signoff = (await started.store.snapshots.list(id)).find((info) => info.kind === 'signoff')!;
    const snapshot = (await started.store.snapshots.get(id, signoff.id))!;
    await started.store.snapshots.add({ ...snapshot, caseId: other.id, id: 'signed-elsewhere' });
    const shown = (await portfolio(started)).get(other.id)!;
    expect(shown.version).toEqual({
      source: 'signed-elsewhere',
      agreed: true,
      contentHash: signed.version.contentHash,
    });
  });

  it('archive, restore and delete show at the next request', async () => {
    const started = await start();
    const { server, key } = started;
    const kept = await createCase(started);
    const archived = await createCase(started);
    const deleted = await createCase(started);
    const first = await portfolio(started);
    expect(first.size).toBe(3);

    expect((await api(server.url, key, 'POST', `/api/cases/${archived.id}/archive`)).status).toBe(200);
    expect([...(await portfolio(started)).keys()].sort()).toEqual([kept.id, deleted.id].sort());
    const withArchived = await portfolio(started, true);
    expect(withArchived.get(archived.id)?.archivedAt).toEqual(expect.any(String));
    expect(withArchived.get(archived.id)?.figures).toEqual(first.get(archived.id)?.figures);

    expect((await api(server.url, key, 'POST', `/api/cases/${archived.id}/restore`)).status).toBe(200);
    const restored = (await portfolio(started)).get(archived.id);
    expect(restored?.archivedAt).toBeUndefined();
    expect(restored).toEqual(first.get(archived.id));

    const title = first.get(deleted.id)!.title;
    const gone = await api(server.url, key, 'POST', `/api/cases/${deleted.id}/delete`, { confirm: title });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    expect([...(await portfolio(started, true)).keys()].sort()).toEqual([kept.id, archived.id].sort());
  });
});
