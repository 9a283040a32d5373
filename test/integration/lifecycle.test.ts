/**
 * Issue 15, the case lifecycle (docs/access.md "Archive, delete, retention", "Personal data"):
 * an archived case refuses edits over the websocket and HTTP and is restored; a deleted case
 * leaves no row in any table (scanned from the database's own catalogue) nor in a backup taken
 * afterwards; a template copy carries the model and no record, sign-off, comment or token;
 * personal data lists the names and comments; the retention sweep deletes with a fake clock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloseCode, contentHash, sectionMap, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../server/src/backup/index.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  connectSynced,
  createCase,
  makeTempDataDir,
  openRawSocket,
  openTestStores,
  startTestServer,
  testsUsePostgres,
  waitFor,
} from '../support/server.ts';
import { caseWithParties, pause, recordCloses, waitForClose } from './accessFixtures.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('the case lifecycle (issue 15)', () => {
  const { clients, sockets, servers, dirs } = cleanupAfterEach();

  async function server(options: Parameters<typeof startTestServer>[0] = {}) {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const started = await startTestServer({ dataDir, ...options });
    servers.push(started);
    const organisationKey = readFileSync(join(dataDir, 'organisation-key'), 'utf8').trim();
    return { ...started, organisationKey };
  }

  it('an archived case closes its connections, refuses new ones and every HTTP write, stays readable and exportable, leaves the lists, and is restored', async () => {
    const s = await server();
    const parties = await caseWithParties(s.url, { example: true });
    const id = parties.id;
    const editor = await connectSynced(s.wsUrl, id, { token: parties.editor.token });
    clients.push(editor);
    const closes = recordCloses(editor);

    // An editor may not archive; the facilitator may.
    expect((await api(s.url, parties.editor.token, 'POST', `/api/cases/${id}/archive`)).status).toBe(403);
    const archived = await api(s.url, parties.facilitator, 'POST', `/api/cases/${id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    await waitForClose(closes, CloseCode.CaseArchived);
    editor.destroy();

    const raw = await openRawSocket(s.wsUrl, id, parties.editor.token);
    sockets.push(raw);
    expect((await raw.closed).code).toBe(CloseCode.CaseArchived);

    const comment = await api(s.url, parties.editor.token, 'POST', `/api/cases/${id}/workshop/comments`, {
      itemPath: 'problem',
      text: 'Må ikke komme igennem',
    });
    expect(comment.status).toBe(409);
    expect(comment.body.error.code).toBe('caseArchived');
    const invite = await api(s.url, parties.facilitator, 'POST', `/api/cases/${id}/parties`, {
      name: 'Ny',
      kind: 'department',
      role: 'editor',
    });
    expect(invite.body.error.code).toBe('caseArchived');
    expect((await api(s.url, parties.editor.token, 'GET', `/api/cases/${id}/model`)).status).toBe(200);
    expect((await api(s.url, parties.editor.token, 'GET', `/api/cases/${id}/workshop`)).status).toBe(200);
    const exported = await fetch(`${s.url}/api/cases/${id}/export.json`, {
      headers: { authorization: `Bearer ${parties.editor.token}` },
    });
    expect(exported.status).toBe(200);

    expect((await api(s.url, parties.facilitator, 'GET', '/api/cases')).body).toEqual([]);
    const withArchived = await api(s.url, parties.facilitator, 'GET', '/api/cases?archived=1');
    expect(withArchived.body.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(withArchived.body[0].archivedAt).toBe(archived.body.archivedAt);

    // Restored: listed, connectable and writable again.
    const restored = await api(s.url, parties.facilitator, 'POST', `/api/cases/${id}/restore`);
    expect(restored.body).toEqual({ id, archivedAt: null });
    expect((await api(s.url, parties.facilitator, 'GET', '/api/cases')).body.map((c: { id: string }) => c.id)).toEqual([
      id,
    ]);
    const again = await connectSynced(s.wsUrl, id, { token: parties.editor.token });
    clients.push(again);
    again.doc.transact(() => writeShortText(sectionMap(again.doc, 'facts') as never, 'title', 'Tilbage igen'));
    await waitFor(
      async () =>
        (await api(s.url, parties.facilitator, 'GET', `/api/cases/${id}/model`)).body.facts.title === 'Tilbage igen',
      {
        what: 'the edit after restoring',
      },
    );
    const after = await api(s.url, parties.editor.token, 'POST', `/api/cases/${id}/workshop/comments`, {
      itemPath: 'problem',
      text: 'Nu igen',
    });
    expect(after.status).toBe(201);
  });

  it('a deleted case leaves no row in any table and none in a backup taken after; its links stop at once; another case is untouched', async () => {
    const s = await server();
    const doomed = await caseWithParties(s.url, { example: true });
    const kept = await createCase(s.url, { example: true });
    const call = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(s.url, doomed.facilitator, method, `/api/cases/${doomed.id}${path}`, body);
    const secret = 'Fortroligt-notat-7c1e';
    const editor = await connectSynced(s.wsUrl, doomed.id, { token: doomed.editor.token });
    clients.push(editor);
    const closes = recordCloses(editor);
    editor.doc.transact(() => writeShortText(sectionMap(editor.doc, 'facts') as never, 'title', 'Slettes'));
    await waitFor(async () => (await call('GET', '/model')).body.facts.title === 'Slettes', { what: 'the edit' });
    expect(
      (
        await api(s.url, doomed.editor.token, 'POST', `/api/cases/${doomed.id}/workshop/comments`, {
          itemPath: 'problem',
          text: secret,
        })
      ).status,
    ).toBe(201);
    expect((await call('POST', '/workshop/decisions', { text: 'Vi beslutter noget' })).status).toBe(201);
    expect((await call('POST', '/snapshots', { name: 'Før' })).status).toBe(201);
    const hash = (await call('GET', '/workshop')).body.contentHash;
    expect((await call('POST', '/workshop/signoffs', { hash })).status).toBe(201);
    await waitFor(async () => (await call('GET', '/activity')).body.length > 0, { what: 'activity' });

    const wrong = await call('POST', '/delete', { confirm: 'Forkert titel' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('deleteNotConfirmed');
    const deleted = await call('POST', '/delete', { confirm: 'Slettes' });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: doomed.id, deleted: true });
    await waitForClose(closes, CloseCode.CaseNotFound);

    expect((await call('GET', '/model')).status).toBe(404);
    const raw = await openRawSocket(s.wsUrl, doomed.id, doomed.editor.token);
    sockets.push(raw);
    expect((await raw.closed).code).toBe(CloseCode.CaseNotFound);

    const stores = await openTestStores(s.dataDir);
    try {
      expect(await stores.tablesContaining(doomed.id)).toEqual([]);
      expect(await stores.tablesContaining(secret)).toEqual([]);
      expect(await stores.tablesContaining(kept.id)).toEqual(
        expect.arrayContaining(['cases', 'updates', 'parties', 'tokens']),
      );
    } finally {
      await stores.close();
    }
    expect((await api(s.url, kept.token, 'GET', `/api/cases/${kept.id}/model`)).status).toBe(200);

    if (!testsUsePostgres()) {
      // The SQLite file zeroes what it deletes (secure_delete): a backup taken now has no trace of it.
      const file = join(s.dataDir, '..', `${doomed.id}-after-delete.sqlite`);
      dirs.push(file);
      const backup = await backupDatabase(s.dataDir, file);
      expect(backup.ok).toBe(true);
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(doomed.id))).toBe(false);
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
      expect(bytes.includes(Buffer.from(kept.id))).toBe(true);
    }
  });

  it('a template copy has the model and none of the record, sign-offs, comments, snapshots, activity, parties or tokens; the original’s links do not open it', async () => {
    const s = await server();
    const source = await caseWithParties(s.url, { example: true });
    const call = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(s.url, source.facilitator, method, `/api/cases/${source.id}${path}`, body);
    expect((await call('POST', '/workshop/comments', { itemPath: 'problem', text: 'En kommentar' })).status).toBe(201);
    expect((await call('POST', '/workshop/decisions', { text: 'En beslutning' })).status).toBe(201);
    const hash = (await call('GET', '/workshop')).body.contentHash;
    expect((await call('POST', '/workshop/signoffs', { hash })).status).toBe(201);
    expect((await call('POST', '/snapshots', { name: 'Version 1' })).status).toBe(201);
    const sourceModel = (await call('GET', '/model')).body;

    // An editor may not copy; the organisation key may, as may the facilitator.
    expect((await api(s.url, source.editor.token, 'POST', `/api/cases/${source.id}/template`, {})).status).toBe(403);
    const copy = await api(s.url, s.organisationKey, 'POST', `/api/cases/${source.id}/template`, {});
    expect(copy.status).toBe(201);
    expect(copy.body.link).toContain(`/case/${copy.body.id}#token=`);
    const copyCall = (method: 'GET', path: string) =>
      api(s.url, copy.body.token, method, `/api/cases/${copy.body.id}${path}`);

    const copyModel = (await copyCall('GET', '/model')).body;
    expect(copyModel.facts.title).toBe(`Kopi af ${sourceModel.facts.title}`);
    expect(sourceModel.facts.phase).not.toBe(1);
    expect(copyModel.facts.phase).toBe(1);
    expect({ ...copyModel, facts: { ...copyModel.facts, title: '', phase: 0 } }).toEqual({
      ...sourceModel,
      facts: { ...sourceModel.facts, title: '', phase: 0 },
    });
    const { workshop } = (await copyCall('GET', '/workshop')).body;
    expect(workshop.decisions).toEqual({});
    expect(workshop.signoffs).toEqual({});
    expect(workshop.phase).toBe(1);
    expect((await copyCall('GET', '/snapshots')).body).toEqual([]);
    expect((await copyCall('GET', '/activity')).body).toEqual([]);
    const parties = (await copyCall('GET', '/parties')).body;
    expect(parties).toHaveLength(1);
    expect(parties[0].role).toBe('facilitator');
    const personal = (await copyCall('GET', '/personal-data')).body;
    expect(personal.comments).toEqual([]);
    expect(personal.signoffs).toEqual([]);
    expect(personal.decisions).toEqual([]);

    for (const token of [source.facilitator, source.editor.token, source.observer.token]) {
      expect((await api(s.url, token, 'GET', `/api/cases/${copy.body.id}/model`)).status).toBe(403);
    }
    // The original's sign-off is on the original's content: nothing of it carries over.
    expect(contentHash(copyModel)).not.toBe(hash);
  });

  it('personal data lists every party name, the names on sign-offs and decisions, every comment with its author, and activity', async () => {
    const s = await server();
    const c = await caseWithParties(s.url, { example: true });
    const editorCall = (path: string, body: unknown) =>
      api(s.url, c.editor.token, 'POST', `/api/cases/${c.id}${path}`, body);
    expect(
      (await editorCall('/workshop/comments', { itemPath: 'problem', text: 'Hvem betaler for IPS?' })).status,
    ).toBe(201);
    expect(
      (await api(s.url, c.facilitator, 'POST', `/api/cases/${c.id}/workshop/decisions`, { text: 'IPS er valgt' }))
        .status,
    ).toBe(201);
    const editor = await connectSynced(s.wsUrl, c.id, { token: c.editor.token });
    clients.push(editor);
    editor.doc.transact(() =>
      writeShortText(sectionMap(editor.doc, 'facts') as never, 'title', 'Rettet af jobcentret'),
    );
    await waitFor(
      async () =>
        (await api(s.url, c.facilitator, 'GET', `/api/cases/${c.id}/model`)).body.facts.title ===
        'Rettet af jobcentret',
      {
        what: 'the edit',
      },
    );

    expect((await api(s.url, c.editor.token, 'GET', `/api/cases/${c.id}/personal-data`)).status).toBe(403);
    const byKey = await api(s.url, s.organisationKey, 'GET', `/api/cases/${c.id}/personal-data`);
    expect(byKey.status).toBe(200);
    const data = (await api(s.url, c.facilitator, 'GET', `/api/cases/${c.id}/personal-data`)).body;
    expect(data.parties.map((p: { name: string }) => p.name).sort()).toEqual(
      [c.editor.party.name, c.observer.party.name, 'Facilitator'].sort(),
    );
    expect(data.comments).toEqual([
      expect.objectContaining({
        text: 'Hvem betaler for IPS?',
        partyName: c.editor.party.name,
        partyId: c.editor.party.id,
      }),
    ]);
    expect(data.decisions).toEqual([expect.objectContaining({ text: 'IPS er valgt', partyName: 'Facilitator' })]);
    expect(data.activity).toEqual(
      expect.arrayContaining([expect.objectContaining({ partyName: c.editor.party.name, section: 'facts' })]),
    );
  });

  it('the retention sweep deletes cases archived longer than the organisation keeps them (fake clock), and only those', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const s = await server({ now: () => now, retentionSweepMs: 30 });
    const old = await createCase(s.url, { example: true });
    const recent = await createCase(s.url, { example: true });
    const active = await createCase(s.url, { example: true });

    expect((await api(s.url, old.token, 'PUT', '/api/organisation/retention', { days: 30 })).status).toBe(403);
    expect((await api(s.url, s.organisationKey, 'PUT', '/api/organisation/retention', { days: 0 })).status).toBe(400);
    const set = await api(s.url, s.organisationKey, 'PUT', '/api/organisation/retention', { days: 30 });
    expect(set.body).toEqual({ retentionDays: 30 });

    expect((await api(s.url, old.token, 'POST', `/api/cases/${old.id}/archive`)).status).toBe(200);
    now += 10 * DAY;
    expect((await api(s.url, recent.token, 'POST', `/api/cases/${recent.id}/archive`)).status).toBe(200);
    now += 19 * DAY;
    await pause(150);
    expect((await api(s.url, old.token, 'GET', `/api/cases/${old.id}/model`)).status).toBe(200);

    now += 2 * DAY; // the first archived 31 days ago, the second 21
    await waitFor(async () => (await api(s.url, old.token, 'GET', `/api/cases/${old.id}/model`)).status === 404, {
      what: 'the sweep to delete the old case',
    });
    expect((await api(s.url, recent.token, 'GET', `/api/cases/${recent.id}/model`)).status).toBe(200);
    expect((await api(s.url, active.token, 'GET', `/api/cases/${active.id}/model`)).status).toBe(200);

    // Cleared: nothing more is deleted.
    expect((await api(s.url, s.organisationKey, 'PUT', '/api/organisation/retention', { days: null })).status).toBe(
      200,
    );
    now += 100 * DAY;
    await pause(150);
    expect((await api(s.url, recent.token, 'GET', `/api/cases/${recent.id}/model`)).status).toBe(200);
  });
});
