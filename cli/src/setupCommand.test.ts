import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureFirstOrganisation } from '../../server/src/access/firstOrganisation.ts';
import { OrganisationAccess } from '../../server/src/access/OrganisationAccess.ts';
import { silentLog } from '../../server/src/log.ts';
import { DataDirLock } from '../../server/src/storage/DataDirLock.ts';
import { SqliteDocumentStore } from '../../server/src/storage/SqliteDocumentStore.ts';
import { runSetupCli, SETUP_EXIT, setupOrganisation } from './setupCommand.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseroom-setup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('caseroom setup', () => {
  it('creates the first organisation with its key in an owner-only file; the key is shown only to a terminal', () => {
    const dataDir = join(tempDir(), 'data');
    const quiet = setupOrganisation({ dataDir, name: ' Holbæk Kommune ', lang: 'en' });
    expect(quiet.exitCode).toBe(SETUP_EXIT.created);
    const keyFile = join(dataDir, 'organisation-key');
    expect(quiet.lines).toEqual([
      expect.stringContaining(`Organisation "Holbæk Kommune" created. Its key is in ${keyFile}`),
    ]);
    const key = readFileSync(keyFile, 'utf8').trim();
    expect(key).toMatch(/^crk1_/);
    expect(quiet.lines.join('\n')).not.toContain(key);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    // The server that starts on it later keeps that organisation, and the key opens it.
    const store = new SqliteDocumentStore(dataDir);
    try {
      expect(ensureFirstOrganisation(store.organisations, dataDir)).toMatchObject({ created: false, key: undefined });
      expect(new OrganisationAccess(store.organisations).resolveKey(key)?.name).toBe('Holbæk Kommune');
    } finally {
      store.close();
    }

    const shown = setupOrganisation({ dataDir: join(tempDir(), 'data'), name: 'Fonden', showKey: true });
    expect(shown.lines[1]).toMatch(/^Nøgle: crk1_/);
  });

  it('leaves a data directory that has an organisation as it is, and says which', () => {
    const dataDir = tempDir();
    setupOrganisation({ dataDir, name: 'Holbæk Kommune' });
    const key = readFileSync(join(dataDir, 'organisation-key'), 'utf8');
    const again = setupOrganisation({ dataDir, name: 'Svendborg Kommune', lang: 'en' });
    expect(again.exitCode).toBe(SETUP_EXIT.refused);
    expect(again.lines[0]).toContain('already has an organisation: "Holbæk Kommune"');
    expect(again.lines[0]).toContain('Nothing was changed');
    expect(readFileSync(join(dataDir, 'organisation-key'), 'utf8')).toBe(key);
  });

  it('refuses while a server holds the data directory, saying so, and changes nothing', () => {
    const dataDir = tempDir();
    const lock = DataDirLock.acquire(dataDir, { log: silentLog });
    try {
      const refused = setupOrganisation({ dataDir, name: 'Holbæk Kommune', lang: 'en' });
      expect(refused.exitCode).toBe(SETUP_EXIT.refused);
      expect(refused.lines[0]).toContain(
        `A Caseroom server is using the data directory ${dataDir} (process ${process.pid}`,
      );
      expect(refused.lines[0]).toContain('Stop the server, run setup');
    } finally {
      lock.release();
    }
    const store = new SqliteDocumentStore(dataDir);
    expect(store.organisations.listOrganisations()).toEqual([]);
    store.close();
  });

  it('reads its command line: --organisation, --data-dir or CASEROOM_DATA_DIR, --lang; says what is wrong', () => {
    const dataDir = tempDir();
    const done = runSetupCli(['setup', '--organisation', 'Holbæk Kommune', '--lang', 'en'], {
      env: { CASEROOM_DATA_DIR: dataDir },
      isTerminal: true,
    });
    expect(done).toMatchObject({ exitCode: 0, toStderr: false });
    expect(done.output).toMatch(/\nKey: crk1_[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dataDir, 'organisation-key')).isFile()).toBe(true);

    const other = tempDir();
    const cases: [string[], string][] = [
      [['setup', '--data-dir', other], 'Angiv organisationens navn'],
      [['setup', '--organisation', '', '--data-dir', other], '1 til 120 tegn'],
      [['setup', '--organisation', 'Holbæk', 'Kommune', '--data-dir', other], 'Sæt navnet i anførselstegn'],
      [['setup', '--organisation', 'X', '--lang', 'de'], 'Invalid value for --lang: de'],
      [['setup', '--organisaton', 'X'], 'Brug: caseroom setup'],
    ];
    for (const [argv, expected] of cases) {
      const result = runSetupCli(argv, { env: {} });
      expect(result.exitCode, argv.join(' ')).toBe(SETUP_EXIT.usage);
      expect(result.toStderr).toBe(true);
      expect(result.output, argv.join(' ')).toContain(expected);
    }
  });
});
