import type * as Y from 'yjs';
import type { z } from 'zod';
import type { FieldSpec } from '../fields/kinds.ts';
import { type CONTAINERS, type Container, fieldsOf } from '../fields/registry.ts';
import { carryOutcomeRatesToCandidates, withChosenCandidateRates } from '../model/candidateRates.ts';
import type { CaseModelDraft, SectionName } from '../model/caseModel.ts';
import { SCHEMA_VERSION } from '../model/primitives.ts';
import type { RichTextSetAside, SetAsideContent } from '../richtext/setAside.ts';
import { workshopPhase } from '../workshop/record.ts';
import { type ItemKind, LISTS, layoutVersion, listMap, sectionMap } from './layout.ts';
import { readLibraryLinks } from './libraryValue.ts';
import { readMeasurementPoints } from './measurementPoints.ts';
import { legacyRateCard } from './migrations/rateCards.ts';
import { orderedItems } from './orderedList.ts';
import {
  readChoice,
  readMap,
  readNumber,
  readNumberRecord,
  readRichTextField,
  readString,
  readStringRecord,
} from './read.ts';
import { readShortText } from './shortText.ts';

/** A container's fields as a draft holds them. */
type DraftFields<C extends Container, F = (typeof CONTAINERS)[C]['fields']> = {
  [K in keyof F]: F[K] extends { draft: infer D extends z.ZodType } ? z.output<D> : never;
};

/** The model as read, and what reading set aside (empty for every document written within the bounds). */
export type ModelReading = { model: CaseModelDraft; setAside: SetAsideContent[] };

/**
 * The case as a plain object. Parses with CaseModelDraft for any document — even a crafted
 * one: fields of the wrong type read as missing, items without a usable id are skipped, rich
 * text is read within its bounds (RICH_TEXT_BOUND) without unbounded recursion.
 */
export function toModel(doc: Y.Doc): CaseModelDraft {
  return readModelWithNotices(doc).model;
}

/**
 * `toModel`, and what it set aside: rich text past its bounds or holding content no editor
 * writes (a case damaged before issue 9, or a crafted document) — so a notice can say which
 * field and why. The model is the same as `toModel`'s; the document is not changed.
 */
export function readModelWithNotices(doc: Y.Doc): ModelReading {
  const setAside: SetAsideContent[] = [];
  const scenarios = readMap(sectionMap(doc, 'paymentModel'), 'scenarios');
  const range = (name: string) => ({
    low: readNumber(scenarios, `${name}Low`),
    high: readNumber(scenarios, `${name}High`),
  });
  const fields = <C extends Container>(container: C, map: Y.Map<unknown> | undefined, path: string) =>
    readFields(container, map, path, (field, part) => setAside.push({ path: field, ...part }));
  const section = <S extends SectionName & Container>(name: S) => fields(name, sectionMap(doc, name), name);
  const items = <K extends ItemKind, E extends object = object>(kind: K, more?: (item: Y.Map<unknown>) => E) =>
    orderedItems(listMap(doc, kind)).map(([id, item]) => ({
      id,
      order: readString(item, 'order') ?? '',
      ...fields(kind, item, `${LISTS[kind].section}/${LISTS[kind].key}/${id}`),
      ...(more?.(item) as E),
    }));
  const itemSources = (item: Y.Map<unknown>) => ({ sources: readStringRecord(readMap(item, 'sources')) });
  // P7: before layout 4 an outcome had one price and basis: its rate card is their one point, and
  // the price's source note the rate card's (what migration 3 → 4 writes).
  const legacy = layoutVersion(doc) < 4;
  const outcomeParts = (item: Y.Map<unknown>) => {
    const { sources } = itemSources(item);
    const libraryLinks = readLibraryLinks(item);
    if (!legacy) return { sources, libraryLinks };
    const { pricePerOutcome: note, ...rest } = sources;
    return {
      points: legacyRateCard(item),
      sources: note === undefined ? rest : { ...rest, points: note },
      libraryLinks,
    };
  };
  const sources = (name: SectionName) => readStringRecord(readMap(sectionMap(doc, name), 'sources'));
  const facts = section('facts');

  const read: CaseModelDraft = stripUndefined({
    schemaVersion: SCHEMA_VERSION,
    facts: {
      ...facts,
      // W1: the phase is workshop state; cases from before it kept it in facts.
      phase: workshopPhase(doc) ?? facts.phase,
      partners: fields('facts.partners', readMap(sectionMap(doc, 'facts'), 'partners'), 'facts/partners'),
      departments: items('department'),
      sources: sources('facts'),
    },
    problem: section('problem'),
    targetGroup: { ...section('targetGroup'), sources: sources('targetGroup') },
    interventions: { candidates: items('intervention', itemSources), ...section('interventions') },
    outcomes: items('outcome', outcomeParts),
    paymentModel: {
      ...section('paymentModel'),
      scenarios: { effect: range('effect'), cost: range('cost'), persistence: range('persistence') },
      sources: sources('paymentModel'),
    },
    evaluation: { ...section('evaluation'), signatories: items('signatory') },
  });
  // P19: an outcome's expected rate is the chosen candidate's. Before layout 3 the rate was the
  // outcome's own, which every candidate reads as its own (what migration 2 → 3 writes).
  const model = withChosenCandidateRates(layoutVersion(doc) < 3 ? carryOutcomeRatesToCandidates(read) : read);
  return { model, setAside };
}

/** Cohorts: the intake map's keys are year offsets, its values the participants. */
function readIntake(map: Y.Map<unknown> | undefined): { year: number; participants: number }[] {
  const cohorts: { year: number; participants: number }[] = [];
  map?.forEach((value, key) => {
    const year = Number(key);
    if (/^\d{1,3}$/.test(key) && typeof value === 'number' && Number.isFinite(value)) {
      cohorts.push({ year, participants: value });
    }
  });
  return cohorts.sort((a, b) => a.year - b.year);
}

/**
 * A container's fields read per kind from its map (`path` is the map's document path, for
 * notices). A value of the wrong type reads as missing.
 */
function readFields<C extends Container>(
  container: C,
  map: Y.Map<unknown> | undefined,
  path: string,
  setAside: (path: string, part: RichTextSetAside) => void,
): DraftFields<C> {
  const out: Record<string, unknown> = {};
  for (const field of fieldsOf(container)) out[field.key] = readField(field, map, `${path}/${field.key}`, setAside);
  return out as DraftFields<C>;
}

function readField(
  field: FieldSpec & { key: string },
  map: Y.Map<unknown> | undefined,
  path: string,
  setAside: (path: string, part: RichTextSetAside) => void,
): unknown {
  const { key } = field;
  switch (field.kind) {
    case 'richText':
      return readRichTextField(map, key, (part) => setAside(path, part));
    case 'shortText':
      return readShortText(map, key);
    case 'reference': {
      const id = readString(map, key);
      return id && id.length <= field.maxChars ? id : undefined;
    }
    case 'number':
      return readNumber(map, key);
    case 'choice':
      return readChoice(map, key, field.choices);
    case 'numberRecord':
      return readNumberRecord(readMap(map, key));
    case 'cohorts':
      return readIntake(readMap(map, key));
    case 'measurementPoints':
      return readMeasurementPoints(readMap(map, key));
  }
}

/** Drops keys whose value is undefined, so the JSON is tidy and optional fields are absent. */
function stripUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripUndefined) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) out[key] = stripUndefined(inner);
    }
    return out as T;
  }
  return value;
}
