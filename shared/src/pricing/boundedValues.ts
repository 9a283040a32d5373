import type { CaseModelDraft } from '../model/caseModel.ts';
import type { InterventionDraft } from '../model/intervention.ts';
import type { ScenarioRangeFactors } from '../risk/scenarioInputs.ts';
import { type BoundedValue, valuesOutOfBounds } from './absoluteBounds.ts';
import type { PricingInput } from './pricingInput.ts';

/**
 * Which parts of a case to check against their bounds: all of it (validation), or what feeds
 * the figures of one priced intervention — its own costs and the outcomes that are priced.
 */
export type BoundScope = { interventionId: string | undefined; outcomeIds: ReadonlySet<string> } | 'everything';

/** Every bounded number of a case (P20) on its path, as findings name paths. */
export function* caseBoundedValues(model: CaseModelDraft, scope: BoundScope = 'everything'): Generator<BoundedValue> {
  const { facts, targetGroup, interventions, paymentModel } = model;
  yield { field: 'facts.horizonYears', path: ['facts', 'horizonYears'], value: facts.horizonYears };
  // P2: the rate is used, and so bounded, only with one flat rate.
  if (facts.discountMethod !== 'schedule') {
    yield { field: 'facts.discountRate', path: ['facts', 'discountRate'], value: facts.discountRate };
  }
  for (const cohort of targetGroup.intake) {
    const path = ['targetGroup', 'intake', String(cohort.year)];
    yield { field: 'intake.year', path: [...path, 'year'], value: cohort.year };
    yield { field: 'intake.participants', path: [...path, 'participants'], value: cohort.participants };
  }
  for (const candidate of interventions.candidates) {
    if (scope === 'everything' || candidate.id === scope.interventionId) yield* interventionValues(candidate);
  }
  for (const outcome of model.outcomes) {
    if (scope === 'everything' || scope.outcomeIds.has(outcome.id)) yield* outcomeValues(outcome);
  }
  const payment = ['paymentModel'];
  for (const share of Object.values(paymentModel.payerShares)) {
    yield { field: 'paymentModel.payerShares', path: [...payment, 'payerShares'], value: share };
  }
  yield {
    field: 'paymentModel.investorFundedShare',
    path: [...payment, 'investorFundedShare'],
    value: paymentModel.investorFundedShare,
  };
  yield { field: 'paymentModel.paymentCap', path: [...payment, 'paymentCap'], value: paymentModel.paymentCap };
  yield { field: 'paymentModel.returnCap', path: [...payment, 'returnCap'], value: paymentModel.returnCap };
  yield {
    field: 'paymentModel.guaranteeAmount',
    path: [...payment, 'guaranteeAmount'],
    value: paymentModel.guaranteeAmount,
  };
  for (const range of Object.values(paymentModel.scenarios)) {
    for (const value of [range.low, range.high]) {
      yield { field: 'paymentModel.scenarios', path: [...payment, 'scenarios'], value };
    }
  }
}

function* interventionValues(candidate: InterventionDraft): Generator<BoundedValue> {
  const path = ['interventions', 'candidates', candidate.id];
  yield {
    field: 'intervention.costPerParticipant',
    path: [...path, 'costPerParticipant'],
    value: candidate.costPerParticipant,
  };
  yield {
    field: 'intervention.fixedCostPerYear',
    path: [...path, 'fixedCostPerYear'],
    value: candidate.fixedCostPerYear,
  };
  yield { field: 'intervention.durationYears', path: [...path, 'durationYears'], value: candidate.durationYears };
  // P19: the candidate's own expected rate per outcome.
  for (const [outcomeId, value] of Object.entries(candidate.expectedRates)) {
    yield { field: 'intervention.expectedRates', path: [...path, 'expectedRates', outcomeId], value };
  }
}

/**
 * The numbers of an outcome that pricing reads, in the model or in pricing inputs alike. The
 * expected rate is the priced candidate's (P19): in the model it is bounded with the candidate.
 */
const OUTCOME_NUMBERS = ['baselineRate', 'attribution', 'lagYears', 'durationYears', 'persistence'] as const;

type OutcomeNumbers = {
  id: string;
  valuePerDepartment: Record<string, number | undefined>;
  points: readonly { price?: number | undefined }[];
} & {
  [key in (typeof OUTCOME_NUMBERS)[number]]?: number | undefined;
};

function* outcomeValues(outcome: OutcomeNumbers): Generator<BoundedValue> {
  const path = ['outcomes', outcome.id];
  for (const key of OUTCOME_NUMBERS) {
    yield { field: `outcome.${key}`, path: [...path, key], value: outcome[key] };
  }
  for (const value of Object.values(outcome.valuePerDepartment)) {
    yield { field: 'outcome.valuePerDepartment', path: [...path, 'valuePerDepartment'], value };
  }
  // P7: the price at each measurement point.
  for (const point of outcome.points) {
    yield { field: 'outcome.pointPrice', path: [...path, 'points'], value: point.price };
  }
}

/**
 * Every bounded number of pricing inputs (and scenario ranges, if given): what the risk
 * analysis checks before it prices inputs it was handed. Paths name the input, not the case.
 */
export function* pricingInputBoundedValues(
  input: PricingInput,
  ranges?: ScenarioRangeFactors,
): Generator<BoundedValue> {
  yield { field: 'facts.horizonYears', path: ['horizonYears'], value: input.horizonYears };
  if (input.discountMethod !== 'schedule') {
    yield { field: 'facts.discountRate', path: ['discountRate'], value: input.discountRate };
  }
  for (const [i, cohort] of input.cohorts.entries()) {
    yield { field: 'intake.year', path: ['cohorts', i, 'year'], value: cohort.year };
    yield { field: 'intake.participants', path: ['cohorts', i, 'participants'], value: cohort.participants };
  }
  const { intervention, payment } = input;
  for (const key of ['costPerParticipant', 'fixedCostPerYear', 'durationYears'] as const) {
    yield { field: `intervention.${key}`, path: ['intervention', key], value: intervention[key] };
  }
  for (const outcome of input.outcomes) {
    yield* outcomeValues(outcome);
    yield {
      field: 'outcome.expectedRate',
      path: ['outcomes', outcome.id, 'expectedRate'],
      value: outcome.expectedRate,
    };
  }
  for (const share of Object.values(payment.payerShares)) {
    yield { field: 'paymentModel.payerShares', path: ['payment', 'payerShares'], value: share };
  }
  for (const key of ['investorFundedShare', 'paymentCap', 'returnCap', 'guaranteeAmount'] as const) {
    yield { field: `paymentModel.${key}`, path: ['payment', key], value: payment[key] };
  }
  for (const range of Object.values(ranges ?? {})) {
    for (const value of [range.low, range.high]) {
      yield { field: 'paymentModel.scenarios', path: ['ranges'], value };
    }
  }
}

/**
 * Throws when pricing inputs handed to the risk analysis hold a value outside its bound (P20).
 * `pricingInputFromModel` never produces such inputs, so reaching the throw is a caller's bug;
 * it keeps a bad input from being priced at all rather than into Infinity or NaN.
 */
export function assertWithinBounds(input: PricingInput, ranges?: ScenarioRangeFactors): void {
  const violations = valuesOutOfBounds(pricingInputBoundedValues(input, ranges));
  if (violations.length === 0) return;
  const listed = violations
    .slice(0, 5)
    .map((v) => `${v.path.join('.')} = ${v.value} (${v.problem})`)
    .join(', ');
  throw new RangeError(`pricing: inputs outside their absolute bounds (P20): ${listed}`);
}
