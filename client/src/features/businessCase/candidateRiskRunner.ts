import { DEFAULT_ITERATIONS, DEFAULT_SEED, type PricingInput, type ScenarioRangeFactors } from '@caseroom/shared';
import type { CandidateRiskRequest, CandidateRiskResponse } from './riskProtocol.ts';
import { createRiskWorker, RISK_DEBOUNCE_MS } from './riskRunner.ts';

/** One candidate's P(authority NPV < 0): being drawn, drawn, or failed (inputs the engine refuses). */
export type CandidateRisk =
  | { status: 'computing' }
  | { status: 'done'; probabilityAuthorityNpvNegative: number }
  | { status: 'failed' };

/** Every priced candidate's Monte Carlo figure, for the inputs last asked for, and how it was drawn. */
export type CandidateRiskState = {
  /** By intervention id; a candidate that is not priced has no entry. */
  candidates: Readonly<Record<string, CandidateRisk>>;
  seed: number;
  iterations: number;
};

/** A candidate to draw: its id and its own pricing inputs (compareCandidates' `input`). */
export type CandidateToDraw = { interventionId: string; input: PricingInput };

/**
 * P19: P(authority NPV < 0) of each intervention candidate from its own Monte Carlo run, in a
 * Web Worker — debounced like the panel's risk analysis, only the newest request's answers kept.
 * A candidate whose inputs did not change keeps its figure and is not drawn again.
 */
export type CandidateRiskRunner = {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): CandidateRiskState;
  /** Asks for these candidates' figures (a no-op when nothing changed since the last request). */
  request(candidates: readonly CandidateToDraw[], ranges: ScenarioRangeFactors): void;
  destroy(): void;
};

type Entry = { key: string; risk: CandidateRisk };

export function createCandidateRiskRunner(
  options: { seed?: number; iterations?: number; createWorker?: () => Worker; onWorkerError?: () => void } = {},
): CandidateRiskRunner {
  const seed = options.seed ?? DEFAULT_SEED;
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const worker = (options.createWorker ?? createRiskWorker)();
  const listeners = new Set<() => void>();
  let entries = new Map<string, Entry>();
  let state: CandidateRiskState = { candidates: {}, seed, iterations };
  let latestId = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publish = () => {
    state = {
      ...state,
      candidates: Object.fromEntries([...entries].map(([id, entry]) => [id, entry.risk])),
    };
    for (const listener of listeners) listener();
  };

  worker.onmessage = (event: MessageEvent<CandidateRiskResponse>) => {
    const response = event.data;
    // A newer request has been sent (or is waiting for its debounce): this answer is stale.
    if (response.id !== latestId || timer !== undefined) return;
    const entry = entries.get(response.interventionId);
    if (entry?.risk.status !== 'computing') return;
    entry.risk = response.ok
      ? { status: 'done', probabilityAuthorityNpvNegative: response.probabilityAuthorityNpvNegative }
      : { status: 'failed' };
    publish();
  };
  worker.onerror = () => {
    for (const entry of entries.values()) if (entry.risk.status === 'computing') entry.risk = { status: 'failed' };
    publish();
    // After a new version was deployed, the worker's script of this page's version is gone.
    options.onWorkerError?.();
  };

  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot: () => state,
    request(candidates, ranges) {
      const next = new Map<string, Entry>();
      let changed = candidates.length !== entries.size;
      for (const { interventionId, input } of candidates) {
        const key = JSON.stringify([input, ranges]);
        const previous = entries.get(interventionId);
        if (previous?.key === key) next.set(interventionId, previous);
        else {
          changed = true;
          next.set(interventionId, { key, risk: { status: 'computing' } });
        }
      }
      if (!changed) return;
      entries = next;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      // Whatever is still being drawn is asked for again in the new request: the old one's answers are dropped.
      const toDraw = candidates.filter(({ interventionId }) => next.get(interventionId)?.risk.status === 'computing');
      latestId++;
      if (toDraw.length > 0) {
        timer = setTimeout(() => {
          timer = undefined;
          const message: CandidateRiskRequest = {
            kind: 'candidates',
            id: latestId,
            candidates: toDraw.map(({ interventionId, input }) => ({ interventionId, input })),
            ranges,
            seed,
            iterations,
          };
          worker.postMessage(message);
        }, RISK_DEBOUNCE_MS);
      }
      publish();
    },
    destroy() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      worker.terminate();
      listeners.clear();
    },
  };
}
