import type { CaseModelDraft } from '../model/caseModel.ts';
import { pricedPoints } from '../pricing/absoluteBounds.ts';
import { type PricingInputResult, pricingInputFromModel } from '../pricing/fromModel.ts';
import { paymentDue, pointTiming } from '../pricing/outcomePayments.ts';
import type { Cohort, PricedOutcome, PricingInput } from '../pricing/pricingInput.ts';
import { settlementYear } from '../pricing/settlement.ts';
import type { Finding, Severity } from './finding.ts';
import { text } from './finding.ts';

/** One payment an outcome falls due for one cohort at one measurement point (P7), before the cap. */
export type ScheduledPayment = {
  /** The cohort's intake year c (t from 0). */
  cohortYear: number;
  /** The year the point falls in and the payment falls due, y = c + floor(m/12). */
  year: number;
  /** j = y − c − lag: how far into the effect the point falls (negative: before it starts). */
  effectYear: number;
  /** Price × achievers as P7 computes it for this point, before the cap (P8). */
  amount: number;
};

/** Why a payment is not (or should not be) paid as the group may expect. */
export type PaymentTimingCause = 'pastHorizon' | 'afterSettlement' | 'beforeEffect';

/**
 * P7: the payments one outcome falls due for, one per measurement point and cohort — the year
 * and effect year from the pricing's own `pointTiming`, the amount from its own `paymentDue` —
 * so the findings name the figures the engine uses. Each entry is O(1), whatever the months say.
 */
export function scheduledPayments(outcome: PricedOutcome, cohorts: readonly Cohort[]): ScheduledPayment[] {
  const active = cohorts.filter((cohort) => cohort.participants > 0);
  return pricedPoints(outcome).flatMap((point) =>
    active.map((cohort) => ({
      cohortYear: cohort.year,
      ...pointTiming(outcome, point, cohort.year),
      amount: paymentDue(outcome, point, cohort.participants),
    })),
  );
}

/**
 * V6 (P7, P11, P20): one finding per outcome and cause, listing the cohorts concerned and the
 * amount due before the cap, summed over the measurement points concerned.
 * - past the horizon (a point falling in year ≥ H): an error when every point of every cohort
 *   is past it (the outcome pays nothing within the horizon), else a warning;
 * - after the settlement year s (P11: s < y < H): payments due then are not paid — a warning
 *   naming the amount (none when nothing would be paid);
 * - before the effect starts (a point with j < 0, P7): a warning.
 * A payment past H is reported as past the horizon only, not also as after settlement.
 */
export function paymentTimingFindings(
  outcome: { id: string; name: string },
  payments: readonly ScheduledPayment[],
  horizon: number,
  settlement: number,
): Finding[] {
  const byCause: Record<PaymentTimingCause, ScheduledPayment[]> = {
    pastHorizon: payments.filter((p) => p.year >= horizon),
    afterSettlement: payments.filter((p) => p.year > settlement && p.year < horizon),
    beforeEffect: payments.filter((p) => p.effectYear < 0),
  };
  const findings: Finding[] = [];
  const add = (severity: Severity, messageKey: string, concerned: ScheduledPayment[]) => {
    const cohorts = [...new Set(concerned.map((p) => p.cohortYear + 1))].sort((a, b) => a - b);
    findings.push({
      rule: 'V6',
      severity,
      section: 'outcomes',
      path: ['outcomes', outcome.id, 'points'],
      messageKey,
      params: {
        item: text(outcome.name),
        cohorts: { kind: 'yearList', value: cohorts },
        amount: { kind: 'money', value: totalAmount(concerned) },
        settlement: { kind: 'count', value: settlement + 1 },
      },
    });
  };
  // P7, P20: a point at or past H is not paid within the horizon (whether the effect counts is
  // the lag's question: effectTimingFinding).
  const past = byCause.pastHorizon;
  if (past.length > 0 && totalAmount(past) > 0) add('warning', 'outcomePaymentPastHorizon', past);
  if (byCause.afterSettlement.length > 0 && totalAmount(byCause.afterSettlement) > 0) {
    add('warning', 'outcomePaymentAfterSettlement', byCause.afterSettlement);
  }
  if (byCause.beforeEffect.length > 0) {
    add('warning', 'outcomePaymentBeforeEffect', byCause.beforeEffect);
  }
  return findings;
}

/**
 * V6 (P5, P20): the effect of an outcome starts at c + lag; for a cohort where that is at or
 * past H the outcome creates no value within the horizon — an error when that holds for every
 * cohort (the outcome is not in the business case at all), else a warning listing the cohorts.
 */
export function effectTimingFinding(
  outcome: PricedOutcome,
  cohorts: readonly Cohort[],
  horizon: number,
): Finding | undefined {
  const withIntake = cohorts.filter((cohort) => cohort.participants > 0);
  const late = withIntake.filter((cohort) => cohort.year + outcome.lagYears >= horizon);
  if (late.length === 0) return undefined;
  return {
    rule: 'V6',
    severity: late.length === withIntake.length ? 'error' : 'warning',
    section: 'outcomes',
    path: ['outcomes', outcome.id, 'lagYears'],
    messageKey: 'outcomeEffectPastHorizon',
    params: {
      item: text(outcome.name),
      cohorts: { kind: 'yearList', value: late.map((cohort) => cohort.year + 1) },
    },
  };
}

/**
 * The timing findings of a case, from its priced inputs (so the amounts are the engine's):
 * V6 per outcome and V25 per cohort, both measured against the horizon H and the settlement
 * year s = min(contract years, H) − 1 (P11). A case that cannot be priced has its own findings
 * (V1, V2, V15, V23) first.
 */
export function timingFindings(
  model: CaseModelDraft,
  result: PricingInputResult = pricingInputFromModel(model),
): Finding[] {
  if (!result.ok) return [];
  const s = settlementYear(result.input.horizonYears, contractYears(model));
  return [...outcomeTimingFindings(result.input, s), ...capitalAfterSettlementFindings(result.input, s)];
}

/**
 * V6 for a whole case, from the priced inputs (so the amounts are the engine's), plus the
 * information that an effect lasts past the horizon for some cohort — lost value, not a
 * payment.
 */
function outcomeTimingFindings(input: PricingInput, s: number): Finding[] {
  const H = input.horizonYears;
  const findings: Finding[] = [];
  // Intake at or past H is V5's finding; its payments are not listed again here.
  const cohorts = input.cohorts.filter((cohort) => cohort.year < H);
  for (const outcome of input.outcomes) {
    const effect = effectTimingFinding(outcome, cohorts, H);
    if (effect) findings.push(effect);
    const payments = scheduledPayments(outcome, cohorts);
    findings.push(...paymentTimingFindings(outcome, payments, H, s));
    const withIntake = cohorts.filter((cohort) => cohort.participants > 0);
    if (withIntake.length === 0 || effect?.severity === 'error') continue;
    const lastIntake = Math.max(...withIntake.map((cohort) => cohort.year));
    // An effect longer than the whole horizon is V24's warning instead.
    if (lastIntake + outcome.lagYears + outcome.durationYears - 1 >= H && outcome.durationYears <= H) {
      findings.push({
        rule: 'V6',
        severity: 'info',
        section: 'outcomes',
        path: ['outcomes', outcome.id, 'durationYears'],
        messageKey: 'outcomeLastsPastHorizon',
        params: { item: text(outcome.name) },
      });
    }
  }
  return findings;
}

/**
 * V25 (P11): a cohort whose intervention years c … c+d−1 reach past the settlement year s while
 * the investor funds part of the cost: capital deployed after s cannot be repaid under the
 * contract. Intake at or past H is V5's.
 */
function capitalAfterSettlementFindings(input: PricingInput, s: number): Finding[] {
  if (!(input.payment.investorFundedShare > 0)) return [];
  const H = input.horizonYears;
  const d = input.intervention.durationYears;
  return input.cohorts
    .filter((cohort) => cohort.year < H && cohort.year + d - 1 > s)
    .map(
      (cohort): Finding => ({
        rule: 'V25',
        severity: 'error',
        section: 'targetGroup',
        path: ['targetGroup', 'intake', String(cohort.year)],
        messageKey: 'capitalAfterSettlement',
        params: {
          year: { kind: 'count', value: cohort.year + 1 },
          lastYear: { kind: 'count', value: cohort.year + d },
          settlement: { kind: 'count', value: s + 1 },
        },
      }),
    );
}

/** The contract's length when it is a usable number of years; otherwise none (s = H − 1). */
function contractYears(model: CaseModelDraft): number | undefined {
  const years = model.evaluation.contractYears;
  return years !== undefined && Number.isInteger(years) && years >= 1 ? years : undefined;
}

function totalAmount(payments: readonly ScheduledPayment[]): number {
  let total = 0;
  for (const payment of payments) total += payment.amount;
  return total;
}
