import type { z } from 'zod';
import { fieldSpec } from '../fields/registry.ts';
import { NUMBER_KINDS, type NumberKind } from '../format/danishNumber.ts';
import { CaseModel, type CaseModelDraft, type SectionName } from '../model/caseModel.ts';
import type { Finding, FindingParam } from './finding.ts';
import { text } from './finding.ts';

/** Lists whose items are addressed by id (or, for intake, by year) in finding paths. */
const ITEM_LISTS: Record<string, string> = {
  'facts.departments': 'department',
  'targetGroup.intake': 'intake',
  'interventions.candidates': 'intervention',
  outcomes: 'outcome',
  'evaluation.signatories': 'signatory',
};

/** Map-like fields whose keys are department ids: a finding points at the whole field. */
const RECORD_FIELDS = new Set([
  'outcome.valuePerDepartment',
  'outcome.points',
  'intervention.expectedRates',
  'paymentModel.payerShares',
  'paymentModel.scenarios',
  'facts.sources',
]);

const RATE_FIELDS = new Set([
  'facts.discountRate',
  'outcome.baselineRate',
  'outcome.expectedRate',
  'intervention.expectedRates',
  'outcome.attribution',
  'outcome.persistence',
  'paymentModel.payerShares',
  'paymentModel.investorFundedShare',
]);

type Located = { path: (string | number)[]; labelKey: string; item?: { kind: string; name?: string } };

/**
 * V1 (structure): every input the complete model needs is present, of the right type and in
 * range — rates in [0, 1], money ≥ 0, whole numbers of people and years, a horizon of 1–50
 * years. Derived from the complete schema, so schema and findings never disagree.
 */
export function structureFindings(model: CaseModelDraft): Finding[] {
  const result = CaseModel.safeParse(model);
  if (result.success) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  // P2: with the Danish schedule the flat rate is not used, so it is neither needed nor checked.
  const flatRateUnused = model.facts.discountMethod === 'schedule';
  for (const issue of result.error.issues) {
    const located = locate(model, issue.path);
    if (flatRateUnused && located.labelKey === 'facts.discountRate') continue;
    const key = located.path.join('.');
    if (seen.has(key)) continue; // one finding per field
    seen.add(key);
    const value = valueAt(model, issue.path);
    const messageKey =
      located.labelKey === 'outcome.points' ? pointMessage(issue, value) : messageFor(issue, value, located.labelKey);
    const finding: Finding = {
      rule: 'V1',
      severity: 'error',
      section: located.path[0] as SectionName,
      path: located.path,
      messageKey,
      params: {
        field: { kind: 'label', value: located.labelKey },
        item: text(located.item?.name),
        ...(issue.code === 'too_small' && (messageKey === 'tooSmall' || messageKey === 'notAbove')
          ? { min: boundParam(located.labelKey, Number(issue.minimum)) }
          : {}),
      },
    };
    if (messageKey === 'outcomeNoDataSource') finding.rule = 'V9';
    findings.push(finding);
  }
  return findings;
}

/**
 * The message for one schema issue. Only an absent value is "missing": a number below its
 * minimum — a discount rate of −150 %, a duration of 0 years — is out of range and says so.
 */
function messageFor(issue: z.core.$ZodIssue, value: unknown, labelKey: string): string {
  const missing = value === undefined || (typeof value === 'string' && value.trim() === '');
  if (labelKey === 'outcome.dataSource' && missing) return 'outcomeNoDataSource';
  if (issue.code === 'too_small' && issue.origin === 'array') return 'listEmpty';
  if (missing) return 'required';
  if (labelKey === 'facts.horizonYears' && (issue.code === 'too_small' || issue.code === 'too_big')) {
    return 'horizonRange';
  }
  if (RATE_FIELDS.has(labelKey) && (issue.code === 'too_small' || issue.code === 'too_big')) return 'rateRange';
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'notWhole';
  if (issue.code === 'too_small' && issue.origin === 'number') {
    if (!issue.inclusive) return 'notAbove';
    return Number(issue.minimum) === 0 ? 'negative' : 'tooSmall';
  }
  if (issue.code === 'too_big') return 'tooLarge';
  if (issue.code === 'invalid_value') return 'invalidChoice';
  return 'invalid';
}

/** P7: what is wrong with an outcome's rate card (its points are found by the outcome's path). */
function pointMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.path.length <= 3) return issue.code === 'too_big' ? 'pointsTooMany' : 'pointsEmpty';
  const part = issue.path.at(-1);
  if (part === 'months') return value === undefined ? 'pointMonthsMissing' : 'pointMonthsRange';
  if (part === 'price') {
    if (value === undefined) return 'pointPriceMissing';
    return issue.code === 'too_small' ? 'pointPriceNegative' : 'tooLarge'; // too large: V23 names the bound
  }
  return 'pointBasisMissing';
}

/** A field's bound, read in the field's unit (a calendar year as itself). */
function boundParam(labelKey: string, value: number): FindingParam {
  const field = fieldSpec(labelKey);
  const unit = field && 'unit' in field ? field.unit : 'decimal';
  return (NUMBER_KINDS as readonly string[]).includes(unit) ? { kind: unit as NumberKind, value } : text(String(value));
}

/** Rewrites a schema path to one that names items by id and gives the field's label key. */
function locate(model: CaseModelDraft, zodPath: PropertyKey[]): Located {
  const path: (string | number)[] = [];
  let labelBase = '';
  let container: unknown = model;
  let item: Located['item'];
  for (let i = 0; i < zodPath.length; i++) {
    const segment = zodPath[i];
    const next = (container as Record<PropertyKey, unknown> | undefined)?.[segment as string];
    if (typeof segment === 'number') {
      const listKey = path.filter((p) => typeof p === 'string').join('.');
      const kind = ITEM_LISTS[listKey] ?? listKey;
      const element = next as { id?: string; year?: number; name?: string } | undefined;
      path.push(element?.id ?? (element?.year !== undefined ? String(element.year) : segment));
      item = { kind, name: element?.name ?? (element?.year !== undefined ? String(element.year) : undefined) };
      labelBase = kind;
    } else {
      path.push(String(segment));
      labelBase = labelBase ? `${labelBase}.${String(segment)}` : String(segment);
      if (RECORD_FIELDS.has(labelBase)) break;
    }
    container = next;
  }
  return { path, labelKey: labelBase, item };
}

function valueAt(model: CaseModelDraft, zodPath: PropertyKey[]): unknown {
  let value: unknown = model;
  for (const segment of zodPath) value = (value as Record<PropertyKey, unknown> | undefined)?.[segment as string];
  return value;
}
