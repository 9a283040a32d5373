import {
  businessCase,
  exampleCase,
  type PricingInput,
  type ScenarioRangeFactors,
  scenarioRangesFromModel,
} from '@caseroom/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CandidateToDraw, createCandidateRiskRunner } from './candidateRiskRunner.ts';
import type { CandidateRiskRequest, CandidateRiskResponse } from './riskProtocol.ts';
import { RISK_DEBOUNCE_MS } from './riskRunner.ts';

/** A stand-in for the worker: records requests; the test answers them, per candidate, in any order. */
function fakeWorker() {
  const sent: CandidateRiskRequest[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<CandidateRiskResponse>) => void) | null,
    onerror: null as (() => void) | null,
    postMessage: (message: CandidateRiskRequest) => sent.push(message),
    terminate: vi.fn(),
  };
  const reply = (response: CandidateRiskResponse) =>
    worker.onmessage?.({ data: response } as MessageEvent<CandidateRiskResponse>);
  const answer = (id: number, interventionId: string, probability: number) =>
    reply({ id, interventionId, ok: true, probabilityAuthorityNpvNegative: probability });
  return { worker, sent, answer, reply };
}

const model = exampleCase();
const candidates: CandidateToDraw[] = businessCase(model).candidates.map(({ interventionId, input }) => {
  if (!input) throw new Error(`the example's candidate ${interventionId} is not priced`);
  return { interventionId, input };
});
const ranges: ScenarioRangeFactors = scenarioRangesFromModel(model.paymentModel.scenarios);
const [ips, mentor, coordination] = candidates.map((c) => c.interventionId) as [string, string, string];

const withInput = (list: CandidateToDraw[], id: string, overrides: Partial<PricingInput>) =>
  list.map((c) => (c.interventionId === id ? { ...c, input: { ...c.input, ...overrides } } : c));

describe('candidate risk runner (P19: P(authority NPV < 0) per candidate, off the main thread)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces, sends every candidate in one request with the seed and 10.000 draws, and fills each as it is answered', () => {
    const { worker, sent, answer } = fakeWorker();
    const runner = createCandidateRiskRunner({ createWorker: () => worker as unknown as Worker });
    runner.request(withInput(candidates, ips, { horizonYears: 5 }), ranges);
    runner.request(candidates, ranges);
    expect(Object.values(runner.getSnapshot().candidates).map((c) => c.status)).toEqual([
      'computing',
      'computing',
      'computing',
    ]);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'candidates', seed: 20240101, iterations: 10_000, ranges });
    expect(sent[0]!.candidates.map((c) => c.interventionId)).toEqual([ips, mentor, coordination]);
    expect(sent[0]!.candidates[0]!.input.horizonYears).toBe(candidates[0]!.input.horizonYears);

    answer(sent[0]!.id, mentor, 0.25);
    expect(runner.getSnapshot().candidates).toEqual({
      [ips]: { status: 'computing' },
      [mentor]: { status: 'done', probabilityAuthorityNpvNegative: 0.25 },
      [coordination]: { status: 'computing' },
    });
  });

  it('drops answers to a replaced request and asks again for what was still being drawn', () => {
    const { worker, sent, answer } = fakeWorker();
    const runner = createCandidateRiskRunner({ createWorker: () => worker as unknown as Worker });
    runner.request(candidates, ranges);
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    answer(sent[0]!.id, ips, 0.1);

    // The mentor's cost changes while the other two are being drawn.
    runner.request(withInput(candidates, mentor, { horizonYears: 6 }), ranges);
    expect(runner.getSnapshot().candidates[mentor]).toEqual({ status: 'computing' });
    // An answer of the old request arriving during the debounce, and after the new request went out: both stale.
    answer(sent[0]!.id, coordination, 0.3);
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    answer(sent[0]!.id, mentor, 0.9);
    expect(runner.getSnapshot().candidates[coordination]).toEqual({ status: 'computing' });
    expect(runner.getSnapshot().candidates[mentor]).toEqual({ status: 'computing' });

    // IPS kept its figure and is not drawn again; the two others are.
    expect(sent[1]!.candidates.map((c) => c.interventionId)).toEqual([mentor, coordination]);
    expect(sent[1]!.candidates[0]!.input.horizonYears).toBe(6);
    answer(sent[1]!.id, mentor, 0.5);
    answer(sent[1]!.id, coordination, 0.3);
    expect(runner.getSnapshot().candidates).toEqual({
      [ips]: { status: 'done', probabilityAuthorityNpvNegative: 0.1 },
      [mentor]: { status: 'done', probabilityAuthorityNpvNegative: 0.5 },
      [coordination]: { status: 'done', probabilityAuthorityNpvNegative: 0.3 },
    });
  });

  it('asks again only when a candidate’s inputs or the ranges change; a removed candidate is forgotten', () => {
    const { worker, sent, answer } = fakeWorker();
    const runner = createCandidateRiskRunner({ createWorker: () => worker as unknown as Worker });
    runner.request(candidates, ranges);
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    for (const { interventionId } of candidates) answer(sent[0]!.id, interventionId, 0);
    const snapshot = runner.getSnapshot();
    runner.request(
      candidates.map((c) => ({ ...c })),
      { ...ranges },
    );
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    expect(sent).toHaveLength(1);
    expect(runner.getSnapshot()).toBe(snapshot);

    runner.request(candidates.slice(0, 2), ranges);
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    expect(sent).toHaveLength(1);
    expect(Object.keys(runner.getSnapshot().candidates)).toEqual([ips, mentor]);

    runner.request(candidates.slice(0, 2), { ...ranges, effect: { low: 0.5, high: 1.5 } });
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.candidates.map((c) => c.interventionId)).toEqual([ips, mentor]);
  });

  it('marks a candidate the engine refuses, and every candidate still being drawn when the worker dies, as failed', () => {
    const { worker, sent, reply } = fakeWorker();
    const onWorkerError = vi.fn();
    const runner = createCandidateRiskRunner({ createWorker: () => worker as unknown as Worker, onWorkerError });
    runner.request(candidates, ranges);
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    reply({ id: sent[0]!.id, interventionId: ips, ok: false, message: 'out of bounds' });
    reply({ id: sent[0]!.id, interventionId: mentor, ok: true, probabilityAuthorityNpvNegative: 0.2 });
    worker.onerror?.();
    expect(runner.getSnapshot().candidates).toEqual({
      [ips]: { status: 'failed' },
      [mentor]: { status: 'done', probabilityAuthorityNpvNegative: 0.2 },
      [coordination]: { status: 'failed' },
    });
    expect(onWorkerError).toHaveBeenCalledOnce();
  });

  it('stops its timer and its worker when destroyed (the room closed)', () => {
    const { worker, sent } = fakeWorker();
    const runner = createCandidateRiskRunner({ createWorker: () => worker as unknown as Worker });
    const listener = vi.fn();
    runner.subscribe(listener);
    runner.request(candidates, ranges);
    listener.mockClear();
    runner.destroy();
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    expect(sent).toHaveLength(0);
    expect(worker.terminate).toHaveBeenCalledOnce();
    expect(listener).not.toHaveBeenCalled();
  });
});
