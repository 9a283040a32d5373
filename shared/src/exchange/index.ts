export * from './caseExport.ts';
export * from './importErrors.ts';
export * from './migrations.ts';
export * from './parseCaseImport.ts';
