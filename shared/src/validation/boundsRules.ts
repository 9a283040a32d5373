import type { CaseModelDraft, SectionName } from '../model/caseModel.ts';
import {
  ABSOLUTE_BOUNDS,
  type AbsoluteBound,
  type ValueOutOfBounds,
  valuesOutOfBounds,
  withinBound,
} from '../pricing/absoluteBounds.ts';
import { caseBoundedValues } from '../pricing/boundedValues.ts';
import type { Finding, FindingParam } from './finding.ts';
import { text } from './finding.ts';

const MESSAGE_KEYS = { above: 'boundAbove', below: 'boundBelow', notWhole: 'boundNotWhole' } as const;

/**
 * P20 in findings:
 * - V23 (error): a value outside its absolute bound (`pricing/absoluteBounds.ts`), one finding
 *   per field, naming the field and the bound. The figures it feeds are not priced.
 * - V24 (warning): a duration — an outcome's effect or the intervention — longer than the whole
 *   horizon. It is cut at H: only the years inside the horizon are computed.
 * `validate` drops a V23 finding where V1 already reports the same field (V1's message names
 * the same bound: a horizon of 1–50 years, a rate of 0–100 %, no negative amounts).
 */
export function boundFindings(model: CaseModelDraft): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const violation of valuesOutOfBounds(caseBoundedValues(model))) {
    const key = violation.path.join('/');
    if (seen.has(key)) continue; // one finding per field, as V1
    seen.add(key);
    findings.push(outOfBoundsFinding(violation, model));
  }
  findings.push(...durationsPastHorizon(model));
  return findings;
}

/** The V23 finding for one value outside its bound (also what a "not priced" reason shows). */
export function outOfBoundsFinding(violation: ValueOutOfBounds, model?: CaseModelDraft): Finding {
  const bound: AbsoluteBound = ABSOLUTE_BOUNDS[violation.field];
  const limit = (value: number): FindingParam => ({ kind: bound.kind, value });
  return {
    rule: 'V23',
    severity: 'error',
    section: violation.path[0] as SectionName,
    path: violation.path,
    messageKey: MESSAGE_KEYS[violation.problem],
    params: {
      field: { kind: 'label', value: violation.field },
      item: text(model ? itemName(model, violation.path) : undefined),
      min: limit(bound.min),
      // Years have no upper bound (they are cut at H); `above` never happens for them.
      ...(Number.isFinite(bound.max) ? { max: limit(bound.max) } : {}),
    },
  };
}

/** V24: durations longer than the horizon itself, which P20 cuts at H. */
function durationsPastHorizon(model: CaseModelDraft): Finding[] {
  const horizon = model.facts.horizonYears;
  if (horizon === undefined || !withinBound('facts.horizonYears', horizon)) return [];
  const findings: Finding[] = [];
  const add = (path: string[], field: string, item: string | undefined) =>
    findings.push({
      rule: 'V24',
      severity: 'warning',
      section: path[0] as SectionName,
      path,
      messageKey: 'durationPastHorizon',
      params: {
        field: { kind: 'label', value: field },
        item: text(item),
        horizon: { kind: 'years', value: horizon },
      },
    });
  for (const candidate of model.interventions.candidates) {
    const d = candidate.durationYears;
    if (d !== undefined && withinBound('intervention.durationYears', d) && d > horizon) {
      add(['interventions', 'candidates', candidate.id, 'durationYears'], 'intervention.durationYears', candidate.name);
    }
  }
  for (const outcome of model.outcomes) {
    const d = outcome.durationYears;
    if (d !== undefined && withinBound('outcome.durationYears', d) && d > horizon) {
      add(['outcomes', outcome.id, 'durationYears'], 'outcome.durationYears', outcome.name);
    }
  }
  return findings;
}

function itemName(model: CaseModelDraft, path: (string | number)[]): string | undefined {
  const [section, second, third] = path;
  if (section === 'outcomes') return model.outcomes.find((o) => o.id === second)?.name;
  if (section === 'interventions') return model.interventions.candidates.find((c) => c.id === third)?.name;
  if (section === 'targetGroup' && second === 'intake') return third === undefined ? undefined : String(third);
  return undefined;
}
