import type { Language } from '@caseroom/shared';

/** What `caseroom backup` and `caseroom restore` say, in Danish and English. */
const DA = {
  usage:
    'Brug: caseroom backup <fil> [--data-dir <mappe>] [--lang da|en]\n       caseroom restore <fil> [--data-dir <mappe>] [--lang da|en]\nDatamappen er CASEROOM_DATA_DIR eller ./data, som for serveren.',
  missingFile: 'Angiv filen, som sikkerhedskopien skal skrives til (backup) eller læses fra (restore).',
  tooManyFiles: 'Angiv kun én fil (fik: {files}).',
  badLanguage: 'Ugyldig værdi for --lang: {value} (da eller en).',
  backupDone:
    'Sikkerhedskopi skrevet til {file}: {cases} sager, {size}, på {seconds} s. SQLite-integritetstjekket er bestået.\nOrganisationsnøglen ({keyFile} i datamappen) er ikke i databasen: gem også en kopi af den (docs/backups.md).',
  restoreDone:
    'Gendannet i {dataDir}: {cases} sager, {size}, på {seconds} s. SQLite-integritetstjekket er bestået.\nStart serveren med CASEROOM_DATA_DIR={dataDir}. Læg organisationsnøglen ({keyFile}) i mappen igen, hvis du har den (docs/backups.md).',
  noDatabase:
    'Ingen Caseroom-database i {dataDir} (der er ingen {database}). Angiv datamappen med --data-dir eller CASEROOM_DATA_DIR.',
  fileExists:
    '{file} findes allerede. En sikkerhedskopi overskriver aldrig noget: vælg et nyt filnavn, fx med dato og klokkeslæt.',
  noFolder: 'Mappen {folder} findes ikke. Opret den først, eller vælg en anden placering.',
  notSqlite: '{file} er ikke en SQLite-database ({detail}).',
  damaged:
    '{file} er beskadiget: SQLite-integritetstjekket fandt fejl ({detail}). Intet er skrevet; brug en anden sikkerhedskopi.',
  notCaseroom: '{file} er en SQLite-database, men ikke Caseroom-data: den mangler {missing}.',
  writeFailed: 'Kunne ikke skrive ({detail}). Intet er ændret; se efter diskplads og rettigheder, og prøv igen.',
  noFile: 'Filen {file} findes ikke.',
  notAFile: '{file} er en mappe, ikke en sikkerhedskopi-fil.',
  unreadable: '{file} kan ikke læses ({detail}).',
  dataDirNotEmpty:
    'Datamappen {dataDir} er ikke tom (den indeholder {entries}). Gendan kun i en tom eller ny mappe — så kan en gendannelse aldrig erstatte data. Angiv en ny mappe med --data-dir.',
  dataDirNotADirectory: '{dataDir} er en fil, ikke en mappe. Angiv en tom eller ny mappe med --data-dir.',
  dataDirInUse: 'En server er startet på datamappen under gendannelsen; intet er gendannet. {detail}',
} as const;

const EN: Record<keyof typeof DA, string> = {
  usage:
    'Usage: caseroom backup <file> [--data-dir <dir>] [--lang da|en]\n       caseroom restore <file> [--data-dir <dir>] [--lang da|en]\nThe data directory is CASEROOM_DATA_DIR or ./data, as for the server.',
  missingFile: 'Name the file to write the backup to (backup) or to read it from (restore).',
  tooManyFiles: 'Name one file only (got: {files}).',
  badLanguage: 'Invalid value for --lang: {value} (da or en).',
  backupDone:
    "Backup written to {file}: {cases} cases, {size}, in {seconds} s. SQLite's integrity check passed.\nThe organisation key ({keyFile} in the data directory) is not in the database: keep a copy of it too (docs/backups.md).",
  restoreDone:
    "Restored into {dataDir}: {cases} cases, {size}, in {seconds} s. SQLite's integrity check passed.\nStart the server with CASEROOM_DATA_DIR={dataDir}. Put the organisation key ({keyFile}) back into the directory if you have it (docs/backups.md).",
  noDatabase:
    'No Caseroom database in {dataDir} (there is no {database}). Name the data directory with --data-dir or CASEROOM_DATA_DIR.',
  fileExists:
    '{file} already exists. A backup never overwrites anything: choose a new file name, e.g. with the date and time.',
  noFolder: 'The folder {folder} does not exist. Create it first, or choose another place.',
  notSqlite: '{file} is not an SQLite database ({detail}).',
  damaged:
    "{file} is damaged: SQLite's integrity check found errors ({detail}). Nothing was written; use another backup.",
  notCaseroom: '{file} is an SQLite database, but not Caseroom data: it lacks {missing}.',
  writeFailed: 'Could not write ({detail}). Nothing was changed; check disk space and permissions, and try again.',
  noFile: 'The file {file} does not exist.',
  notAFile: '{file} is a folder, not a backup file.',
  unreadable: '{file} cannot be read ({detail}).',
  dataDirNotEmpty:
    'The data directory {dataDir} is not empty (it holds {entries}). Restore only into an empty or new directory — so a restore can never replace data. Name a new directory with --data-dir.',
  dataDirNotADirectory: '{dataDir} is a file, not a directory. Name an empty or new directory with --data-dir.',
  dataDirInUse: 'A server was started on the data directory during the restore; nothing was restored. {detail}',
};

/** A key of the backup commands' messages. */
export type BackupMessageKey = keyof typeof DA;

/** A backup command's message with its `{placeholders}` filled in. */
export function sayBackup(lang: Language, key: BackupMessageKey, params: Record<string, string | number> = {}): string {
  const template = lang === 'da' ? DA[key] : EN[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
