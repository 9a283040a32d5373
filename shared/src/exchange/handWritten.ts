import { generateNKeysBetween } from 'fractional-indexing';
import { isRecord } from './migrations.ts';

/** Empty rich text as the shared editor schema accepts it (a document holds at least one block). */
const EMPTY_TEXT = { type: 'doc', content: [{ type: 'paragraph' }] };

/** The structure of an empty case: what a hand-written file may leave out (values are never filled in). */
const SKELETON: Record<string, Record<string, unknown> | unknown[]> = {
  facts: { partners: {}, departments: [], sources: {} },
  problem: { text: EMPTY_TEXT },
  targetGroup: { eligibility: EMPTY_TEXT, intake: [], baseline: EMPTY_TEXT, sources: {} },
  interventions: { candidates: [], rationale: EMPTY_TEXT },
  outcomes: [],
  paymentModel: { payerShares: {}, scenarios: { effect: {}, cost: {}, persistence: {} }, sources: {} },
  evaluation: { notes: EMPTY_TEXT, earlyStop: EMPTY_TEXT, signatories: [] },
};

/** The lists whose items carry an `order` key, and the empty keys of each item. */
const LISTS: { at: [string, string?]; item: Record<string, unknown> }[] = [
  { at: ['facts', 'departments'], item: {} },
  { at: ['interventions', 'candidates'], item: { sources: {}, description: EMPTY_TEXT } },
  { at: ['outcomes'], item: { sources: {}, valuePerDepartment: {} } },
  { at: ['evaluation', 'signatories'], item: {} },
];

/**
 * Completes a model written by hand (docs/exchange.md): the structure Caseroom keeps but a person
 * should not have to type — a left-out section, empty `partners` / `sources` / lists / rich text,
 * and each list item's `order` key (the file's order) — before the schema check. Only what is
 * missing is added: no figure is ever filled in, and a value of the wrong type is left for the
 * check to report. Works on untrusted plain JSON.
 */
export function completeHandWritten(model: Record<string, unknown>): Record<string, unknown> {
  const completed: Record<string, unknown> = { ...model };
  for (const [section, skeleton] of Object.entries(SKELETON)) {
    const given = completed[section];
    if (given === undefined) completed[section] = structuredClone(skeleton);
    else if (isRecord(given) && isRecord(skeleton)) completed[section] = { ...structuredClone(skeleton), ...given };
  }
  for (const { at, item } of LISTS) {
    const [section, key] = at;
    const holder = key ? completed[section] : completed;
    if (!isRecord(holder)) continue;
    const list = holder[key ?? section];
    if (!Array.isArray(list)) continue;
    const keys = generateNKeysBetween(null, null, list.length);
    holder[key ?? section] = list.map((entry, index) =>
      isRecord(entry) ? { ...structuredClone(item), order: keys[index], ...entry } : entry,
    );
  }
  return completed;
}
