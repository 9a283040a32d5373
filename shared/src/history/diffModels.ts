import { allFields, fieldSpec } from '../fields/registry.ts';
import type { CaseModelDraft, SectionName } from '../model/caseModel.ts';
import type { RichText } from '../model/primitives.ts';
import { richTextToPlain } from '../richtext/convert.ts';

/** One readable change between two versions of a case. */
export type ModelChange =
  | {
      kind: 'field';
      section: SectionName;
      path: string[];
      labelKey: string;
      item?: string;
      /** The key inside a map field, e.g. the department id of a value per department. */
      detail?: string;
      before: unknown;
      after: unknown;
    }
  | { kind: 'text'; section: SectionName; path: string[]; labelKey: string; item?: string }
  | { kind: 'itemAdded' | 'itemRemoved'; section: SectionName; path: string[]; list: string; item: string }
  | { kind: 'reordered'; section: SectionName; path: string[]; list: string };

type Item = { id: string; name?: string; [key: string]: unknown };

/** Lists whose items are compared by id: where they are and what their items are called. */
const LISTS: { section: SectionName; key: string[]; list: string; get: (m: CaseModelDraft) => Item[] }[] = [
  { section: 'facts', key: ['departments'], list: 'department', get: (m) => m.facts.departments },
  { section: 'interventions', key: ['candidates'], list: 'intervention', get: (m) => m.interventions.candidates },
  { section: 'outcomes', key: [], list: 'outcome', get: (m) => m.outcomes },
  { section: 'evaluation', key: ['signatories'], list: 'signatory', get: (m) => m.evaluation.signatories },
];

/** Keys of prose fields: compared as text, one "the text was edited" line. */
const RICH_TEXT_FIELDS = new Set(allFields().flatMap((f) => (f.kind === 'richText' ? [f.key] : [])));

/** Keys of maps whose entries are compared one by one under the map's label (a department's value, a year's intake, a source note). */
const RECORD_FIELDS = new Set([
  'sources',
  ...allFields().flatMap((f) => (f.kind === 'numberRecord' || f.kind === 'cohorts' ? [f.key] : [])),
]);

/**
 * What changed between two versions of a case, per section, as readable changes (not a byte
 * diff): fields set or cleared, prose edited, items added, removed or reordered. List items
 * are matched by id, so an edited outcome is "changed", not "removed and added".
 */
export function diffModels(before: CaseModelDraft, after: CaseModelDraft): ModelChange[] {
  const changes: ModelChange[] = [];
  const listKeys = new Set(LISTS.map((l) => [l.section, ...l.key].join('.')));

  /**
   * Compares two values at `path`. `prefix` is the label prefix (a section, or an item kind
   * inside a list); `field` the field name the label uses (nested objects extend it, record
   * maps such as values per department stop it and keep the key as `detail`).
   */
  const walk = (
    section: SectionName,
    path: string[],
    a: unknown,
    b: unknown,
    prefix: string,
    field: string,
    item?: string,
    detail?: string,
  ) => {
    const labelKey = field ? `${prefix}.${field}` : prefix;
    const key = path.at(-1) ?? '';
    const spec = fieldSpec(labelKey);
    // P19: an outcome's expected rate is the chosen candidate's, whose own change names it.
    if (spec?.kind === 'number' && spec.ofChosenCandidate) return;
    if (spec?.kind === 'cohorts' && (Array.isArray(a) || Array.isArray(b))) {
      // Cohorts compare per year (shown as year 1, 2, …), not as one list.
      const byYear = (cohorts: unknown) =>
        Object.fromEntries(
          ((cohorts ?? []) as { year: number; participants: number }[]).map((c) => [
            String(c.year + 1),
            c.participants,
          ]),
        );
      walk(section, path, byYear(a), byYear(b), prefix, field, item, detail);
      return;
    }
    if (isRichText(a) || isRichText(b) || RICH_TEXT_FIELDS.has(key)) {
      const textA = isRichText(a) ? richTextToPlain(a) : '';
      const textB = isRichText(b) ? richTextToPlain(b) : '';
      if (textA !== textB) changes.push({ kind: 'text', section, path, labelKey, item });
      return;
    }
    if (isPlainObject(a) || isPlainObject(b)) {
      const objA = (isPlainObject(a) ? a : {}) as Record<string, unknown>;
      const objB = (isPlainObject(b) ? b : {}) as Record<string, unknown>;
      for (const k of new Set([...Object.keys(objA), ...Object.keys(objB)])) {
        // Issue 15: a library link changes with the value and its note, whose changes name it.
        if (k === 'order' || k === 'id' || (k === 'libraryLinks' && prefix === 'outcome')) continue;
        const childPath = [...path, k];
        if (listKeys.has(childPath.join('.'))) continue;
        if (isRecordField(key)) {
          walk(section, childPath, objA[k], objB[k], prefix, field, item, detail ? `${detail}.${k}` : k);
        } else {
          walk(section, childPath, objA[k], objB[k], prefix, field ? `${field}.${k}` : k, item, detail);
        }
      }
      return;
    }
    const same = Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
    if (!same) changes.push({ kind: 'field', section, path, labelKey, item, detail, before: a, after: b });
  };

  for (const section of ['facts', 'problem', 'targetGroup', 'interventions', 'paymentModel', 'evaluation'] as const) {
    walk(section, [section], before[section], after[section], section, '');
  }

  for (const list of LISTS) {
    const itemsA = list.get(before);
    const itemsB = list.get(after);
    const byIdA = new Map(itemsA.map((i) => [i.id, i]));
    const byIdB = new Map(itemsB.map((i) => [i.id, i]));
    const path = [list.section, ...list.key];
    for (const item of itemsA) {
      if (!byIdB.has(item.id))
        changes.push({
          kind: 'itemRemoved',
          section: list.section,
          path: [...path, item.id],
          list: list.list,
          item: item.name ?? '',
        });
    }
    for (const item of itemsB) {
      const old = byIdA.get(item.id);
      if (!old) {
        changes.push({
          kind: 'itemAdded',
          section: list.section,
          path: [...path, item.id],
          list: list.list,
          item: item.name ?? '',
        });
      } else {
        walk(list.section, [...path, item.id], old, item, list.list, '', item.name ?? old.name);
      }
    }
    const common = (items: Item[], other: Map<string, Item>) => items.filter((i) => other.has(i.id)).map((i) => i.id);
    if (common(itemsA, byIdB).join() !== common(itemsB, byIdA).join()) {
      changes.push({ kind: 'reordered', section: list.section, path, list: list.list });
    }
  }
  return changes;
}

/** Changes grouped by section, in the workspace's section order. */
export function changesBySection(changes: readonly ModelChange[]): Partial<Record<SectionName, ModelChange[]>> {
  const grouped: Partial<Record<SectionName, ModelChange[]>> = {};
  for (const change of changes) {
    const list = grouped[change.section] ?? [];
    list.push(change);
    grouped[change.section] = list;
  }
  return grouped;
}

function isRichText(value: unknown): value is RichText {
  return isPlainObject(value) && (value as { type?: unknown }).type === 'doc';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRecordField(key: string): boolean {
  return RECORD_FIELDS.has(key);
}
