import { createContext, useContext } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createNavigationSlice, type NavigationSlice } from '../features/sections/navigationSlice.ts';
import { createWorkshopSlice, type WorkshopSlice } from '../features/workshop/workshopSlice.ts';

/**
 * This person's view of one open case (UI only): the open section, "follow me", a refused
 * change's notice. It lives and dies with the case room: opening another case starts from a
 * fresh one, so nothing of one case follows a person into the next (issue 11). Person-wide
 * state (name, department, language) stays in the app's store (`store.ts`).
 */
export type CaseUiState = NavigationSlice & WorkshopSlice;

/** One open case's store, and the end of its life. */
export type CaseState = {
  store: StoreApi<CaseUiState>;
  /**
   * Ends the store with its case: later writes — a refusal settled after the room closed, a
   * late effect — are ignored, so they cannot reach the next case either.
   */
  dispose: () => void;
};

/** A fresh store for a case being opened. */
export function openCaseState(): CaseState {
  let disposed = false;
  const store = createStore<CaseUiState>()((set, get, api) => {
    const guarded: typeof set = ((...args: Parameters<typeof set>) => {
      if (!disposed) set(...args);
    }) as typeof set;
    return {
      ...createNavigationSlice(guarded, get, api),
      ...createWorkshopSlice(guarded, get, api),
    };
  });
  const setState = store.setState;
  store.setState = ((...args: Parameters<typeof setState>) => {
    if (!disposed) setState(...args);
  }) as typeof setState;
  return {
    store,
    dispose: () => {
      disposed = true;
    },
  };
}

/** The open case's store, provided by the case room. */
export const CaseStoreContext = createContext<StoreApi<CaseUiState> | null>(null);

/** The open case's store itself, for event handlers and effects; only valid inside the case room. */
export function useCaseStoreApi(): StoreApi<CaseUiState> {
  const store = useContext(CaseStoreContext);
  if (!store) throw new Error('useCaseStore() outside the case room');
  return store;
}

/** A part of the open case's UI state; re-renders when it changes. */
export function useCaseStore<T>(select: (state: CaseUiState) => T): T {
  return useStore(useCaseStoreApi(), select);
}
