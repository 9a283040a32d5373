export * from './random.ts';
export * from './risk.ts';
export * from './scenarioInputs.ts';
