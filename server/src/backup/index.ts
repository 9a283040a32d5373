export { type BackupProblem, type BackupReport, type BackupResult, backupDatabase } from './backupDatabase.ts';
export { CASEROOM_TABLES, type DatabaseFacts, type DatabaseProblem } from './caseroomDatabase.ts';
export { type RestoreProblem, type RestoreReport, type RestoreResult, restoreDatabase } from './restoreDatabase.ts';
