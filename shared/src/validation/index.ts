export * from './finding.ts';
export * from './labels.ts';
export * from './messages.ts';
export * from './readiness.ts';
export * from './render.ts';
export * from './validate.ts';
