import type { Language } from '@caseroom/shared';

/** The CLI's own words, in Danish and English. */
const DA = {
  usage:
    'Brug: caseroom validate <case.json> [--lang da|en] [--json]\n       caseroom price <case.json> [--json] [--seed N] [--iterations N] [--lang da|en]\n       caseroom setup --organisation "<navn>" [--data-dir <mappe>]\n       caseroom setup --new-key [--data-dir <mappe>]\n       caseroom backup <fil> [--data-dir <mappe>]\n       caseroom restore <fil> [--data-dir <tom mappe>]',
  unknownCommand: 'Ukendt kommando: {command}.',
  missingFile: 'Angiv en case-fil (JSON fra GET /api/cases/:id/model eller en JSON-eksport).',
  cannotRead: '{file}: filen kan ikke læses ({reason}).',
  unreadable: '{file}: {reason}',
  notACase: '{file}: kan ikke læses som en case:',
  moreErrors: '… og {count} fejl mere.',
  badOption: 'Ugyldig værdi for --{option}: {value}.',
  valid: 'Casen har ingen fejl.',
  errorsFound: 'Casen har {count} fejl.',
  findings: 'Fund',
  headline: 'Nøgletal',
  yearly: 'År for år',
  scenarios: 'Scenarier',
  sensitivity: 'Følsomhed (tornado)',
  monteCarlo: 'Monte Carlo ({iterations} træk, frø {seed})',
  notPriceable: 'Business casen kan ikke beregnes: {reason}',
  readiness: 'Klar til at lukke fase {phase}: {ready}',
  yes: 'ja',
  no: 'nej',
} as const;

const EN: Record<keyof typeof DA, string> = {
  usage:
    'Usage: caseroom validate <case.json> [--lang da|en] [--json]\n       caseroom price <case.json> [--json] [--seed N] [--iterations N] [--lang da|en]\n       caseroom setup --organisation "<name>" [--data-dir <dir>]\n       caseroom setup --new-key [--data-dir <dir>]\n       caseroom backup <file> [--data-dir <dir>]\n       caseroom restore <file> [--data-dir <empty dir>]',
  unknownCommand: 'Unknown command: {command}.',
  missingFile: 'Name a case file (the JSON from GET /api/cases/:id/model, or a JSON export).',
  cannotRead: '{file}: the file cannot be read ({reason}).',
  unreadable: '{file}: {reason}',
  notACase: '{file}: cannot be read as a case:',
  moreErrors: '… and {count} more.',
  badOption: 'Invalid value for --{option}: {value}.',
  valid: 'The case has no errors.',
  errorsFound: 'The case has {count} errors.',
  findings: 'Findings',
  headline: 'Headline figures',
  yearly: 'Year by year',
  scenarios: 'Scenarios',
  sensitivity: 'Sensitivity (tornado)',
  monteCarlo: 'Monte Carlo ({iterations} draws, seed {seed})',
  notPriceable: 'The business case cannot be calculated: {reason}',
  readiness: 'Ready to close phase {phase}: {ready}',
  yes: 'yes',
  no: 'no',
};

export type CliMessageKey = keyof typeof DA;

/** A CLI message with its `{placeholders}` filled in. */
export function say(lang: Language, key: CliMessageKey, params: Record<string, string | number> = {}): string {
  const template = lang === 'da' ? DA[key] : EN[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
