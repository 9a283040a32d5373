export * from './describeChange.ts';
export * from './diffModels.ts';
