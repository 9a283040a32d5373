import type { CaseModelDraft } from '../model/caseModel.ts';
import { withinBound } from '../pricing/absoluteBounds.ts';
import type { Finding, FindingParam } from './finding.ts';
import { text } from './finding.ts';

const percent = (value: number): FindingParam => ({ kind: 'percent', value });
const count = (value: number): FindingParam => ({ kind: 'count', value });
/** Shares are compared to 100 % with this tolerance (rounding in typed percentages). */
const SHARE_TOLERANCE = 1e-6;

/**
 * Consistency rules V2–V13 (docs/validation.md): the inputs are each fine but do not fit
 * together.
 */
export function consistencyFindings(model: CaseModelDraft): Finding[] {
  const findings: Finding[] = [];
  const add = (finding: Omit<Finding, 'params'> & { params?: Finding['params'] }) =>
    findings.push({ params: {}, ...finding });
  const departments = new Map(model.facts.departments.map((d) => [d.id, d]));
  const departmentName = (id: string) => text(departments.get(id)?.name ?? id);
  const horizon = model.facts.horizonYears;

  // V2: no intervention chosen, or the chosen one was removed.
  const { chosenId, candidates } = model.interventions;
  if (chosenId === undefined) {
    add({
      rule: 'V2',
      severity: 'error',
      section: 'interventions',
      path: ['interventions', 'chosenId'],
      messageKey: 'noInterventionChosen',
    });
  } else if (!candidates.some((c) => c.id === chosenId)) {
    add({
      rule: 'V2',
      severity: 'error',
      section: 'interventions',
      path: ['interventions', 'chosenId'],
      messageKey: 'chosenInterventionMissing',
    });
  }

  // V3: the expected rate must be better than the baseline (rates are "share achieving the
  // improvement" for both directions, docs/product.md). A rate outside 0–100 % has its own error.
  for (const outcome of model.outcomes) {
    const { baselineRate: b, expectedRate: e } = outcome;
    const inBounds = (rate: number | undefined) => rate !== undefined && withinBound('outcome.baselineRate', rate);
    if (b !== undefined && e !== undefined && inBounds(b) && inBounds(e) && e <= b) {
      add({
        rule: 'V3',
        severity: 'error',
        section: 'outcomes',
        path: ['outcomes', outcome.id, 'expectedRate'],
        messageKey: 'expectedNotBetter',
        params: { item: text(outcome.name), expected: percent(e), baseline: percent(b) },
      });
    }
  }

  // V4: intake above the eligible population, in a year or in total. A cohort outside its
  // absolute bound has its own error (V1, V23) and is not summed (P20: no sum past 10⁷ a year).
  const population = model.targetGroup.eligiblePopulation;
  const cohorts = model.targetGroup.intake.filter((c) => withinBound('intake.participants', c.participants));
  if (population !== undefined) {
    let total = 0;
    for (const cohort of cohorts) {
      total += cohort.participants;
      if (cohort.participants > population) {
        add({
          rule: 'V4',
          severity: 'error',
          section: 'targetGroup',
          path: ['targetGroup', 'intake', String(cohort.year)],
          messageKey: 'intakeAbovePopulation',
          params: {
            year: count(cohort.year + 1),
            participants: count(cohort.participants),
            population: count(population),
          },
        });
      }
    }
    if (total > population && !cohorts.some((c) => c.participants > population)) {
      add({
        rule: 'V4',
        severity: 'warning',
        section: 'targetGroup',
        path: ['targetGroup', 'intake'],
        messageKey: 'intakeTotalAbovePopulation',
        params: { participants: count(total), population: count(population) },
      });
    }
  }

  if (horizon !== undefined) {
    // V5: intake beyond the horizon.
    for (const cohort of model.targetGroup.intake) {
      if (cohort.year >= horizon && cohort.participants > 0) {
        add({
          rule: 'V5',
          severity: 'warning',
          section: 'targetGroup',
          path: ['targetGroup', 'intake', String(cohort.year)],
          messageKey: 'intakeBeyondHorizon',
          params: { year: count(cohort.year + 1) },
        });
      }
    }
    // V6 (payments past the horizon, after the settlement year or before the effect) and the
    // effect lasting past the horizon are timing rules over the priced inputs: paymentTimingRules.ts.
  }

  // V7: value booked to a department that is not in the case.
  for (const outcome of model.outcomes) {
    if (Object.keys(outcome.valuePerDepartment).some((id) => !departments.has(id))) {
      add({
        rule: 'V7',
        severity: 'error',
        section: 'outcomes',
        path: ['outcomes', outcome.id, 'valuePerDepartment'],
        messageKey: 'valueForUnknownDepartment',
        params: { item: text(outcome.name) },
      });
    }
  }

  // V8: payer shares — unknown payers, and a sum other than 100 %. Below 100 % the remainder is
  // owed by the authority as "not yet allocated" (P10, a warning); above, the figures are priced
  // pro rata to 100 % (P10, an error).
  const shares = Object.entries(model.paymentModel.payerShares);
  if (shares.some(([id]) => !departments.has(id))) {
    add({
      rule: 'V8',
      severity: 'error',
      section: 'paymentModel',
      path: ['paymentModel', 'payerShares'],
      messageKey: 'payerNotInCase',
    });
  }
  const shareSum = shares.reduce((sum, [, share]) => sum + share, 0);
  const anyPayment = model.outcomes.some((o) => o.points.some((point) => (point.price ?? 0) > 0));
  // A share outside 0–100 % has its own error (V1); its sum would say nothing more (P20).
  const sharesInBounds = shares.every(([, share]) => withinBound('paymentModel.payerShares', share));
  if (anyPayment && sharesInBounds && Math.abs(shareSum - 1) > SHARE_TOLERANCE) {
    add({
      rule: 'V8',
      severity: shareSum > 1 ? 'error' : 'warning',
      section: 'paymentModel',
      path: ['paymentModel', 'payerShares'],
      messageKey: shareSum > 1 ? 'payerSharesOver100' : 'payerSharesNot100',
      params: { sum: percent(shareSum), rest: percent(Math.max(0, 1 - shareSum)) },
    });
  }

  // V10: a payer that gains nothing. (V11, a department that gains but pays nothing, quotes the
  // priced PV of value gained: economicsRules.ts.)
  // A value outside its bound has its own error (V1, V23) and is not summed (P20); its
  // department is not told it gains nothing.
  const valueTo = new Map<string, number>();
  const valueOutOfBounds = new Set<string>();
  for (const outcome of model.outcomes) {
    for (const [id, value] of Object.entries(outcome.valuePerDepartment)) {
      if (withinBound('outcome.valuePerDepartment', value)) valueTo.set(id, (valueTo.get(id) ?? 0) + value);
      else valueOutOfBounds.add(id);
    }
  }
  for (const [id, share] of shares) {
    if (!withinBound('paymentModel.payerShares', share)) continue; // its own error (V1)
    if (share > 0 && departments.has(id) && (valueTo.get(id) ?? 0) <= 0 && !valueOutOfBounds.has(id)) {
      add({
        rule: 'V10',
        severity: 'warning',
        section: 'paymentModel',
        path: ['paymentModel', 'payerShares', id],
        messageKey: 'payerGainsNothing',
        params: { department: departmentName(id), share: percent(share) },
      });
    }
  }

  // V12: a department without a level cannot be placed inside or outside the authority (P12).
  for (const department of model.facts.departments) {
    if (department.level === undefined) {
      add({
        rule: 'V12',
        severity: 'error',
        section: 'facts',
        path: ['facts', 'departments', department.id, 'level'],
        messageKey: 'departmentWithoutLevel',
        params: { item: text(department.name) },
      });
    }
  }

  // V12: likewise a guarantor without a level, when there is a guarantee (P11, P12): it is then
  // counted as private money.
  const guarantee = model.paymentModel.guaranteeAmount;
  if (guarantee !== undefined && guarantee > 0 && model.facts.partners.guarantorLevel === undefined) {
    add({
      rule: 'V12',
      severity: 'warning',
      section: 'facts',
      path: ['facts', 'partners', 'guarantorLevel'],
      messageKey: 'guarantorWithoutLevel',
      params: {},
    });
  }

  // V13: scenario ranges must put low at or below the expected value and high at or above.
  for (const name of ['effect', 'cost', 'persistence'] as const) {
    const range = model.paymentModel.scenarios[name];
    if ((range.low !== undefined && range.low > 1) || (range.high !== undefined && range.high < 1)) {
      add({
        rule: 'V13',
        severity: 'error',
        section: 'paymentModel',
        path: ['paymentModel', 'scenarios', name],
        messageKey: 'scenarioRangeWrongSide',
        params: { field: { kind: 'label', value: `scenario.${name}` } },
      });
    }
  }
  return findings;
}
