/**
 * The heavy part of the business case (P18: scenarios, tornado, Monte Carlo; P19: each
 * candidate's Monte Carlo) off the main thread, so typing never waits for it. One request in,
 * its answers out, tagged with the request's id; the caller discards answers to requests it has
 * since replaced. The protocol is riskProtocol.ts.
 */
import { monteCarlo, riskAnalysis } from '@caseroom/shared';
import type {
  CandidateRiskRequest,
  CandidateRiskResponse,
  RiskRequest,
  RiskResponse,
  RiskWorkerRequest,
} from './riskProtocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RiskWorkerRequest>) => void) | null;
  postMessage(message: RiskResponse | CandidateRiskResponse): void;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function analyse({ id, input, ranges, seed, iterations }: RiskRequest): void {
  try {
    scope.postMessage({ id, ok: true, result: riskAnalysis(input, ranges, { seed, iterations }) });
  } catch (error) {
    scope.postMessage({ id, ok: false, message: messageOf(error) });
  }
}

/** One answer per candidate as soon as its draws are done; one candidate's failure leaves the others. */
function compareRisks({ id, candidates, ranges, seed, iterations }: CandidateRiskRequest): void {
  for (const { interventionId, input } of candidates) {
    try {
      const { probabilityAuthorityNpvNegative } = monteCarlo(input, ranges, { seed, iterations });
      scope.postMessage({ id, interventionId, ok: true, probabilityAuthorityNpvNegative });
    } catch (error) {
      scope.postMessage({ id, interventionId, ok: false, message: messageOf(error) });
    }
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'candidates') compareRisks(request);
  else analyse(request);
};
