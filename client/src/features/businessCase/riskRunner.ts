import {
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  type PricingInput,
  type RiskAnalysis,
  type ScenarioRangeFactors,
} from '@caseroom/shared';
import type { RiskRequest, RiskResponse } from './riskProtocol.ts';

/** Where the risk analysis stands: the latest result, and whether a newer one is on its way. */
export type RiskState = {
  status: 'idle' | 'computing' | 'failed';
  /** The result for the inputs last asked for (or the one before, while recomputing). */
  result: RiskAnalysis | undefined;
  seed: number;
  iterations: number;
};

/** Runs the risk analysis in a Web Worker, debounced, keeping only the newest answer. */
export type RiskRunner = {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): RiskState;
  /** Asks for the analysis of these inputs (a no-op when they are the ones last asked for). */
  request(input: PricingInput, ranges: ScenarioRangeFactors): void;
  /** The case cannot be priced: forget the result. */
  clear(): void;
  destroy(): void;
};

/** A new risk worker (riskWorker.ts); each runner has its own, so the panel's analysis never waits for the candidates'. */
export const createRiskWorker = (): Worker =>
  new Worker(new URL('./riskWorker.ts', import.meta.url), { type: 'module' });

/** How long the inputs must rest before the analysis starts (typing bursts cost one run). */
export const RISK_DEBOUNCE_MS = 150;

export function createRiskRunner(
  options: { seed?: number; iterations?: number; createWorker?: () => Worker; onWorkerError?: () => void } = {},
): RiskRunner {
  const seed = options.seed ?? DEFAULT_SEED;
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const worker = (options.createWorker ?? createRiskWorker)();
  const listeners = new Set<() => void>();
  let state: RiskState = { status: 'idle', result: undefined, seed, iterations };
  let requestedKey: string | undefined;
  let latestId = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const set = (next: Partial<RiskState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  worker.onmessage = (event: MessageEvent<RiskResponse>) => {
    const response = event.data;
    // A newer request has been sent (or is waiting for its debounce): this answer is stale.
    if (response.id !== latestId || timer !== undefined) return;
    if (response.ok) set({ status: 'idle', result: response.result });
    else set({ status: 'failed' });
  };
  worker.onerror = () => {
    set({ status: 'failed' });
    // After a new version was deployed, the worker's script of this page's version is gone.
    options.onWorkerError?.();
  };

  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot: () => state,
    request(input, ranges) {
      const key = JSON.stringify([input, ranges]);
      if (key === requestedKey) return;
      requestedKey = key;
      if (timer !== undefined) clearTimeout(timer);
      if (state.status !== 'computing') set({ status: 'computing' });
      timer = setTimeout(() => {
        timer = undefined;
        latestId++;
        const message: RiskRequest = { kind: 'analysis', id: latestId, input, ranges, seed, iterations };
        worker.postMessage(message);
      }, RISK_DEBOUNCE_MS);
    },
    clear() {
      requestedKey = undefined;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      latestId++;
      set({ status: 'idle', result: undefined });
    },
    destroy() {
      if (timer !== undefined) clearTimeout(timer);
      worker.terminate();
      listeners.clear();
    },
  };
}
