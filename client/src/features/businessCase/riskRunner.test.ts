import { exampleCase, type PricingInput, pricingInputFromModel } from '@caseroom/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RiskRequest, RiskResponse } from './riskProtocol.ts';
import { createRiskRunner, RISK_DEBOUNCE_MS } from './riskRunner.ts';

/** A stand-in for the worker: records requests; the test answers them in any order. */
function fakeWorker() {
  const sent: RiskRequest[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<RiskResponse>) => void) | null,
    onerror: null as (() => void) | null,
    postMessage: (message: RiskRequest) => sent.push(message),
    terminate: vi.fn(),
  };
  const answer = (id: number, npv: number) =>
    worker.onmessage?.({
      data: {
        id,
        ok: true,
        result: { scenarios: [], sensitivity: [], monteCarlo: { seed: 1, authorityNpv: { p50: npv } } },
      },
    } as unknown as MessageEvent<RiskResponse>);
  return { worker, sent, answer };
}

const example = pricingInputFromModel(exampleCase());
if (!example.ok) throw new Error('the example case cannot be priced');
const makePricingInput = (overrides: Partial<PricingInput> = {}): PricingInput => ({ ...example.input, ...overrides });

const ranges = { effect: { low: 0.8, high: 1.2 }, cost: { low: 0.9, high: 1.1 }, persistence: { low: 1, high: 1 } };

describe('risk runner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces requests, sends only the last, and drops answers to replaced requests', () => {
    const { worker, sent, answer } = fakeWorker();
    const runner = createRiskRunner({ createWorker: () => worker as unknown as Worker });
    runner.request(makePricingInput({ horizonYears: 5 }), ranges);
    runner.request(makePricingInput({ horizonYears: 6 }), ranges);
    expect(runner.getSnapshot().status).toBe('computing');
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    expect(sent.map((r) => r.input.horizonYears)).toEqual([6]);

    // A newer request goes out before the first answer arrives: the first answer is stale.
    runner.request(makePricingInput({ horizonYears: 7 }), ranges);
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    answer(sent[0]!.id, 1);
    expect(runner.getSnapshot()).toMatchObject({ status: 'computing', result: undefined });
    answer(sent[1]!.id, 2);
    expect(runner.getSnapshot().status).toBe('idle');
    expect(runner.getSnapshot().result?.monteCarlo.authorityNpv.p50).toBe(2);
  });

  it('asks again only when the inputs change', () => {
    const { worker, sent } = fakeWorker();
    const runner = createRiskRunner({ createWorker: () => worker as unknown as Worker });
    runner.request(makePricingInput(), ranges);
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    runner.request(makePricingInput(), ranges);
    vi.advanceTimersByTime(RISK_DEBOUNCE_MS);
    expect(sent).toHaveLength(1);
  });
});
