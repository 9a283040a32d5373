export * from './portfolioFigures.ts';
export * from './portfolioRow.ts';
