import type { CaseModelDraft } from '../model/caseModel.ts';
import type { InterventionDraft } from '../model/intervention.ts';
import type { OutcomeDraft, PaymentBasis } from '../model/outcome.ts';
import { type ValueOutOfBounds, valuesOutOfBounds } from './absoluteBounds.ts';
import { caseBoundedValues } from './boundedValues.ts';
import type { MeasurementPoint, PricedOutcome, PricingInput } from './pricingInput.ts';

/**
 * Why a case, or one of its candidates, is not priced: an input it needs is missing, or (P20)
 * a value it feeds on is outside its absolute bound.
 */
export const UNPRICEABLE_REASONS = ['noHorizon', 'noDiscountRate', 'noIntervention', 'outOfBounds'] as const;
export type UnpriceableReason = (typeof UNPRICEABLE_REASONS)[number];

/** Not priced, and why; with `outOfBounds`, the values that are outside their bounds. */
export type NotPriced =
  | { ok: false; reason: Exclude<UnpriceableReason, 'outOfBounds'> }
  | { ok: false; reason: 'outOfBounds'; violations: ValueOutOfBounds[] };

export type PricingInputResult =
  | {
      ok: true;
      input: PricingInput;
      /** Outcomes left out because an input they need is missing (validation names the field). */
      excludedOutcomeIds: string[];
      /** P19: outcomes left out because the priced candidate has no expected rate for them ("effect not entered"). */
      effectNotEnteredIds: string[];
    }
  | NotPriced;

/**
 * P0 (inputs): how a draft case becomes pricing inputs, so the business case shows figures
 * while the model is still being filled in.
 * - The horizon is required, and the discount rate with one flat rate (P2: a case without a
 *   discount method uses its rate as a flat rate; the schedule needs no rate); the chosen intervention is priced (or the one
 *   named in `interventionId`, to compare candidates side by side).
 * - Missing costs count as 0; a missing investor-funded share as 100 % (docs/product.md default).
 * - P19: an outcome's expected rate is the priced candidate's (`expectedRates`); a candidate
 *   without one for an outcome is priced without that outcome (`effectNotEnteredIds`).
 * - An outcome needs its baseline and expected rate, lag and duration; without them it is left
 *   out. A missing attribution counts as 100 % (docs/product.md default), a missing persistence as
 *   100 %, a missing price as 0 and a missing basis as "additional".
 * - A department or guarantor without a level counts as "other" (private, P12).
 * - The contract's duration (evaluation) sets the settlement year (P11); without it, H − 1.
 * - P20: a value that feeds the figures and is outside its absolute bound (absoluteBounds.ts)
 *   means the case is not priced at all — checked first, and never clamped. Values are passed
 *   on as typed: no rounding, no flooring.
 */
export function pricingInputFromModel(
  model: CaseModelDraft,
  options: { interventionId?: string } = {},
): PricingInputResult {
  const { facts } = model;
  const interventionId = options.interventionId ?? model.interventions.chosenId;
  const intervention = model.interventions.candidates.find((c) => c.id === interventionId);
  const outcomes: PricedOutcome[] = [];
  const excludedOutcomeIds: string[] = [];
  const effectNotEnteredIds: string[] = [];
  for (const outcome of model.outcomes) {
    // P19: the priced candidate's own expected rate; without one the outcome is left out, never borrowed.
    const expectedRate = intervention?.expectedRates[outcome.id];
    if (intervention && expectedRate === undefined) {
      effectNotEnteredIds.push(outcome.id);
      continue;
    }
    const priced = pricedOutcome({ ...outcome, expectedRate });
    if (priced) outcomes.push(priced);
    else excludedOutcomeIds.push(outcome.id);
  }
  const violations = valuesOutOfBounds(
    caseBoundedValues(model, {
      interventionId: intervention?.id,
      outcomeIds: new Set(outcomes.map((o) => o.id)),
    }),
  );
  if (violations.length > 0) return { ok: false, reason: 'outOfBounds', violations };
  if (facts.horizonYears === undefined) return { ok: false, reason: 'noHorizon' };
  // P2: the rate is needed only with one flat rate (a case without a method is flat).
  const discountMethod = facts.discountMethod ?? 'flat';
  if (discountMethod === 'flat' && facts.discountRate === undefined) return { ok: false, reason: 'noDiscountRate' };
  if (!intervention) return { ok: false, reason: 'noIntervention' };

  const payment = model.paymentModel;
  return {
    ok: true,
    excludedOutcomeIds,
    effectNotEnteredIds,
    input: {
      horizonYears: facts.horizonYears,
      contractYears: model.evaluation.contractYears,
      discountMethod,
      ...(discountMethod === 'flat' ? { discountRate: facts.discountRate } : {}),
      departments: facts.departments.map((d) => ({ id: d.id, name: d.name ?? '', level: d.level ?? 'other' })),
      cohorts: model.targetGroup.intake
        .filter((c) => c.participants > 0)
        .map((c) => ({ year: c.year, participants: c.participants })),
      intervention: interventionCosts(intervention),
      outcomes,
      payment: {
        payerShares: { ...payment.payerShares },
        investorFundedShare: payment.investorFundedShare ?? 1,
        paymentCap: payment.paymentCap,
        returnCap: payment.returnCap,
        guaranteeAmount: payment.guaranteeAmount,
        guarantorLevel: facts.partners.guarantorLevel,
      },
    },
  };
}

function interventionCosts(intervention: InterventionDraft): PricingInput['intervention'] {
  return {
    costPerParticipant: intervention.costPerParticipant ?? 0,
    fixedCostPerYear: intervention.fixedCostPerYear ?? 0,
    durationYears: intervention.durationYears ?? 1,
  };
}

function pricedOutcome(outcome: OutcomeDraft): PricedOutcome | undefined {
  const { baselineRate, expectedRate, lagYears, durationYears } = outcome;
  if (
    baselineRate === undefined ||
    expectedRate === undefined ||
    lagYears === undefined ||
    durationYears === undefined
  ) {
    return undefined;
  }
  return {
    id: outcome.id,
    name: outcome.name ?? '',
    baselineRate,
    expectedRate,
    attribution: outcome.attribution ?? 1,
    lagYears,
    durationYears,
    persistence: outcome.persistence ?? 1,
    valuePerDepartment: { ...outcome.valuePerDepartment },
    // P7: each point with its months; a missing price counts as 0, a missing basis as "additional".
    points: outcome.points.flatMap((point) =>
      point.months === undefined
        ? []
        : [{ months: point.months, price: point.price ?? 0, basis: point.basis ?? 'additional' }],
    ),
  };
}

/**
 * P7: the one measurement point of a case from before measurement points — at m = lag × 12
 * months (j = 0), with its old price and basis, so its figures are the same as before (the
 * migrations of documents and import files write it).
 */
export function legacyPoint(lagYears: number, price: number, basis: PaymentBasis): MeasurementPoint {
  return { months: lagYears * 12, price, basis };
}
