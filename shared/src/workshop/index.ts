export * from './api.ts';
export * from './comments.ts';
export * from './itemPath.ts';
export * from './record.ts';
export * from './signoffs.ts';
export * from './timer.ts';
export * from './votes.ts';
