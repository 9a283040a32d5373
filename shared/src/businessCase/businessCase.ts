import type { CaseModelDraft } from '../model/caseModel.ts';
import { type CandidateComparison, compareCandidates } from '../pricing/compareCandidates.ts';
import { type NotPriced, pricingInputFromModel } from '../pricing/fromModel.ts';
import { type Pricing, price } from '../pricing/price.ts';
import type { PricingInput } from '../pricing/pricingInput.ts';
import {
  type MonteCarloResult,
  monteCarlo,
  type ScenarioResult,
  type SensitivityBar,
  scenarios,
  sensitivity,
} from '../risk/risk.ts';
import { type ScenarioRangeFactors, scenarioRangesFromModel } from '../risk/scenarioInputs.ts';
import type { Finding } from '../validation/finding.ts';
import { type PhaseReadiness, readiness } from '../validation/readiness.ts';
import { validate } from '../validation/validate.ts';

/** The seed the business case uses unless one is given; shown with every Monte Carlo figure. */
export const DEFAULT_SEED = 20240101;
export const DEFAULT_ITERATIONS = 10_000;

/** Everything the business case panel, the CLI and the exports show about a case. */
export type BusinessCase = {
  findings: Finding[];
  readiness: PhaseReadiness[];
  candidates: CandidateComparison[];
  priced:
    | {
        ok: true;
        input: PricingInput;
        ranges: ScenarioRangeFactors;
        pricing: Pricing;
        excludedOutcomeIds: string[];
      }
    | NotPriced;
};

/** The quick part: findings, readiness, the priced case and the candidate table (≪ 1 ms). */
export function businessCase(model: CaseModelDraft): BusinessCase {
  const findings = validate(model);
  const result = pricingInputFromModel(model);
  return {
    findings,
    readiness: readiness(findings),
    candidates: compareCandidates(model),
    priced: result.ok
      ? {
          ok: true,
          input: result.input,
          ranges: scenarioRangesFromModel(model.paymentModel.scenarios),
          pricing: price(result.input),
          excludedOutcomeIds: result.excludedOutcomeIds,
        }
      : result,
  };
}

/**
 * The heavy part (P18): scenarios, tornado and Monte Carlo — run in a worker in the browser.
 * Takes the `input` and `ranges` of a priced business case; inputs outside their bounds (P20)
 * throw rather than being priced.
 */
export type RiskAnalysis = {
  scenarios: ScenarioResult[];
  sensitivity: SensitivityBar[];
  monteCarlo: MonteCarloResult;
};

export function riskAnalysis(
  input: PricingInput,
  ranges: ScenarioRangeFactors,
  options: { seed?: number; iterations?: number } = {},
): RiskAnalysis {
  return {
    scenarios: scenarios(input, ranges),
    sensitivity: sensitivity(input, ranges),
    monteCarlo: monteCarlo(input, ranges, {
      seed: options.seed ?? DEFAULT_SEED,
      iterations: options.iterations ?? DEFAULT_ITERATIONS,
    }),
  };
}
