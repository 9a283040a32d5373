import type { PricingInput, RiskAnalysis, ScenarioRangeFactors } from '@caseroom/shared';

/** A request to the risk worker (riskWorker.ts). */
export type RiskRequest = {
  id: number;
  input: PricingInput;
  ranges: ScenarioRangeFactors;
  seed: number;
  iterations: number;
};

/** The worker's answer to the request with the same id. */
export type RiskResponse = { id: number; ok: true; result: RiskAnalysis } | { id: number; ok: false; message: string };
