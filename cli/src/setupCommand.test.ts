import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureFirstOrganisation } from '../../server/src/access/firstOrganisation.ts';
import { OrganisationAccess, OrganisationDenial } from '../../server/src/access/OrganisationAccess.ts';
import { hashToken } from '../../server/src/access/tokens.ts';
import { silentLog } from '../../server/src/log.ts';
import { DataDirLock } from '../../server/src/storage/DataDirLock.ts';
import { openSqliteStores } from '../../server/src/storage/sqliteStores.ts';
import { issueNewOrganisationKey, runSetupCli, SETUP_EXIT, setupOrganisation } from './setupCommand.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseroom-setup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('caseroom setup', async () => {
  it('creates the first organisation with its key in an owner-only file; the key is shown only to a terminal', async () => {
    const dataDir = join(tempDir(), 'data');
    const quiet = await setupOrganisation({ dataDir, name: ' Holbæk Kommune ', lang: 'en' });
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
    const stores = await openSqliteStores(dataDir);
    try {
      expect(await ensureFirstOrganisation(stores.organisations, dataDir)).toMatchObject({
        created: false,
        key: undefined,
      });
      expect((await new OrganisationAccess(stores.organisations).resolveKey(key))?.name).toBe('Holbæk Kommune');
    } finally {
      await stores.close();
    }

    const shown = await setupOrganisation({ dataDir: join(tempDir(), 'data'), name: 'Fonden', showKey: true });
    expect(shown.lines[1]).toMatch(/^Nøgle: crk1_/);
  });

  it('leaves a data directory that has an organisation as it is, and says which', async () => {
    const dataDir = tempDir();
    await setupOrganisation({ dataDir, name: 'Holbæk Kommune' });
    const key = readFileSync(join(dataDir, 'organisation-key'), 'utf8');
    const again = await setupOrganisation({ dataDir, name: 'Svendborg Kommune', lang: 'en' });
    expect(again.exitCode).toBe(SETUP_EXIT.refused);
    expect(again.lines[0]).toContain('already has an organisation: "Holbæk Kommune"');
    expect(again.lines[0]).toContain('Nothing was changed');
    expect(again.lines[0]).toContain('caseroom setup --new-key');
    expect(readFileSync(join(dataDir, 'organisation-key'), 'utf8')).toBe(key);
  });

  it('refuses while a server holds the data directory, saying so, and changes nothing', async () => {
    const dataDir = tempDir();
    const lock = DataDirLock.acquire(dataDir, { log: silentLog });
    try {
      const refused = await setupOrganisation({ dataDir, name: 'Holbæk Kommune', lang: 'en' });
      expect(refused.exitCode).toBe(SETUP_EXIT.refused);
      expect(refused.lines[0]).toContain(
        `A Caseroom server is using the data directory ${dataDir} (process ${process.pid}`,
      );
      expect(refused.lines[0]).toContain('Stop the server, run setup');
    } finally {
      lock.release();
    }
    const stores = await openSqliteStores(dataDir);
    expect(await stores.organisations.list()).toEqual([]);
    await stores.close();
  });

  it('reads its command line: --organisation, --data-dir or CASEROOM_DATA_DIR, --lang; says what is wrong', async () => {
    const dataDir = tempDir();
    const done = await runSetupCli(['setup', '--organisation', 'Holbæk Kommune', '--lang', 'en'], {
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
      const result = await runSetupCli(argv, { env: {} });
      expect(result.exitCode, argv.join(' ')).toBe(SETUP_EXIT.usage);
      expect(result.toStderr).toBe(true);
      expect(result.output, argv.join(' ')).toContain(expected);
    }
  });
});

/** The key in a data directory's key file. */
function keyIn(dataDir: string): string {
  return readFileSync(join(dataDir, 'organisation-key'), 'utf8').trim();
}

/** What the data directory's store says of a key: the organisation it opens, and the creation check beyond loopback. */
async function checkKey(dataDir: string, key: string) {
  const stores = await openSqliteStores(dataDir);
  try {
    const access = new OrganisationAccess(stores.organisations);
    return {
      opens: (await access.resolveKey(key))?.name,
      creator: await access.checkCreator([key], true),
      stored: await stores.organisations.findKey(hashToken(key)),
    };
  } finally {
    await stores.close();
  }
}

describe('caseroom setup --new-key', async () => {
  it('gives the organisation a new key that opens it while the old one no longer does; the key file is replaced by a new owner-only file', async () => {
    const dataDir = tempDir();
    await setupOrganisation({ dataDir, name: 'Holbæk Kommune' });
    const keyFile = join(dataDir, 'organisation-key');
    const oldKey = keyIn(dataDir);
    // Someone loosened the old file: the new one must not inherit that.
    chmodSync(keyFile, 0o644);
    const oldInode = statSync(keyFile).ino;

    const done = await issueNewOrganisationKey({ dataDir, lang: 'en', now: () => 7_000 });
    expect(done.exitCode).toBe(SETUP_EXIT.replaced);
    expect(done.lines).toEqual([
      expect.stringContaining(
        `Organisation "Holbæk Kommune" has a new key, and the old one no longer works. The new one is in ${keyFile}`,
      ),
    ]);
    const newKey = keyIn(dataDir);
    expect(newKey).toMatch(/^crk1_[A-Za-z0-9_-]{43}$/);
    expect(newKey).not.toBe(oldKey);
    expect(done.lines.join('\n')).not.toContain(newKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(keyFile).ino).not.toBe(oldInode);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('organisation-key'))).toEqual(['organisation-key']);

    const withNew = await checkKey(dataDir, newKey);
    expect(withNew.opens).toBe('Holbæk Kommune');
    expect(withNew.creator).toEqual({ ok: true, organisationId: expect.any(String) });
    expect(withNew.stored?.createdAt).toBe(7_000);
    expect(await checkKey(dataDir, oldKey)).toEqual({
      opens: undefined,
      creator: { ok: false, reason: OrganisationDenial.KeyInvalid },
      stored: undefined,
    });

    // Again, on a terminal: the key is shown, and the key of the first replacement stops working too.
    const shown = await issueNewOrganisationKey({ dataDir, showKey: true });
    expect(shown.lines[0]).toContain('Organisationen "Holbæk Kommune" har fået en ny nøgle');
    expect(shown.lines[1]).toBe(`Nøgle: ${keyIn(dataDir)}`);
    expect((await checkKey(dataDir, newKey)).opens).toBeUndefined();
    expect((await checkKey(dataDir, keyIn(dataDir))).opens).toBe('Holbæk Kommune');
  });

  it('refuses while a server holds the data directory: the old key and its file stay as they were', async () => {
    const dataDir = tempDir();
    await setupOrganisation({ dataDir, name: 'Holbæk Kommune' });
    const oldKey = keyIn(dataDir);
    const lock = DataDirLock.acquire(dataDir, { log: silentLog });
    try {
      const refused = await issueNewOrganisationKey({ dataDir, lang: 'en' });
      expect(refused.exitCode).toBe(SETUP_EXIT.refused);
      expect(refused.lines).toEqual([
        `A Caseroom server is using the data directory ${dataDir} (process ${process.pid}, ${hostname()}). Stop the server, run setup --new-key, and start it again. Nothing was changed; the old key still works.`,
      ]);
    } finally {
      lock.release();
    }
    expect(keyIn(dataDir)).toBe(oldKey);
    expect((await checkKey(dataDir, oldKey)).opens).toBe('Holbæk Kommune');
  });

  it('refuses when the data directory has no organisation yet, saying to run setup --organisation first, and creates nothing', async () => {
    const missing = join(tempDir(), 'data');
    const refused = await issueNewOrganisationKey({ dataDir: missing, lang: 'en' });
    expect(refused.exitCode).toBe(SETUP_EXIT.refused);
    expect(refused.lines).toEqual([
      `The data directory ${missing} has no organisation yet, so there is no key to replace. Create it first: caseroom setup --organisation "<name>". Nothing was changed.`,
    ]);
    expect(existsSync(missing)).toBe(false);

    // A database without an organisation (a server that ran on the memory store never wrote one; an old version did not).
    const empty = tempDir();
    await (await openSqliteStores(empty)).close();
    const alsoRefused = await issueNewOrganisationKey({ dataDir: empty });
    expect(alsoRefused.exitCode).toBe(SETUP_EXIT.refused);
    expect(alsoRefused.lines[0]).toContain('har ingen organisation endnu');
    expect(alsoRefused.lines[0]).toContain('caseroom setup --organisation "<navn>"');
    expect(existsSync(join(empty, 'organisation-key'))).toBe(false);
    expect(existsSync(join(empty, 'organisation-key.new'))).toBe(false);
  });

  it('when the new key cannot be moved into the key file, says where it is (owner-only) — a key that works is never written nowhere', async () => {
    const dataDir = tempDir();
    await setupOrganisation({ dataDir, name: 'Holbæk Kommune' });
    const oldKey = keyIn(dataDir);
    const keyFile = join(dataDir, 'organisation-key');
    // The key file's place is taken by a directory with something in it: the rename over it fails.
    rmSync(keyFile);
    mkdirSync(keyFile);
    writeFileSync(join(keyFile, 'x'), 'x');

    const result = await issueNewOrganisationKey({ dataDir, lang: 'en' });
    expect(result.exitCode).toBe(SETUP_EXIT.refused);
    const staged = `${keyFile}.new`;
    expect(result.lines[0]).toContain('Organisation "Holbæk Kommune" has a new key, and the old one no longer works');
    expect(result.lines[0]).toContain(`could not be moved to ${keyFile}`);
    expect(result.lines[0]).toContain(`It is in ${staged} (only you can read the file): move it to ${keyFile}.`);
    expect(statSync(staged).mode & 0o777).toBe(0o600);
    const stagedKey = readFileSync(staged, 'utf8').trim();
    expect((await checkKey(dataDir, stagedKey)).opens).toBe('Holbæk Kommune');
    expect((await checkKey(dataDir, oldKey)).opens).toBeUndefined();
  });

  it('reads its command line: --new-key with --data-dir or CASEROOM_DATA_DIR and --lang; says what is wrong', async () => {
    const dataDir = tempDir();
    await setupOrganisation({ dataDir, name: 'Holbæk Kommune' });
    const oldKey = keyIn(dataDir);
    const done = await runSetupCli(['setup', '--new-key', '--lang', 'en'], {
      env: { CASEROOM_DATA_DIR: dataDir },
      isTerminal: true,
    });
    expect(done).toMatchObject({ exitCode: 0, toStderr: false });
    expect(done.output).toContain('has a new key');
    expect(done.output.endsWith(`\nKey: ${keyIn(dataDir)}`)).toBe(true);
    expect(keyIn(dataDir)).not.toBe(oldKey);

    const viaOption = await runSetupCli(['setup', '--new-key', '--data-dir', dataDir], { env: {} });
    expect(viaOption).toMatchObject({ exitCode: 0, toStderr: false });
    expect(viaOption.output).not.toContain(keyIn(dataDir));

    const cases: [string[], number, string][] = [
      [
        ['setup', '--new-key', '--organisation', 'X', '--data-dir', dataDir],
        SETUP_EXIT.usage,
        'kan ikke bruges sammen',
      ],
      [['setup', '--new-key', 'nu', '--data-dir', dataDir], SETUP_EXIT.usage, '--new-key tager ingen værdi'],
      [['setup', '--new-key=ja', '--data-dir', dataDir], SETUP_EXIT.usage, 'Brug: caseroom setup'],
      [['setup', '--new-key', '--data-dir', tempDir()], SETUP_EXIT.refused, 'har ingen organisation endnu'],
    ];
    const current = keyIn(dataDir);
    for (const [argv, exitCode, expected] of cases) {
      const result = await runSetupCli(argv, { env: {} });
      expect(result.exitCode, argv.join(' ')).toBe(exitCode);
      expect(result.toStderr).toBe(true);
      expect(result.output, argv.join(' ')).toContain(expected);
    }
    expect(keyIn(dataDir)).toBe(current);
    expect((await runSetupCli(['setup', '--new-key=ja'], { env: {} })).output).toContain(
      'caseroom setup --new-key [--data-dir <mappe>] [--lang da|en]',
    );
  });
});
