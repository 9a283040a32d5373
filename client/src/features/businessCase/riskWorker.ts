/**
 * The heavy part of the business case (P18: scenarios, tornado, Monte Carlo) off the main
 * thread, so typing never waits for it. One request in, one answer out, tagged with the
 * request's id; the caller discards answers to requests it has since replaced.
 */
import { riskAnalysis } from '@caseroom/shared';
import type { RiskRequest, RiskResponse } from './riskProtocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RiskRequest>) => void) | null;
  postMessage(message: RiskResponse): void;
};

scope.onmessage = (event) => {
  const { id, input, ranges, seed, iterations } = event.data;
  try {
    scope.postMessage({ id, ok: true, result: riskAnalysis(input, ranges, { seed, iterations }) });
  } catch (error) {
    scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
