import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Language } from '@caseroom/shared';
import { ensureFirstOrganisation, MAX_ORGANISATION_NAME_CHARS } from '../../server/src/access/firstOrganisation.ts';
import { silentLog } from '../../server/src/log.ts';
import { DataDirLock, DataDirLockedError } from '../../server/src/storage/DataDirLock.ts';
import { SqliteDocumentStore } from '../../server/src/storage/SqliteDocumentStore.ts';

/**
 * `caseroom setup --organisation "<name>" [--data-dir <dir>] [--lang da|en]` (issue 10): creates
 * the data directory's first organisation and writes its key to `<dataDir>/organisation-key`,
 * a file only its owner can read. Runs while no server uses the data directory (it takes the
 * directory's lock); a data directory that already has an organisation is left as it is.
 */

/** Exit codes: 0 created, 1 refused (an organisation exists, a server runs; nothing changed), 2 wrong use. */
export const SETUP_EXIT = { created: 0, refused: 1, usage: 2 } as const;

/** What the command says, and its exit code. */
export type SetupResult = { lines: string[]; exitCode: number };

/** How to set up: where, the organisation's name, the language, and whether the key may be shown (a terminal). */
export type SetupOptions = { dataDir: string; name: string; lang?: Language; showKey?: boolean };

/** Creates the first organisation of `dataDir` named `name`; the lines to print say what happened. */
export function setupOrganisation({ dataDir, name, lang = 'da', showKey = false }: SetupOptions): SetupResult {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_ORGANISATION_NAME_CHARS) {
    return { lines: [say(lang, 'badName', { max: MAX_ORGANISATION_NAME_CHARS })], exitCode: SETUP_EXIT.usage };
  }
  let lock: DataDirLock;
  try {
    lock = DataDirLock.acquire(dataDir, { log: silentLog });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const holder = error.holder ? `${error.holder.pid}, ${error.holder.host}` : '?';
    return { lines: [say(lang, 'serverRunning', { dataDir, holder })], exitCode: SETUP_EXIT.refused };
  }
  try {
    const store = new SqliteDocumentStore(dataDir);
    try {
      const first = ensureFirstOrganisation(store.organisations, dataDir, { name: trimmed });
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
    } finally {
      store.close();
    }
  } finally {
    lock.release();
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
export function runSetupCli(
  argv: readonly string[],
  { env = process.env, isTerminal = false }: { env?: NodeJS.ProcessEnv; isTerminal?: boolean } = {},
): { output: string; exitCode: number; toStderr: boolean } {
  let values: { organisation?: string; 'data-dir'?: string; lang?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      options: {
        organisation: { type: 'string' },
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
  if (positionals.length > 0) return usage(lang, say(lang, 'unexpected', { words: positionals.join(' ') }));
  if (values.organisation === undefined) return usage(lang, say(lang, 'missingName'));
  const dataDir = resolve(values['data-dir'] || env.CASEROOM_DATA_DIR || './data');
  const result = setupOrganisation({ dataDir, name: values.organisation, lang, showKey: isTerminal });
  return {
    output: result.lines.join('\n'),
    exitCode: result.exitCode,
    toStderr: result.exitCode !== SETUP_EXIT.created,
  };
}

function usage(lang: Language, message: string) {
  return { output: `${message}\n${say(lang, 'usage')}`, exitCode: SETUP_EXIT.usage, toStderr: true };
}

/** What `caseroom setup` says, in Danish and English. */
const DA = {
  usage:
    'Brug: caseroom setup --organisation "<navn>" [--data-dir <mappe>] [--lang da|en]\nDatamappen er CASEROOM_DATA_DIR eller ./data, som for serveren.',
  missingName: 'Angiv organisationens navn med --organisation "<navn>", fx --organisation "Holbæk Kommune".',
  badName: 'Organisationens navn skal have 1 til {max} tegn.',
  badLanguage: 'Ugyldig værdi for --lang: {value} (da eller en).',
  unexpected: 'Ukendte ord på kommandolinjen: {words}. Sæt navnet i anførselstegn: --organisation "Holbæk Kommune".',
  created:
    'Organisationen "{name}" er oprettet. Dens nøgle står i {keyFile} (kun du kan læse filen). Giv nøglen til dem, der opretter sager på serveren; de sender den som "Authorization: Bearer <nøgle>".',
  key: 'Nøgle: {key}',
  exists:
    'Datamappen har allerede en organisation: "{name}" (oprettet {date}). Dens nøgle blev skrevet til {keyFile}, da den blev oprettet. Intet er ændret.',
  serverRunning:
    'En Caseroom-server bruger datamappen {dataDir} (proces {holder}). Stop serveren, kør setup, og start den igen — eller lad serveren selv oprette organisationen "Caseroom" ved start.',
} as const;

const EN: Record<keyof typeof DA, string> = {
  usage:
    'Usage: caseroom setup --organisation "<name>" [--data-dir <dir>] [--lang da|en]\nThe data directory is CASEROOM_DATA_DIR or ./data, as for the server.',
  missingName: 'Name the organisation with --organisation "<name>", e.g. --organisation "Holbæk Kommune".',
  badName: "An organisation's name has 1 to {max} characters.",
  badLanguage: 'Invalid value for --lang: {value} (da or en).',
  unexpected: 'Unknown words on the command line: {words}. Put the name in quotes: --organisation "Holbæk Kommune".',
  created:
    'Organisation "{name}" created. Its key is in {keyFile} (only you can read the file). Give the key to the people who create cases on the server; they send it as "Authorization: Bearer <key>".',
  key: 'Key: {key}',
  exists:
    'The data directory already has an organisation: "{name}" (created {date}). Its key was written to {keyFile} when it was created. Nothing was changed.',
  serverRunning:
    'A Caseroom server is using the data directory {dataDir} (process {holder}). Stop the server, run setup, and start it again — or let the server create the organisation "Caseroom" itself when it starts.',
};

function say(lang: Language, key: keyof typeof DA, params: Record<string, string | number> = {}): string {
  const template = lang === 'da' ? DA[key] : EN[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
