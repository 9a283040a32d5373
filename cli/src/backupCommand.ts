import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Language } from '@caseroom/shared';
import {
  type BackupProblem,
  backupDatabase,
  ORGANISATION_KEY_FILE,
  type RestoreProblem,
  restoreDatabase,
} from '../../server/src/backup/index.ts';
import { sayBackup } from './backupMessages.ts';

/** Exit codes of backup and restore: 0 done, 1 refused or failed (nothing changed), 2 wrong use of the command. */
export const BACKUP_EXIT = { done: 0, refused: 1, usage: 2 } as const;

/** A command's answer, as the other CLI commands give it. */
export type CommandResult = { output: string; exitCode: number };

/** Where the data is and which language to answer in. */
export type BackupCommandOptions = { dataDir: string; lang: Language };

/** The data directory the server would use: CASEROOM_DATA_DIR, else ./data (server/src/main.ts). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CASEROOM_DATA_DIR || './data');
}

/** `caseroom backup <file>`: an online backup of the data directory's database, safe while people edit. */
export async function backupCommand(file: string, options: BackupCommandOptions): Promise<CommandResult> {
  const result = await backupDatabase(options.dataDir, file);
  if (!result.ok) return { output: describeProblem(result.problem, options.lang), exitCode: BACKUP_EXIT.refused };
  const { report } = result;
  return {
    output: sayBackup(options.lang, 'backupDone', {
      file: report.file,
      cases: report.cases,
      size: formatBytes(report.bytes, options.lang),
      seconds: formatSeconds(report.ms, options.lang),
      keyFile: ORGANISATION_KEY_FILE,
    }),
    exitCode: BACKUP_EXIT.done,
  };
}

/** `caseroom restore <file>`: a backup as the database of an empty or new data directory. */
export async function restoreCommand(file: string, options: BackupCommandOptions): Promise<CommandResult> {
  const result = await restoreDatabase(file, options.dataDir);
  if (!result.ok) return { output: describeProblem(result.problem, options.lang), exitCode: BACKUP_EXIT.refused };
  const { report } = result;
  return {
    output: sayBackup(options.lang, 'restoreDone', {
      dataDir: report.dataDir,
      cases: report.cases,
      size: formatBytes(report.bytes, options.lang),
      seconds: formatSeconds(report.ms, options.lang),
      keyFile: ORGANISATION_KEY_FILE,
    }),
    exitCode: BACKUP_EXIT.done,
  };
}

/** Whether `caseroom <argv>` is a backup or restore (main.ts hands those to runBackupCli). */
export function isBackupCli(argv: readonly string[]): boolean {
  return argv[0] === 'backup' || argv[0] === 'restore';
}

/**
 * `caseroom backup|restore <file> [--data-dir <dir>] [--lang da|en]` from the command line:
 * argv starts with the command word. Failures go to standard error (`toStderr`).
 */
export async function runBackupCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<CommandResult & { toStderr: boolean }> {
  const usage = (lang: Language, message: string) => ({
    output: `${message}\n${sayBackup(lang, 'usage')}`,
    exitCode: BACKUP_EXIT.usage,
    toStderr: true,
  });
  let parsed: ReturnType<typeof parseBackupArgs>;
  try {
    parsed = parseBackupArgs(argv.slice(1));
  } catch (error) {
    return usage('da', (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.lang !== 'da' && values.lang !== 'en') {
    return usage('en', sayBackup('en', 'badLanguage', { value: String(values.lang) }));
  }
  const lang: Language = values.lang;
  const [file, ...extra] = positionals;
  if (!file) return usage(lang, sayBackup(lang, 'missingFile'));
  if (extra.length > 0) return usage(lang, sayBackup(lang, 'tooManyFiles', { files: positionals.join(', ') }));
  const options: BackupCommandOptions = {
    dataDir: values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir(env),
    lang,
  };
  const result = argv[0] === 'backup' ? await backupCommand(file, options) : await restoreCommand(file, options);
  return { ...result, toStderr: result.exitCode !== BACKUP_EXIT.done };
}

function parseBackupArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, lang: { type: 'string', default: 'da' } },
  });
}

/** One message per way a backup or restore can be refused, in the person's language. */
function describeProblem(problem: BackupProblem | RestoreProblem, lang: Language): string {
  switch (problem.reason) {
    case 'notCaseroom':
      return sayBackup(lang, 'notCaseroom', { file: problem.file, missing: problem.missing.join(', ') });
    case 'dataDirNotEmpty':
      return sayBackup(lang, 'dataDirNotEmpty', {
        dataDir: problem.dataDir,
        entries: problem.entries.join(', '),
      });
    default:
      return sayBackup(lang, problem.reason, problem);
  }
}

/** 1234567 bytes → "1,2 MB" (da) / "1.2 MB" (en); under a megabyte in whole kB. */
function formatBytes(bytes: number, lang: Language): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1_000))} kB`;
  return `${decimal((bytes / 1_000_000).toFixed(1), lang)} MB`;
}

function formatSeconds(ms: number, lang: Language): string {
  return decimal((ms / 1000).toFixed(2), lang);
}

/** Danish writes a decimal comma. */
function decimal(text: string, lang: Language): string {
  return lang === 'da' ? text.replace('.', ',') : text;
}
