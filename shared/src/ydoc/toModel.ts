import type * as Y from 'yjs';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { EVALUATION_DESIGNS } from '../model/evaluation.ts';
import { DEPARTMENT_LEVELS } from '../model/facts.ts';
import { EVIDENCE_LEVELS } from '../model/intervention.ts';
import { DIRECTIONS, PAYMENT_BASES } from '../model/outcome.ts';
import { SCHEMA_VERSION } from '../model/primitives.ts';
import type { SetAsideContent } from '../richtext/setAside.ts';
import { workshopPhase } from '../workshop/record.ts';
import { listMap, sectionMap } from './layout.ts';
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
  const richText = (map: Y.Map<unknown> | undefined, key: string, path: string) =>
    readRichTextField(map, key, (part) => setAside.push({ path, ...part }));
  const facts = sectionMap(doc, 'facts');
  const problem = sectionMap(doc, 'problem');
  const targetGroup = sectionMap(doc, 'targetGroup');
  const interventions = sectionMap(doc, 'interventions');
  const payment = sectionMap(doc, 'paymentModel');
  const evaluation = sectionMap(doc, 'evaluation');
  const partners = readMap(facts, 'partners');
  const scenarios = readMap(payment, 'scenarios');
  const range = (name: string) => ({
    low: readNumber(scenarios, `${name}Low`),
    high: readNumber(scenarios, `${name}High`),
  });

  const model: CaseModelDraft = stripUndefined({
    schemaVersion: SCHEMA_VERSION,
    facts: {
      title: readString(facts, 'title'),
      municipality: readString(facts, 'municipality'),
      partners: {
        authority: readString(partners, 'authority'),
        provider: readString(partners, 'provider'),
        investor: readString(partners, 'investor'),
        guarantor: readString(partners, 'guarantor'),
      },
      currency: readString(facts, 'currency'),
      priceYear: readNumber(facts, 'priceYear'),
      startYear: readNumber(facts, 'startYear'),
      horizonYears: readNumber(facts, 'horizonYears'),
      discountRate: readNumber(facts, 'discountRate'),
      // W1: the phase is workshop state; cases from before it kept it in facts.
      phase: workshopPhase(doc) ?? readNumber(facts, 'phase'),
      departments: orderedItems(listMap(doc, 'department')).map(([id, item]) => ({
        id,
        order: readString(item, 'order') ?? '',
        name: readString(item, 'name'),
        level: readChoice(item, 'level', DEPARTMENT_LEVELS),
      })),
      sources: readStringRecord(readMap(facts, 'sources')),
    },
    problem: { text: richText(problem, 'text', 'problem/text') },
    targetGroup: {
      name: readString(targetGroup, 'name'),
      eligibility: richText(targetGroup, 'eligibility', 'targetGroup/eligibility'),
      eligiblePopulation: readNumber(targetGroup, 'eligiblePopulation'),
      intake: readIntake(readMap(targetGroup, 'intake')),
      baseline: richText(targetGroup, 'baseline', 'targetGroup/baseline'),
      sources: readStringRecord(readMap(targetGroup, 'sources')),
    },
    interventions: {
      candidates: orderedItems(listMap(doc, 'intervention')).map(([id, item]) => ({
        id,
        order: readString(item, 'order') ?? '',
        name: readString(item, 'name'),
        description: richText(item, 'description', `interventions/candidates/${id}/description`),
        provider: readString(item, 'provider'),
        evidenceLevel: readChoice(item, 'evidenceLevel', EVIDENCE_LEVELS),
        costPerParticipant: readNumber(item, 'costPerParticipant'),
        fixedCostPerYear: readNumber(item, 'fixedCostPerYear'),
        durationYears: readNumber(item, 'durationYears'),
        sources: readStringRecord(readMap(item, 'sources')),
      })),
      chosenId: nonEmptyId(readString(interventions, 'chosenId')),
      rationale: richText(interventions, 'rationale', 'interventions/rationale'),
    },
    outcomes: orderedItems(listMap(doc, 'outcome')).map(([id, item]) => ({
      id,
      order: readString(item, 'order') ?? '',
      name: readString(item, 'name'),
      definition: readString(item, 'definition'),
      direction: readChoice(item, 'direction', DIRECTIONS),
      dataSource: readString(item, 'dataSource'),
      measurementMethod: readString(item, 'measurementMethod'),
      baselineRate: readNumber(item, 'baselineRate'),
      expectedRate: readNumber(item, 'expectedRate'),
      attribution: readNumber(item, 'attribution'),
      lagYears: readNumber(item, 'lagYears'),
      durationYears: readNumber(item, 'durationYears'),
      persistence: readNumber(item, 'persistence'),
      valuePerDepartment: readNumberRecord(readMap(item, 'valuePerDepartment')),
      pricePerOutcome: readNumber(item, 'pricePerOutcome'),
      paymentBasis: readChoice(item, 'paymentBasis', PAYMENT_BASES),
      sources: readStringRecord(readMap(item, 'sources')),
    })),
    paymentModel: {
      payerShares: readNumberRecord(readMap(payment, 'payerShares')),
      investorFundedShare: readNumber(payment, 'investorFundedShare'),
      paymentCap: readNumber(payment, 'paymentCap'),
      returnCap: readNumber(payment, 'returnCap'),
      guaranteeAmount: readNumber(payment, 'guaranteeAmount'),
      scenarios: { effect: range('effect'), cost: range('cost'), persistence: range('persistence') },
      sources: readStringRecord(readMap(payment, 'sources')),
    },
    evaluation: {
      design: readChoice(evaluation, 'design', EVALUATION_DESIGNS),
      dataSources: readString(evaluation, 'dataSources'),
      measurementPoints: readString(evaluation, 'measurementPoints'),
      evaluator: readString(evaluation, 'evaluator'),
      notes: richText(evaluation, 'notes', 'evaluation/notes'),
      contractYears: readNumber(evaluation, 'contractYears'),
      contractParties: readString(evaluation, 'contractParties'),
      earlyStop: richText(evaluation, 'earlyStop', 'evaluation/earlyStop'),
      signatories: orderedItems(listMap(doc, 'signatory')).map(([id, item]) => ({
        id,
        order: readString(item, 'order') ?? '',
        name: readString(item, 'name'),
        organisation: readString(item, 'organisation'),
      })),
    },
  });
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

function nonEmptyId(value: string | undefined): string | undefined {
  return value && value.length <= 64 ? value : undefined;
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
