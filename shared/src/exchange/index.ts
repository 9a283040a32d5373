export * from './caseExport.ts';
export * from './exportFormats.ts';
export * from './importErrors.ts';
export * from './importShape.ts';
export * from './migrations.ts';
export * from './modelBounds.ts';
export * from './modelChecks.ts';
export * from './parseCaseImport.ts';
