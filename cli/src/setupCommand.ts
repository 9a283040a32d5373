import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Language } from '@caseroom/shared';
import {
  ensureFirstOrganisation,
  MAX_ORGANISATION_NAME_CHARS,
  ORGANISATION_KEY_FILE,
  writeOwnerOnlyFile,
} from '../../server/src/access/firstOrganisation.ts';
import { newOrganisationKey } from '../../server/src/access/organisationKeys.ts';
import { hashToken } from '../../server/src/access/tokens.ts';
import { silentLog } from '../../server/src/log.ts';
import { DataDirLock, DataDirLockedError } from '../../server/src/storage/DataDirLock.ts';
import type { Stores } from '../../server/src/storage/Stores.ts';
import { DATABASE_FILE, openSqliteStores } from '../../server/src/storage/sqliteStores.ts';

/**
 * `caseroom setup --organisation "<name>" [--data-dir <dir>] [--lang da|en]` (issue 10): creates
 * the data directory's first organisation and writes its key to `<dataDir>/organisation-key`,
 * a file only its owner can read. A data directory that already has an organisation is left as
 * it is. `caseroom setup --new-key` gives that organisation a new key when the old one was lost
 * or may have leaked: the old one stops working at once. Both run while no server uses the data
 * directory (they take the directory's lock).
 */

/**
 * Exit codes: 0 created / new key issued, 1 refused (an organisation exists or none does, a server
 * runs; nothing changed) or the new key could not be put in its file (the message says where it
 * is), 2 wrong use.
 */
export const SETUP_EXIT = { created: 0, replaced: 0, refused: 1, usage: 2 } as const;

/** What the command says, and its exit code. */
export type SetupResult = { lines: string[]; exitCode: number };

/** How to set up: where, the organisation's name, the language, and whether the key may be shown (a terminal). */
export type SetupOptions = { dataDir: string; name: string; lang?: Language; showKey?: boolean };

/** Creates the first organisation of `dataDir` named `name`; the lines to print say what happened. */
export async function setupOrganisation({
  dataDir,
  name,
  lang = 'da',
  showKey = false,
}: SetupOptions): Promise<SetupResult> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_ORGANISATION_NAME_CHARS) {
    return { lines: [say(lang, 'badName', { max: MAX_ORGANISATION_NAME_CHARS })], exitCode: SETUP_EXIT.usage };
  }
  return withDataDir(dataDir, lang, 'serverRunning', async (stores) => {
    const first = await ensureFirstOrganisation(stores.organisations, dataDir, { name: trimmed });
    if (!first.created) {
      const { organisation } = first;
      return {
        lines: [
          say(lang, 'exists', {
            name: organisation.name,
            date: new Date(organisation.createdAt).toISOString().slice(0, 10),
            keyFile: first.keyFile,
          }),
        ],
        exitCode: SETUP_EXIT.refused,
      };
    }
    const lines = [say(lang, 'created', { name: first.organisation.name, keyFile: first.keyFile })];
    // Only to a terminal: a key printed into a service's log would sit there for anyone who reads it.
    if (showKey && first.key) lines.push(say(lang, 'key', { key: first.key }));
    return { lines, exitCode: SETUP_EXIT.created };
  });
}

/** How to issue a new key: where, the language, whether the key may be shown (a terminal), the clock. */
export type NewKeyOptions = { dataDir: string; lang?: Language; showKey?: boolean; now?: () => number };

/**
 * Gives the data directory's first organisation a new key (`setup --new-key`): every key it had
 * stops working, and the new one replaces `<dataDir>/organisation-key`. The new key is written to
 * an owner-only file beside it first and moved over the old file only once the store has it, so
 * a failure on the way leaves either the old key working with its file, or the new key in a file
 * the message names — never a key that works but is written nowhere.
 */
export function issueNewOrganisationKey({
  dataDir,
  lang = 'da',
  showKey = false,
  now = Date.now,
}: NewKeyOptions): Promise<SetupResult> {
  const noOrganisation = { lines: [say(lang, 'noOrganisation', { dataDir })], exitCode: SETUP_EXIT.refused };
  // No database: nothing to replace, and nothing (not even the directory) is created to say so.
  if (!existsSync(join(dataDir, DATABASE_FILE))) return Promise.resolve(noOrganisation);
  return withDataDir(dataDir, lang, 'serverRunningNewKey', async (stores) => {
    const organisation = (await stores.organisations.list())[0];
    if (!organisation) return noOrganisation;
    const keyFile = join(dataDir, ORGANISATION_KEY_FILE);
    const staged = `${keyFile}.new`;
    const key = newOrganisationKey();
    writeOwnerOnlyFile(staged, `${key}\n`);
    try {
      await stores.organisations.replaceKey(organisation.id, hashToken(key), now());
    } catch (error) {
      rmSync(staged, { force: true });
      throw error;
    }
    const shown = showKey ? [say(lang, 'key', { key })] : [];
    try {
      renameSync(staged, keyFile);
      syncDirectory(dataDir);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return {
        lines: [say(lang, 'keyNotMoved', { name: organisation.name, keyFile, staged, reason }), ...shown],
        exitCode: SETUP_EXIT.refused,
      };
    }
    return {
      lines: [say(lang, 'newKey', { name: organisation.name, keyFile }), ...shown],
      exitCode: SETUP_EXIT.replaced,
    };
  });
}

/**
 * Runs `work` on the data directory's store while holding its lock (a running server's store
 * must not change under it); a directory a server holds is refused with `refusal`.
 */
async function withDataDir(
  dataDir: string,
  lang: Language,
  refusal: 'serverRunning' | 'serverRunningNewKey',
  work: (stores: Stores) => Promise<SetupResult>,
): Promise<SetupResult> {
  let lock: DataDirLock;
  try {
    lock = DataDirLock.acquire(dataDir, { log: silentLog });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const holder = error.holder ? `${error.holder.pid}, ${error.holder.host}` : '?';
    return { lines: [say(lang, refusal, { dataDir, holder })], exitCode: SETUP_EXIT.refused };
  }
  try {
    const stores = await openSqliteStores(dataDir);
    try {
      return await work(stores);
    } finally {
      await stores.close();
    }
  } finally {
    lock.release();
  }
}

/** Makes a rename in `dir` durable: the old key is already revoked, so the new file must survive a power cut. */
function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether `caseroom <argv>` is the setup command (main.ts hands it to runSetupCli). */
export function isSetupCli(argv: readonly string[]): boolean {
  return argv[0] === 'setup';
}

/**
 * `caseroom setup …` from the command line (argv starts with "setup"). The key is shown only
 * when `isTerminal` (process.stdout.isTTY). Refusals go to standard error (`toStderr`).
 */
export async function runSetupCli(
  argv: readonly string[],
  { env = process.env, isTerminal = false }: { env?: NodeJS.ProcessEnv; isTerminal?: boolean } = {},
): Promise<{ output: string; exitCode: number; toStderr: boolean }> {
  let values: { organisation?: string; 'new-key'?: boolean; 'data-dir'?: string; lang?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      options: {
        organisation: { type: 'string' },
        'new-key': { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        lang: { type: 'string', default: 'da' },
      },
    }));
  } catch (error) {
    return usage('da', (error as Error).message);
  }
  if (values.lang !== 'da' && values.lang !== 'en')
    return usage('en', say('en', 'badLanguage', { value: String(values.lang) }));
  const lang: Language = values.lang;
  const newKey = values['new-key'] === true;
  if (newKey && values.organisation !== undefined) return usage(lang, say(lang, 'bothModes'));
  if (positionals.length > 0) {
    return usage(lang, say(lang, newKey ? 'unexpectedNewKey' : 'unexpected', { words: positionals.join(' ') }));
  }
  if (!newKey && values.organisation === undefined) return usage(lang, say(lang, 'missingName'));
  const dataDir = resolve(values['data-dir'] || env.CASEROOM_DATA_DIR || './data');
  const result = newKey
    ? await issueNewOrganisationKey({ dataDir, lang, showKey: isTerminal })
    : await setupOrganisation({ dataDir, name: values.organisation ?? '', lang, showKey: isTerminal });
  return { output: result.lines.join('\n'), exitCode: result.exitCode, toStderr: result.exitCode !== 0 };
}

function usage(lang: Language, message: string) {
  return { output: `${message}\n${say(lang, 'usage')}`, exitCode: SETUP_EXIT.usage, toStderr: true };
}

/** What `caseroom setup` says, in Danish and English. */
const DA = {
  usage:
    'Brug: caseroom setup --organisation "<navn>" [--data-dir <mappe>] [--lang da|en]\n      caseroom setup --new-key [--data-dir <mappe>] [--lang da|en]\nDatamappen er CASEROOM_DATA_DIR eller ./data, som for serveren.',
  missingName: 'Angiv organisationens navn med --organisation "<navn>", fx --organisation "Holbæk Kommune".',
  badName: 'Organisationens navn skal have 1 til {max} tegn.',
  badLanguage: 'Ugyldig værdi for --lang: {value} (da eller en).',
  unexpected: 'Ukendte ord på kommandolinjen: {words}. Sæt navnet i anførselstegn: --organisation "Holbæk Kommune".',
  created:
    'Organisationen "{name}" er oprettet. Dens nøgle står i {keyFile} (kun du kan læse filen). Giv nøglen til dem, der opretter sager på serveren; de sender den som "Authorization: Bearer <nøgle>".',
  key: 'Nøgle: {key}',
  exists:
    'Datamappen har allerede en organisation: "{name}" (oprettet {date}). Dens nøgle blev skrevet til {keyFile}, da den blev oprettet. Intet er ændret. Er nøglen mistet eller kommet i forkerte hænder: caseroom setup --new-key.',
  serverRunning:
    'En Caseroom-server bruger datamappen {dataDir} (proces {holder}). Stop serveren, kør setup, og start den igen — eller lad serveren selv oprette organisationen "Caseroom" ved start.',
  bothModes:
    '--organisation og --new-key kan ikke bruges sammen: --organisation opretter den første organisation, --new-key giver den en ny nøgle.',
  unexpectedNewKey: 'Ukendte ord på kommandolinjen: {words}. --new-key tager ingen værdi.',
  newKey:
    'Organisationen "{name}" har fået en ny nøgle, og den gamle virker ikke længere. Den nye står i {keyFile} (kun du kan læse filen). Giv den til dem, der opretter sager på serveren; de sender den som "Authorization: Bearer <nøgle>".',
  noOrganisation:
    'Datamappen {dataDir} har ingen organisation endnu, så der er ingen nøgle at udskifte. Opret den først: caseroom setup --organisation "<navn>". Intet er ændret.',
  serverRunningNewKey:
    'En Caseroom-server bruger datamappen {dataDir} (proces {holder}). Stop serveren, kør setup --new-key, og start den igen. Intet er ændret; den gamle nøgle virker stadig.',
  keyNotMoved:
    'Organisationen "{name}" har fået en ny nøgle, og den gamle virker ikke længere — men den nye kunne ikke flyttes til {keyFile} ({reason}). Den står i {staged} (kun du kan læse filen): flyt den til {keyFile}.',
} as const;

const EN: Record<keyof typeof DA, string> = {
  usage:
    'Usage: caseroom setup --organisation "<name>" [--data-dir <dir>] [--lang da|en]\n       caseroom setup --new-key [--data-dir <dir>] [--lang da|en]\nThe data directory is CASEROOM_DATA_DIR or ./data, as for the server.',
  missingName: 'Name the organisation with --organisation "<name>", e.g. --organisation "Holbæk Kommune".',
  badName: "An organisation's name has 1 to {max} characters.",
  badLanguage: 'Invalid value for --lang: {value} (da or en).',
  unexpected: 'Unknown words on the command line: {words}. Put the name in quotes: --organisation "Holbæk Kommune".',
  created:
    'Organisation "{name}" created. Its key is in {keyFile} (only you can read the file). Give the key to the people who create cases on the server; they send it as "Authorization: Bearer <key>".',
  key: 'Key: {key}',
  exists:
    'The data directory already has an organisation: "{name}" (created {date}). Its key was written to {keyFile} when it was created. Nothing was changed. If the key was lost or may have leaked: caseroom setup --new-key.',
  serverRunning:
    'A Caseroom server is using the data directory {dataDir} (process {holder}). Stop the server, run setup, and start it again — or let the server create the organisation "Caseroom" itself when it starts.',
  bothModes:
    '--organisation and --new-key cannot be used together: --organisation creates the first organisation, --new-key gives it a new key.',
  unexpectedNewKey: 'Unknown words on the command line: {words}. --new-key takes no value.',
  newKey:
    'Organisation "{name}" has a new key, and the old one no longer works. The new one is in {keyFile} (only you can read the file). Give it to the people who create cases on the server; they send it as "Authorization: Bearer <key>".',
  noOrganisation:
    'The data directory {dataDir} has no organisation yet, so there is no key to replace. Create it first: caseroom setup --organisation "<name>". Nothing was changed.',
  serverRunningNewKey:
    'A Caseroom server is using the data directory {dataDir} (process {holder}). Stop the server, run setup --new-key, and start it again. Nothing was changed; the old key still works.',
  keyNotMoved:
    'Organisation "{name}" has a new key, and the old one no longer works — but the new one could not be moved to {keyFile} ({reason}). It is in {staged} (only you can read the file): move it to {keyFile}.',
};

function say(lang: Language, key: keyof typeof DA, params: Record<string, string | number> = {}): string {
  const template = lang === 'da' ? DA[key] : EN[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
