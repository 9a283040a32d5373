import {
  addItem,
  contentHash,
  getItem,
  readWorkshop,
  removeItem,
  sectionMap,
  setField,
  toModel,
  writeShortText,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectSynced, startTestServer, waitFor } from '../support/server.ts';
import { caseWithParties } from './accessFixtures.ts';

/** docs/workshop.md W11: snapshots of the Y.Doc state; what changed since; restore as an ordinary change. */
describe('[W11] history', () => {
  const { clients, servers } = cleanupAfterEach();

  /** The content sections of a model (everything but the phase, which is workshop state). */
  function content(model: ReturnType<typeof toModel>) {
    const { phase: _phase, ...facts } = model.facts;
    return { ...model, facts };
  }

  it('a named snapshot, its model, what changed since (da/en), and a restore that reproduces its model exactly', async () => {
    const server = await startTestServer();
    servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const call = (token: string, method: 'GET' | 'POST', path: string, body?: unknown) =>
      api(server.url, token, method, `/api/cases/${parties.id}${path}`, body);
    const editor = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    const observer = await connectSynced(server.wsUrl, parties.id, { token: parties.observer.token });
    clients.push(editor, observer);

    expect((await call(parties.editor.token, 'POST', '/snapshots', { name: 'x' })).status).toBe(403);
    const noName = await call(parties.facilitator, 'POST', '/snapshots', {});
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toMatch(/^name:/);
    const created = await call(parties.facilitator, 'POST', '/snapshots', { name: 'Før workshoppen' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Før workshoppen',
      kind: 'manual',
      createdByPartyId: expect.any(String),
    });
    const sid = created.body.id as string;
    const saved = toModel(editor.doc);
    const snapshotModel = (await call(parties.observer.token, 'GET', `/snapshots/${sid}/model`)).body;
    expect(snapshotModel).toEqual(saved);
    expect((await call(parties.observer.token, 'GET', '/snapshots/nope/model')).status).toBe(404);

    // Edits after the snapshot: a field, prose, an item added, an item removed, a value per department.
    editor.doc.transact(() => {
      writeShortText(sectionMap(editor.doc, 'facts')!, 'title', 'Ny titel');
      setField(
        getItem(editor.doc, 'intervention', 'int-ips')!.get('expectedRates') as Y.Map<unknown>,
        'out-employment',
        0.9,
      );
      const values = getItem(editor.doc, 'outcome', 'out-employment')!.get('valuePerDepartment') as Y.Map<unknown>;
      values.set('dep-jobcenter', 1);
      addItem(editor.doc, 'outcome', 'out-new', { name: 'Nyt mål' });
      removeItem(editor.doc, 'intervention', 'int-coordination');
      const rationale = sectionMap(editor.doc, 'interventions')!.get('rationale') as Y.XmlFragment;
      rationale.delete(0, rationale.length);
    });
    await waitFor(() => toModel(observer.doc).facts.title === 'Ny titel', { what: 'the edits' });

    const da = await call(parties.observer.token, 'GET', `/snapshots/${sid}/changes?lang=da`);
    expect(da.status).toBe(200);
    expect(da.body.count).toBeGreaterThanOrEqual(5);
    const sections = Object.fromEntries(
      (da.body.sections as { section: string; lines: string[] }[]).map((s) => [s.section, s.lines]),
    );
    expect(Object.keys(sections)).toEqual(['facts', 'interventions', 'outcomes']);
    expect(sections.facts!.join('\n')).toContain('Ny titel');
    expect(sections.outcomes!.join('\n')).toContain('Nyt mål');
    expect(sections.outcomes!.join('\n')).toContain('Jobcenter'); // department named, not its id
    const en = await call(parties.observer.token, 'GET', `/snapshots/${sid}/changes?lang=en`);
    expect(en.body.sections.find((s: { section: string }) => s.section === 'outcomes').lines.join('\n')).toContain(
      'added',
    );
    expect((await call(parties.observer.token, 'GET', `/snapshots/${sid}/changes?lang=de`)).status).toBe(400);

    // Restore: facilitator only; an ordinary change everyone receives; content equals the snapshot's.
    expect((await call(parties.editor.token, 'POST', `/snapshots/${sid}/restore`)).status).toBe(403);
    await call(parties.facilitator, 'POST', '/workshop/phase', { phase: 3 });
    const restored = await call(parties.facilitator, 'POST', `/snapshots/${sid}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.before).toMatchObject({ kind: 'manual' });
    await waitFor(() => toModel(observer.doc).facts.title === saved.facts.title, {
      what: 'the restore reaches clients',
    });
    for (const client of [editor, observer]) {
      expect(content(toModel(client.doc))).toEqual(content(saved));
      expect(contentHash(toModel(client.doc))).toBe(contentHash(saved));
    }
    const served = (await call(parties.facilitator, 'GET', '/model')).body;
    expect(content(served)).toEqual(content(saved));
    // The restore leaves the workshop record alone (the phase stays 3).
    expect(readWorkshop(observer.doc).phase).toBe(3);
    // Only the phase differs from the snapshot now; the pre-restore snapshot holds the edits.
    const since = (await call(parties.observer.token, 'GET', `/snapshots/${sid}/changes?lang=en`)).body;
    expect(since.count).toBe(1);
    expect(since.sections).toEqual([{ section: 'facts', lines: [expect.stringMatching(/^Phase/)] }]);
    const backup = (await call(parties.observer.token, 'GET', `/snapshots/${restored.body.before.id}/model`)).body;
    expect(backup.facts.title).toBe('Ny titel');
    // Listed newest first.
    const listed = (await call(parties.observer.token, 'GET', '/snapshots')).body as { id: string; kind: string }[];
    expect(listed.map((s) => s.kind)).toEqual(['manual', 'phase', 'manual']);
    expect(listed.at(-1)!.id).toBe(sid);
  });
});
