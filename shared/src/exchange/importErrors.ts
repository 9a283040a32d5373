import { fieldLabel, type Language } from '../validation/labels.ts';

/** One reason an import was refused, in Danish and English, at a path in the file. */
export type ImportError = {
  /** Path in the file, e.g. ['model', 'outcomes', 1, 'expectedRate'] ([] for the whole file). */
  path: (string | number)[];
  message: { da: string; en: string };
};

/** The most errors one refusal lists (a wholly wrong file would otherwise list thousands). */
export const MAX_IMPORT_ERRORS = 50;

/** Builds an ImportError. */
export const importError = (path: (string | number)[], da: string, en: string): ImportError => ({
  path,
  message: { da, en },
});

/** The model's lists by path, each with its item kind: the container of the items' fields (`<kind>.<field>` in labels.ts). */
export const ITEM_KINDS: Record<string, string> = {
  'facts.departments': 'department',
  outcomes: 'outcome',
  'interventions.candidates': 'intervention',
  'targetGroup.intake': 'intake',
  'evaluation.signatories': 'signatory',
};

const SECTION_LABELS: Record<string, [string, string]> = {
  facts: ['Fakta', 'Facts'],
  problem: ['Problem', 'Problem'],
  targetGroup: ['Målgruppe', 'Target group'],
  interventions: ['Indsatser', 'Interventions'],
  outcomes: ['Resultatmål', 'Outcome targets'],
  paymentModel: ['Betalingsmodel', 'Payment model'],
  evaluation: ['Evaluering', 'Evaluation'],
  decisions: ['Beslutninger', 'Decisions'],
  signoffs: ['Godkendelser', 'Sign-offs'],
  schemaVersion: ['Skemaversion', 'Schema version'],
  format: ['Format', 'Format'],
};

/**
 * A path in the file in plain words, e.g. "Resultatmål 2 › Forventet andel med indsats":
 * list items by their number (from 1), fields by their label; the export's `model` wrapper
 * is left out.
 */
export function describePath(path: readonly (string | number)[], lang: Language): string {
  const segments = path[0] === 'model' ? path.slice(1) : path;
  const parts: string[] = [];
  let key = '';
  const label = (k: string): string => {
    const section = SECTION_LABELS[k];
    if (section) return section[lang === 'da' ? 0 : 1];
    const found = fieldLabel(k, lang);
    return found === k ? (k.split('.').pop() ?? k) : found;
  };
  let atItem = false;
  for (const segment of segments) {
    atItem = typeof segment === 'number';
    if (typeof segment === 'number') {
      parts.push(`${label(key)} ${segment + 1}`);
      key = ITEM_KINDS[key] ?? '';
      continue;
    }
    const next = key ? `${key}.${segment}` : segment;
    if (key && fieldLabel(key, lang) !== key && fieldLabel(next, lang) === next && !ITEM_KINDS[next]) {
      // Beneath a labelled field (e.g. a department id in valuePerDepartment): name it as is.
      parts.push(label(key));
      key = '';
      parts.push(segment);
      continue;
    }
    key = next;
  }
  // A path ending at a list item is named by the item ("Resultatmål 2"), not by its kind.
  if (key && !atItem) parts.push(label(key));
  return parts.join(' › ');
}

/**
 * The part of a path that names a field a person knows (sections, labelled fields, list items
 * by number), e.g. `['model', 'problem', 'text']` of a path that goes on into the text's
 * nodes: where to point a person when the rest of the path is the file's own structure.
 */
export function labelledPrefix(path: readonly (string | number)[]): (string | number)[] {
  const start = path[0] === 'model' ? 1 : 0;
  let key = '';
  let end = start;
  for (let i = start; i < path.length; i++) {
    const segment = path[i] as string | number;
    if (typeof segment === 'number') {
      // Only a list the file is known to hold has numbered items worth naming.
      if (!(key in ITEM_KINDS) && !HISTORY_LISTS.has(key)) break;
      key = ITEM_KINDS[key] ?? '';
    } else {
      const next = key ? `${key}.${segment}` : segment;
      if (!(next in SECTION_LABELS) && fieldLabel(next, 'en') === next) break;
      key = next;
    }
    end = i + 1;
  }
  return path.slice(0, end);
}

/** The imported history's lists (their items have no labelled fields). */
const HISTORY_LISTS = new Set(['decisions', 'signoffs']);

/** What the value at a path should have been, as a phrase ("skal være et tal"). */
export function expectation(
  issue: {
    code: string;
    expected?: string;
    values?: readonly unknown[];
    origin?: string;
    minimum?: unknown;
    maximum?: unknown;
  },
  received: unknown,
): { da: string; en: string } {
  if (issue.code === 'invalid_type') {
    if (received === undefined) return { da: 'mangler', en: 'is missing' };
    const [da, en] = TYPE_WORDS[issue.expected ?? ''] ?? [`skal være ${issue.expected}`, `must be ${issue.expected}`];
    return { da, en };
  }
  if (issue.code === 'invalid_value' && issue.values) {
    const list = issue.values.map((v) => JSON.stringify(v)).join(', ');
    return issue.values.length === 1
      ? { da: `skal være ${list}`, en: `must be ${list}` }
      : { da: `skal være en af ${list}`, en: `must be one of ${list}` };
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const small = issue.code === 'too_small';
    const bound = String(small ? issue.minimum : issue.maximum);
    if (issue.origin === 'string') {
      return small
        ? { da: `skal have mindst ${bound} tegn`, en: `must have at least ${bound} characters` }
        : { da: `må højst have ${bound} tegn`, en: `must have at most ${bound} characters` };
    }
    if (issue.origin === 'array') {
      return small
        ? { da: `skal have mindst ${bound} elementer`, en: `must have at least ${bound} items` }
        : { da: `må højst have ${bound} elementer`, en: `must have at most ${bound} items` };
    }
    return small
      ? { da: `skal være mindst ${bound}`, en: `must be at least ${bound}` }
      : { da: `må højst være ${bound}`, en: `must be at most ${bound}` };
  }
  if (typeof received === 'number' && !Number.isFinite(received)) {
    return { da: 'skal være et endeligt tal', en: 'must be a finite number' };
  }
  return { da: 'har en ugyldig værdi', en: 'has an invalid value' };
}

const TYPE_WORDS: Record<string, [string, string]> = {
  number: ['skal være et tal', 'must be a number'],
  string: ['skal være tekst', 'must be text'],
  boolean: ['skal være sand eller falsk', 'must be true or false'],
  object: ['skal være et objekt ({ … })', 'must be an object ({ … })'],
  record: ['skal være et objekt ({ … })', 'must be an object ({ … })'],
  array: ['skal være en liste ([ … ])', 'must be a list ([ … ])'],
  int: ['skal være et helt tal', 'must be a whole number'],
};
