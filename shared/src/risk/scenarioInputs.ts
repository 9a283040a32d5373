import type { PricingInput } from '../pricing/pricingInput.ts';

/** The inputs that carry a low / high range (P18), in the fixed order Monte Carlo draws them. */
export const RANGED_INPUTS = ['effect', 'cost', 'persistence'] as const;
export type RangedInput = (typeof RANGED_INPUTS)[number];

/** A factor per ranged input; 1 is the expected value. */
export type ScenarioFactors = Record<RangedInput, number>;

export const EXPECTED_FACTORS: ScenarioFactors = { effect: 1, cost: 1, persistence: 1 };

/** Low and high factors per ranged input (the case's scenario ranges, 1 where none is set). */
export type ScenarioRangeFactors = Record<RangedInput, { low: number; high: number }>;

/**
 * P18a: what a factor does.
 * - effect scales the change the intervention makes: e' = b + (e − b) × factor, kept in [0, 1];
 * - cost scales the cost per participant and the fixed cost per year;
 * - persistence scales the share retained each further year, kept in [0, 1].
 */
export function applyFactors(input: PricingInput, factors: ScenarioFactors): PricingInput {
  return {
    ...input,
    intervention: {
      ...input.intervention,
      costPerParticipant: input.intervention.costPerParticipant * factors.cost,
      fixedCostPerYear: input.intervention.fixedCostPerYear * factors.cost,
    },
    outcomes: input.outcomes.map((outcome) => ({
      ...outcome,
      expectedRate: clamp01(outcome.baselineRate + (outcome.expectedRate - outcome.baselineRate) * factors.effect),
      persistence: clamp01(outcome.persistence * factors.persistence),
    })),
  };
}

/**
 * P18b: the low scenario is the pessimistic one — low effect, high cost, low persistence — and
 * the high scenario the optimistic one, as a finance officer reads "low" and "high".
 */
export function scenarioFactors(ranges: ScenarioRangeFactors, scenario: 'low' | 'expected' | 'high'): ScenarioFactors {
  if (scenario === 'expected') return EXPECTED_FACTORS;
  const pessimistic = scenario === 'low';
  return {
    effect: pessimistic ? ranges.effect.low : ranges.effect.high,
    cost: pessimistic ? ranges.cost.high : ranges.cost.low,
    persistence: pessimistic ? ranges.persistence.low : ranges.persistence.high,
  };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** The case's scenario ranges as factors; a missing bound is 1 (no range on that side). */
export function scenarioRangesFromModel(
  scenarios: {
    [K in RangedInput]: { low?: number; high?: number };
  },
): ScenarioRangeFactors {
  const range = (name: RangedInput) => ({ low: scenarios[name].low ?? 1, high: scenarios[name].high ?? 1 });
  return { effect: range('effect'), cost: range('cost'), persistence: range('persistence') };
}
