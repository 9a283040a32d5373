import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from '../log.ts';
import type { OrganisationRecord, OrganisationStore } from '../storage/OrganisationStore.ts';
import { newOrganisationId, newOrganisationKey } from './organisationKeys.ts';
import { hashToken } from './tokens.ts';

/** Where the first organisation's key is written, inside the data directory (owner-only). */
export const ORGANISATION_KEY_FILE = 'organisation-key';

/** The name of the organisation a server creates for itself when nobody ran `caseroom setup`. */
export const DEFAULT_ORGANISATION_NAME = 'Caseroom';

/** The longest organisation name. */
export const MAX_ORGANISATION_NAME_CHARS = 120;

/**
 * The first organisation of a data directory: whether it was created just now, the file its key
 * was written to, and the key itself only when it was created (afterwards only its hash exists).
 */
export type FirstOrganisation = {
  created: boolean;
  organisation: OrganisationRecord;
  keyFile: string;
  key: string | undefined;
};

/**
 * Makes sure the data directory has an organisation (issue 10): when none exists, creates one
 * named `name` (default "Caseroom") and writes its key to `<dataDir>/organisation-key`, a file
 * only its owner can read. Called by the server at start-up and by `caseroom setup`. The caller
 * prints the key only to a terminal; it never goes to a log.
 */
export async function ensureFirstOrganisation(
  organisations: OrganisationStore,
  dataDir: string,
  options: { name?: string; log?: Log; now?: () => number } = {},
): Promise<FirstOrganisation> {
  const keyFile = join(dataDir, ORGANISATION_KEY_FILE);
  const existing = (await organisations.list())[0];
  if (existing) return { created: false, organisation: existing, keyFile, key: undefined };
  const name = (options.name ?? DEFAULT_ORGANISATION_NAME).trim();
  if (name.length === 0 || name.length > MAX_ORGANISATION_NAME_CHARS) {
    throw new RangeError(`An organisation's name has 1 to ${MAX_ORGANISATION_NAME_CHARS} characters.`);
  }
  const key = newOrganisationKey();
  const organisation: OrganisationRecord = { id: newOrganisationId(), name, createdAt: (options.now ?? Date.now)() };
  // The file first: a key that is stored but written nowhere could never be used.
  writeOwnerOnlyFile(keyFile, `${key}\n`);
  try {
    await organisations.create({ organisation, keyHash: hashToken(key) });
  } catch (error) {
    rmSync(keyFile, { force: true });
    throw error;
  }
  options.log?.('info', 'organisation created; its key is in the key file', {
    organisationId: organisation.id,
    keyFile,
  });
  return { created: true, organisation, keyFile, key };
}

/**
 * Writes a file only its owner may read or write: created with mode 0600 by open() itself
 * (never chmod afterwards, so it is never readable by others for a moment), written, synced,
 * then renamed over `path` so a reader never sees half a key.
 */
export function writeOwnerOnlyFile(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
