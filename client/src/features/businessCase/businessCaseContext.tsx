import {
  type CaseModelDraft,
  type CandidateComparison as PricedCandidate,
  scenarioRangesFromModel,
} from '@caseroom/shared';
import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { checkForNewBuild } from '../../app/newBuild.ts';
import { useSession } from '../../caseState/sessionContext.ts';
import { type BusinessCaseSnapshot, type BusinessCaseStore, createBusinessCaseStore } from './businessCaseStore.ts';
import {
  type CandidateRiskRunner,
  type CandidateRiskState,
  type CandidateToDraw,
  createCandidateRiskRunner,
} from './candidateRiskRunner.ts';
import { createRiskRunner, type RiskRunner, type RiskState } from './riskRunner.ts';

type BusinessCaseSources = { store: BusinessCaseStore; risk: RiskRunner; candidateRisk: CandidateRiskRunner };

const BusinessCaseContext = createContext<BusinessCaseSources | null>(null);

/**
 * Derives the open case's business case for everything in the room (panel, navigation counts,
 * candidate table): the quick part on every document change, the risk analysis in a worker
 * whenever the priced inputs change, and — while a candidate comparison is shown — each
 * candidate's P(authority NPV < 0) in a second worker (P19).
 */
export function BusinessCaseProvider({ children }: { children: ReactNode }) {
  const { doc } = useSession();
  const [sources, setSources] = useState<BusinessCaseSources | null>(null);
  useEffect(() => {
    const onWorkerError = () => void checkForNewBuild();
    const created = {
      store: createBusinessCaseStore(doc),
      risk: createRiskRunner({ onWorkerError }),
      candidateRisk: createCandidateRiskRunner({ onWorkerError }),
    };
    setSources(created);
    return () => {
      created.store.destroy();
      created.risk.destroy();
      created.candidateRisk.destroy();
      setSources(null);
    };
  }, [doc]);
  if (!sources) return null;
  return (
    <BusinessCaseContext.Provider value={sources}>
      <RiskRequests sources={sources} />
      {children}
    </BusinessCaseContext.Provider>
  );
}

/** Asks the worker for the risk analysis of each new set of priced inputs. */
function RiskRequests({ sources }: { sources: BusinessCaseSources }) {
  const { priced } = useSyncExternalStore(sources.store.subscribe, sources.store.getSnapshot).result;
  useEffect(() => {
    if (priced.ok) sources.risk.request(priced.input, priced.ranges);
    else sources.risk.clear();
  }, [priced, sources]);
  return null;
}

function useSources(): BusinessCaseSources {
  const sources = useContext(BusinessCaseContext);
  if (!sources) throw new Error('business case hooks outside BusinessCaseProvider');
  return sources;
}

/** The current business case (model, findings, readiness, pricing, candidates). */
export function useBusinessCase(): BusinessCaseSnapshot {
  const { store } = useSources();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The latest risk analysis and whether a newer one is being computed. */
export function useRisk(): RiskState {
  const { risk } = useSources();
  return useSyncExternalStore(risk.subscribe, risk.getSnapshot);
}

/** The priced candidates with their own inputs, as the candidate worker draws them. */
function candidatesToDraw(candidates: readonly PricedCandidate[]): CandidateToDraw[] {
  return candidates.flatMap(({ interventionId, input }) => (input ? [{ interventionId, input }] : []));
}

/**
 * Each priced candidate's P(authority NPV < 0) (P19), drawn with the case's seed and scenario
 * ranges — the same the panel's own Monte Carlo uses. Asks only while a comparison is shown;
 * a candidate whose inputs did not change keeps its figure (the runner's cache), so opening the
 * vote dialog after the section shows it at once.
 */
export function useCandidateRisk(model: CaseModelDraft, candidates: readonly PricedCandidate[]): CandidateRiskState {
  const { candidateRisk } = useSources();
  const scenarios = model.paymentModel.scenarios;
  useEffect(() => {
    candidateRisk.request(candidatesToDraw(candidates), scenarioRangesFromModel(scenarios));
  }, [candidateRisk, candidates, scenarios]);
  return useSyncExternalStore(candidateRisk.subscribe, candidateRisk.getSnapshot);
}
