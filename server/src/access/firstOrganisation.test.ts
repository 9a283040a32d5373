import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Stores } from '../storage/Stores.ts';
import { openSqliteStores } from '../storage/sqliteStores.ts';
import { ensureFirstOrganisation, ORGANISATION_KEY_FILE } from './firstOrganisation.ts';
import { OrganisationAccess } from './OrganisationAccess.ts';
import { newOrganisationKey } from './organisationKeys.ts';
import { newToken } from './tokens.ts';

const dirs: string[] = [];
const opened: Stores[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseroom-org-'));
  dirs.push(dir);
  return dir;
}
async function open(dataDir: string): Promise<Stores> {
  const stores = await openSqliteStores(dataDir);
  opened.push(stores);
  return stores;
}
afterEach(async () => {
  for (const stores of opened.splice(0)) await stores.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the first organisation (issue 10)', () => {
  it('is created once, named "Caseroom" by default, with its key in an owner-only file; the key opens it', async () => {
    const dir = tempDir();
    const stores = await open(dir);
    const first = await ensureFirstOrganisation(stores.organisations, dir, { now: () => 1_234 });
    expect(first).toMatchObject({ created: true, keyFile: join(dir, ORGANISATION_KEY_FILE) });
    expect(first.organisation).toEqual({ id: expect.any(String), name: 'Caseroom', createdAt: 1_234 });
    expect(first.key).toMatch(/^crk1_[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(first.keyFile, 'utf8')).toBe(`${first.key}\n`);
    expect(statSync(first.keyFile).mode & 0o777).toBe(0o600);
    const access = new OrganisationAccess(stores.organisations);
    expect(await access.resolveKey(first.key!)).toEqual(first.organisation);

    const again = await ensureFirstOrganisation(stores.organisations, dir, { name: 'Another' });
    expect(again).toEqual({
      created: false,
      organisation: first.organisation,
      keyFile: first.keyFile,
      key: undefined,
    });
    expect(await stores.organisations.list()).toHaveLength(1);
    expect(readFileSync(first.keyFile, 'utf8')).toBe(`${first.key}\n`);
  });

  it('replaces a leftover key file (of a database that is gone) and refuses an empty or overlong name', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ORGANISATION_KEY_FILE), 'old key\n', { mode: 0o644 });
    const stores = await open(':memory:');
    await expect(ensureFirstOrganisation(stores.organisations, dir, { name: '  ' })).rejects.toThrow(
      /1 to 120 characters/,
    );
    await expect(ensureFirstOrganisation(stores.organisations, dir, { name: 'x'.repeat(121) })).rejects.toThrow(
      RangeError,
    );
    const first = await ensureFirstOrganisation(stores.organisations, dir, { name: ' Holbæk Kommune ' });
    expect(first.organisation.name).toBe('Holbæk Kommune');
    expect(readFileSync(first.keyFile, 'utf8')).toBe(`${first.key}\n`);
    expect(statSync(first.keyFile).mode & 0o777).toBe(0o600);
  });
});

describe('OrganisationAccess.checkCreator', () => {
  it('beyond loopback needs a key of an organisation; on loopback a key is optional but a wrong one is refused', async () => {
    const dir = tempDir();
    const stores = await open(':memory:');
    const { key, organisation } = await ensureFirstOrganisation(stores.organisations, dir);
    const access = new OrganisationAccess(stores.organisations);
    expect(await access.checkCreator([], true)).toEqual({ ok: false, reason: 'organisationKeyMissing' });
    expect(await access.checkCreator([], false)).toEqual({ ok: true, organisationId: undefined });
    for (const beyondLoopback of [true, false]) {
      expect(await access.checkCreator([key!], beyondLoopback)).toEqual({ ok: true, organisationId: organisation.id });
      expect(await access.checkCreator(['nonsense', key!], beyondLoopback)).toEqual({
        ok: true,
        organisationId: organisation.id,
      });
      for (const wrong of [newOrganisationKey(), newToken(), 'nonsense', key!.slice(0, -1)]) {
        expect(await access.checkCreator([wrong], beyondLoopback)).toEqual({
          ok: false,
          reason: 'organisationKeyInvalid',
        });
      }
    }
  });
});
