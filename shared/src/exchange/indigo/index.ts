export * from './indigoOrganisations.ts';
export * from './indigoRecord.ts';
export * from './indigoTypes.ts';
