/**
 * Issue 10, backups: a backup taken while 200 stock y-websocket clients edit 20 cases restores
 * to a server that serves every edit acknowledged before the backup started. "Acknowledged"
 * means another client had already received it: the server relays an edit only after its
 * SQLite transaction committed (server/CONTEXT.md, "Data flow of an edit"), so those are the
 * edits a person has seen arrive — the ones a backup must hold.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { backupDatabase, restoreDatabase } from '../../server/src/backup/index.ts';
import {
  type CreatedCase,
  connectClient,
  connectSynced,
  createCase,
  makeTempDataDir,
  type NodeClient,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';

const CASES = 20;
const CLIENTS_PER_CASE = 10;
/** Each client edits every this many ms (200 clients: ≈ 300 edits a second, each relayed to 9 others). */
const EDIT_EVERY_MS = 650;

/** Edits per editor, on average, acknowledged before the backup begins. */
const MIN_EDITS_EACH = 4;

/** One editing client: the key it writes in its case's facts, and how far it has counted. */
type Editor = { caseIndex: number; key: string; client: NodeClient; counter: number };

/** The prefix of the editors' keys in a case's facts (a new case has facts of its own). */
const EDITOR_KEY = 'backup-editor-';

/** The y-websocket message type of the server's refusals (server/src/sync/messages.ts). */
const MESSAGE_REFUSAL = 100;

const servers: TestServer[] = [];
const clients: NodeClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('[10] backup during a 200-client edit load', () => {
  it('restores to a server that serves every edit another client had received before the backup began', async () => {
    const server = await startTestServer();
    servers.push(server);
    const cases: CreatedCase[] = [];
    for (let c = 0; c < CASES; c++) cases.push(await createCase(server.url));

    // The highest count of each editor that another client of its case has received.
    const acknowledged = new Map<string, number>();
    let refusals = 0;
    const editors: Editor[] = [];
    for (let c = 0; c < CASES; c++) {
      const { id, token } = cases[c] as CreatedCase;
      for (let k = 0; k < CLIENTS_PER_CASE; k++) {
        const client = connectClient(server.wsUrl, id, { token, maxBackoffTime: 1_000 });
        clients.push(client);
        (client.provider.messageHandlers as unknown as Record<number, () => void>)[MESSAGE_REFUSAL] = () => {
          refusals++;
        };
        const facts = client.doc.getMap<string>('facts');
        facts.observe((event: Y.YMapEvent<string>) => {
          if (event.transaction.local) return;
          for (const key of event.keysChanged) {
            if (!key.startsWith(EDITOR_KEY)) continue;
            const value = Number(facts.get(key));
            if (value > (acknowledged.get(key) ?? 0)) acknowledged.set(key, value);
          }
        });
        editors.push({ caseIndex: c, key: `${EDITOR_KEY}${c}-${k}`, client, counter: 0 });
      }
    }
    await waitFor(() => clients.every((client) => client.provider.synced), {
      timeoutMs: 30_000,
      what: `${clients.length} clients to sync`,
    });

    const timers: NodeJS.Timeout[] = [];
    const edit = (editor: Editor) => {
      editor.counter++;
      editor.client.doc.getMap<string>('facts').set(editor.key, String(editor.counter));
    };
    for (const editor of editors) {
      // Spread out, each on its own clock.
      timers.push(
        setTimeout(() => timers.push(setInterval(() => edit(editor), EDIT_EVERY_MS)), Math.random() * EDIT_EVERY_MS),
      );
    }
    let file = '';
    let before = new Map<string, number>();
    let backupMs = 0;
    let backupBytes = 0;
    const acknowledgedCount = () => [...acknowledged.values()].reduce((sum, count) => sum + count, 0);
    try {
      // Until the load is well under way (by what was acknowledged, not by the clock: a shared
      // machine may be slow): most editors seen by others, several edits each on average.
      await waitFor(
        () => acknowledged.size >= editors.length * 0.9 && acknowledgedCount() >= editors.length * MIN_EDITS_EACH,
        { timeoutMs: 40_000, intervalMs: 100, what: 'the edit load to get going' },
      );
      // The edits acknowledged when the backup begins; the load goes on during and after it.
      before = new Map(acknowledged);
      const backupDir = makeTempDataDir('caseroom-backup-file-');
      dirs.push(backupDir);
      file = join(backupDir, 'caseroom.backup.sqlite');
      const result = await backupDatabase(server.dataDir, file);
      expect(result).toMatchObject({ ok: true });
      if (result.ok) ({ ms: backupMs, bytes: backupBytes } = result.report);
      const atBackupEnd = editors.reduce((sum, editor) => sum + editor.counter, 0);
      await waitFor(() => editors.reduce((sum, editor) => sum + editor.counter, 0) > atBackupEnd + editors.length, {
        timeoutMs: 20_000,
        intervalMs: 100,
        what: 'edits after the backup',
      });
    } finally {
      for (const timer of timers) clearInterval(timer);
    }
    const edits = editors.reduce((sum, editor) => sum + editor.counter, 0);
    const acknowledgedBefore = [...before.values()].reduce((sum, count) => sum + count, 0);
    for (const client of clients.splice(0)) client.destroy();
    await server.close();

    const restoredDir = join(makeTempDataDir('caseroom-restored-'), 'data');
    dirs.push(join(restoredDir, '..'));
    const restored = await restoreDatabase(file, restoredDir);
    expect(restored).toMatchObject({ ok: true, report: { cases: CASES } });
    const second = await startTestServer({ dataDir: restoredDir });
    servers.push(second);

    // A fresh client per case (the same links: token hashes are in the database) reads every editor's key.
    const missing: string[] = [];
    for (let c = 0; c < CASES; c++) {
      const { id, token } = cases[c] as CreatedCase;
      const reader = await connectSynced(second.wsUrl, id, { token });
      clients.push(reader);
      const facts = reader.doc.getMap<string>('facts');
      for (const editor of editors.filter((each) => each.caseIndex === c)) {
        const held = Number(facts.get(editor.key) ?? 0);
        const needed = before.get(editor.key) ?? 0;
        // An editor's later value supersedes its earlier ones, and carries them (Yjs applies one client's edits in order).
        if (held < needed) missing.push(`case ${c} ${editor.key}: restored ${held}, acknowledged ${needed}`);
      }
    }
    console.log(
      `backup under load: ${editors.length} clients over ${CASES} cases, ${edits} edits in all, ${acknowledgedBefore} acknowledged before the backup began; backup of ${(backupBytes / 1024).toFixed(0)} KiB took ${backupMs.toFixed(0)} ms (event loop shared with the server and the clients); restored ${CASES} cases, ${missing.length} acknowledged edits missing`,
    );
    expect(missing).toEqual([]);
    expect(refusals).toBe(0);
    // The load was real: most editors had edits acknowledged before the backup, and edits went on after it.
    expect(before.size).toBeGreaterThan(editors.length * 0.9);
    expect(acknowledgedBefore).toBeGreaterThanOrEqual(editors.length * MIN_EDITS_EACH);
    expect(edits).toBeGreaterThan(acknowledgedBefore);
  }, 90_000);
});
