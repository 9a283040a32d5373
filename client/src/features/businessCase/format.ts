import { figureFormat } from '@caseroom/shared';

/**
 * Formatting for the business case: the shared figure format (shared/src/format/figureFormat.ts),
 * the same the PDF report uses — Danish number format whatever the UI language.
 */
export const { money, percent, decimal, count, amount, millions, calendarYear, irrText } = figureFormat;
