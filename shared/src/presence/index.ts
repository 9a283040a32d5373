export * from './palette.ts';
export * from './presenceState.ts';
