import { businessCase, exampleCase, monteCarlo, riskAnalysis, scenarioRangesFromModel } from '@caseroom/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CandidateRiskResponse, RiskResponse, RiskWorkerRequest } from './riskProtocol.ts';

/** The worker's global scope, played in Node: what it posts is collected. */
const posted: (RiskResponse | CandidateRiskResponse)[] = [];
const scope = {
  onmessage: null as ((event: { data: RiskWorkerRequest }) => void) | null,
  postMessage: (message: RiskResponse | CandidateRiskResponse) => posted.push(message),
};

beforeAll(async () => {
  (globalThis as unknown as { self: typeof scope }).self = scope;
  await import('./riskWorker.ts');
});

const model = exampleCase();
const ranges = scenarioRangesFromModel(model.paymentModel.scenarios);
const candidates = businessCase(model).candidates.map(({ interventionId, input }) => {
  if (!input) throw new Error(`the example's candidate ${interventionId} is not priced`);
  return { interventionId, input };
});
const send = (request: RiskWorkerRequest) => {
  posted.length = 0;
  scope.onmessage?.({ data: request });
  return [...posted];
};

describe('risk worker', () => {
  it('answers a candidates request with each candidate’s own P(authority NPV < 0), one answer each, in order', () => {
    // The mentor funded by the authority itself: its NPV is negative in about half the draws, not trivially 0 %.
    const [ips, mentor, coordination] = candidates as [
      (typeof candidates)[0],
      (typeof candidates)[0],
      (typeof candidates)[0],
    ];
    const costly = {
      ...mentor,
      input: { ...mentor.input, payment: { ...mentor.input.payment, investorFundedShare: 0 } },
    };
    const asked = [ips, costly, coordination];
    const answers = send({ kind: 'candidates', id: 7, candidates: asked, ranges, seed: 11, iterations: 2_000 });
    expect(answers).toEqual(
      asked.map(({ interventionId, input }) => ({
        id: 7,
        interventionId,
        ok: true,
        probabilityAuthorityNpvNegative: monteCarlo(input, ranges, { seed: 11, iterations: 2_000 })
          .probabilityAuthorityNpvNegative,
      })),
    );
    const mentorAnswer = answers[1] as CandidateRiskResponse;
    expect(mentorAnswer.ok && mentorAnswer.probabilityAuthorityNpvNegative).toBeGreaterThan(0.1);
  });

  it('a candidate the engine refuses fails alone; the others are answered', () => {
    const [ips, mentor] = candidates as [(typeof candidates)[0], (typeof candidates)[0]];
    const outOfBounds = { ...ips, input: { ...ips.input, horizonYears: 10_000 } };
    const answers = send({
      kind: 'candidates',
      id: 8,
      candidates: [outOfBounds, mentor],
      ranges,
      seed: 1,
      iterations: 100,
    });
    expect(answers.map((a) => [('interventionId' in a && a.interventionId) || '', a.ok])).toEqual([
      [ips.interventionId, false],
      [mentor.interventionId, true],
    ]);
  });

  it('still answers the panel’s analysis request', () => {
    const { input } = candidates[0]!;
    const answers = send({ kind: 'analysis', id: 9, input, ranges, seed: 3, iterations: 500 });
    expect(answers).toEqual([{ id: 9, ok: true, result: riskAnalysis(input, ranges, { seed: 3, iterations: 500 }) }]);
  });
});
