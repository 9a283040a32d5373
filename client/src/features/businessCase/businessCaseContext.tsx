import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { checkForNewBuild } from '../../app/newBuild.ts';
import { useSession } from '../../caseState/sessionContext.ts';
import { type BusinessCaseSnapshot, type BusinessCaseStore, createBusinessCaseStore } from './businessCaseStore.ts';
import { createRiskRunner, type RiskRunner, type RiskState } from './riskRunner.ts';

type BusinessCaseSources = { store: BusinessCaseStore; risk: RiskRunner };

const BusinessCaseContext = createContext<BusinessCaseSources | null>(null);

/**
 * Derives the open case's business case for everything in the room (panel, navigation counts,
 * candidate table): the quick part on every document change, the risk analysis in a worker
 * whenever the priced inputs change.
 */
export function BusinessCaseProvider({ children }: { children: ReactNode }) {
  const { doc } = useSession();
  const [sources, setSources] = useState<BusinessCaseSources | null>(null);
  useEffect(() => {
    const created = {
      store: createBusinessCaseStore(doc),
      risk: createRiskRunner({ onWorkerError: () => void checkForNewBuild() }),
    };
    setSources(created);
    return () => {
      created.store.destroy();
      created.risk.destroy();
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
