import type { PricingInput, RiskAnalysis, ScenarioRangeFactors } from '@caseroom/shared';

/**
 * What the risk worker (riskWorker.ts) is asked and answers. Two kinds of request:
 * - `analysis`: the open case's P18 analysis (scenarios, tornado, Monte Carlo) → one `RiskResponse`;
 * - `candidates`: P(authority NPV < 0) of each intervention candidate (P19), one Monte Carlo run
 *   per candidate → one `CandidateRiskResponse` per candidate, in the order asked, so each
 *   candidate's figure shows as soon as it is drawn.
 * Every answer carries its request's id; the runner drops answers to requests it has replaced.
 */

/** A request for the open case's risk analysis. */
export type RiskRequest = {
  kind: 'analysis';
  id: number;
  input: PricingInput;
  ranges: ScenarioRangeFactors;
  seed: number;
  iterations: number;
};

/** The worker's answer to the analysis request with the same id. */
export type RiskResponse = { id: number; ok: true; result: RiskAnalysis } | { id: number; ok: false; message: string };

/** A request for the Monte Carlo figure of some intervention candidates (those whose inputs changed). */
export type CandidateRiskRequest = {
  kind: 'candidates';
  id: number;
  candidates: { interventionId: string; input: PricingInput }[];
  ranges: ScenarioRangeFactors;
  seed: number;
  iterations: number;
};

/** The worker's answer for one candidate of the candidates request with the same id. */
export type CandidateRiskResponse =
  | { id: number; interventionId: string; ok: true; probabilityAuthorityNpvNegative: number }
  | { id: number; interventionId: string; ok: false; message: string };

/** Anything the worker is sent. */
export type RiskWorkerRequest = RiskRequest | CandidateRiskRequest;
