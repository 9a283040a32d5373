/** The organisation key's file in the data directory: the key itself is not in the database (docs/backups.md). */
export { ORGANISATION_KEY_FILE } from '../access/firstOrganisation.ts';
export { type BackupProblem, type BackupReport, type BackupResult, backupDatabase } from './backupDatabase.ts';
export { CASEROOM_TABLES, type DatabaseFacts, type DatabaseProblem } from './caseroomDatabase.ts';
export { type RestoreProblem, type RestoreReport, type RestoreResult, restoreDatabase } from './restoreDatabase.ts';
