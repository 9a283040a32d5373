import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Stores } from '../../server/src/storage/Stores.ts';
import { openSqliteStores } from '../../server/src/storage/sqliteStores.ts';
import { BACKUP_EXIT, defaultDataDir, isBackupCli, runBackupCli } from './backupCommand.ts';

let root: string;
let dataDir: string;
let stores: Stores;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'caseroom-cli-backup-'));
  dataDir = join(root, 'data');
  // Open, as a running server holds it: a backup is taken while people edit.
  stores = await openSqliteStores(dataDir);
  for (const id of ['holbaek', 'svendborg']) {
    const doc = new Y.Doc();
    doc.getMap('facts').set('municipality', id);
    await stores.cases.create({
      id,
      createdAt: Date.now(),
      initialState: Y.encodeStateAsUpdate(doc),
      summary: { title: id, municipality: id, phase: 1 },
    });
  }
});
afterEach(async () => {
  await stores.close();
  rmSync(root, { recursive: true, force: true });
});

describe('caseroom backup / restore', () => {
  it('backup then restore: exit 0, what was written and how to start on it; the restored store has the cases', async () => {
    const file = join(root, 'caseroom-2026-03-01.sqlite');
    const backup = await runBackupCli(['backup', file, '--data-dir', dataDir]);
    expect(backup).toMatchObject({ exitCode: BACKUP_EXIT.done, toStderr: false });
    expect(backup.output).toContain(`Sikkerhedskopi skrevet til ${file}: 2 sager`);
    expect(backup.output).toContain('organisation-key');
    const target = join(root, 'restored');
    const restore = await runBackupCli(['restore', file, '--data-dir', target, '--lang', 'en']);
    expect(restore).toMatchObject({ exitCode: BACKUP_EXIT.done, toStderr: false });
    expect(restore.output).toContain(`Restored into ${target}: 2 cases`);
    expect(restore.output).toContain(`CASEROOM_DATA_DIR=${target}`);
    const restored = await openSqliteStores(target);
    expect((await restored.cases.list()).map((record) => record.id).sort()).toEqual(['holbaek', 'svendborg']);
    await restored.close();
  });

  it('the data directory is CASEROOM_DATA_DIR, else ./data, when --data-dir is not given', async () => {
    expect(defaultDataDir({ CASEROOM_DATA_DIR: dataDir })).toBe(dataDir);
    expect(defaultDataDir({})).toBe(join(process.cwd(), 'data'));
    const file = join(root, 'from-env.sqlite');
    const result = await runBackupCli(['backup', file], { CASEROOM_DATA_DIR: dataDir });
    expect(result.exitCode).toBe(BACKUP_EXIT.done);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses, on standard error with exit 1, to overwrite a file or restore into a directory that holds data', async () => {
    const file = join(root, 'twice.sqlite');
    await runBackupCli(['backup', file, '--data-dir', dataDir]);
    const again = await runBackupCli(['backup', file, '--data-dir', dataDir, '--lang', 'en']);
    expect(again).toMatchObject({ exitCode: BACKUP_EXIT.refused, toStderr: true });
    expect(again.output).toBe(
      `${file} already exists. A backup never overwrites anything: choose a new file name, e.g. with the date and time.`,
    );
    const intoLive = await runBackupCli(['restore', file, '--data-dir', dataDir]);
    expect(intoLive).toMatchObject({ exitCode: BACKUP_EXIT.refused, toStderr: true });
    expect(intoLive.output).toContain(`Datamappen ${dataDir} er ikke tom (den indeholder caseroom.sqlite`);
  });

  it('says what is wrong with a file that is not a backup, and where there is nothing to back up', async () => {
    const notes = join(root, 'notes.txt');
    writeFileSync(notes, 'Dagsorden for workshoppen\n'.repeat(100));
    const notSqlite = await runBackupCli(['restore', notes, '--data-dir', join(root, 'new'), '--lang', 'en']);
    expect(notSqlite.exitCode).toBe(BACKUP_EXIT.refused);
    expect(notSqlite.output).toMatch(new RegExp(`^${notes} is not an SQLite database \\(`));
    const missing = await runBackupCli(['restore', join(root, 'nope.sqlite'), '--data-dir', join(root, 'new')]);
    expect(missing.output).toBe(`Filen ${join(root, 'nope.sqlite')} findes ikke.`);
    const nothing = await runBackupCli(['backup', join(root, 'b.sqlite'), '--data-dir', join(root, 'empty')]);
    expect(nothing.exitCode).toBe(BACKUP_EXIT.refused);
    expect(nothing.output).toContain(`Ingen Caseroom-database i ${join(root, 'empty')}`);
    expect(existsSync(join(root, 'new'))).toBe(false);
  });

  it('wrong use: exit 2 with the usage (no file, two files, an unknown option, a bad language)', async () => {
    const cases: [string[], string][] = [
      [['backup'], 'Angiv filen'],
      [['restore', 'a.sqlite', 'b.sqlite'], 'Angiv kun én fil (fik: a.sqlite, b.sqlite).'],
      [['backup', 'a.sqlite', '--force'], "Unknown option '--force'"],
      [['backup', 'a.sqlite', '--lang', 'sv'], 'Invalid value for --lang: sv (da or en).'],
    ];
    for (const [argv, message] of cases) {
      const result = await runBackupCli(argv);
      expect(result.exitCode, argv.join(' ')).toBe(BACKUP_EXIT.usage);
      expect(result.toStderr).toBe(true);
      expect(result.output, argv.join(' ')).toContain(message);
      expect(result.output).toMatch(/(Brug|Usage): caseroom backup <(fil|file)>/);
    }
  });

  it('isBackupCli picks out backup and restore only', () => {
    expect(isBackupCli(['backup', 'x'])).toBe(true);
    expect(isBackupCli(['restore', 'x'])).toBe(true);
    expect(isBackupCli(['price', 'x'])).toBe(false);
    expect(isBackupCli([])).toBe(false);
  });
});
