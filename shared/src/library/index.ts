export * from './libraryEntry.ts';
export * from './libraryNote.ts';
export * from './linkStatus.ts';
export * from './seedEntries.ts';
