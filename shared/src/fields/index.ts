export * from './choices.ts';
export * from './groups.ts';
export * from './kinds.ts';
export * from './language.ts';
export * from './registry.ts';
export * from './shape.ts';
