import { createContext, useContext } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createNavigationSlice, type NavigationSlice } from '../features/sections/navigationSlice.ts';
import { type CaseSource, emptyLiveCase, feedCaseStore, type LiveCase } from './liveCase.ts';
import { createOfflineLossSlice, type OfflineLossSlice } from './offlineLossSlice.ts';
import { createWorkshopSlice, type WorkshopSlice } from './workshopViewSlice.ts';

/**
 * This person's view of one open case (UI only): the open section, "follow me", a refused
 * change's notice. Person-wide state (name, department, language) stays in the app's store
 * (`store.ts`).
 */
export type CaseUiState = NavigationSlice & WorkshopSlice & OfflineLossSlice;

/**
 * Everything of one open case that components read: this person's view of it (`CaseUiState`)
 * and what is happening in it (`LiveCase`: who is here, whom to follow, the workshop record,
 * comments). It lives and dies with the case room: opening another case starts from a fresh
 * one, so nothing of one case follows a person into the next (issue 11).
 */
export type CaseStoreState = CaseUiState & LiveCase;

/** One open case's store, and the end of its life. */
export type CaseState = {
  store: StoreApi<CaseStoreState>;
  /**
   * Feeds the live part from one session's document and presence until the returned stop is
   * called (when that session closes). A refusal reopens the session under the same store: the
   * new session's feed replaces what the old one left.
   */
  feed: (source: CaseSource) => () => void;
  /**
   * Ends the store with its case: feeds stop, and later writes — a refusal settled after the
   * room closed, a late effect or event — are ignored, so they cannot reach the next case either.
   */
  dispose: () => void;
};

/** A fresh store for a case being opened. */
export function openCaseState(): CaseState {
  let disposed = false;
  const feeds = new Set<() => void>();
  const store = createStore<CaseStoreState>()((set, get, api) => {
    const guarded: typeof set = ((...args: Parameters<typeof set>) => {
      if (!disposed) set(...args);
    }) as typeof set;
    return {
      ...createNavigationSlice(guarded, get, api),
      ...createWorkshopSlice(guarded, get, api),
      ...createOfflineLossSlice(guarded, get, api),
      ...emptyLiveCase(),
    };
  });
  const setState = store.setState;
  store.setState = ((...args: Parameters<typeof setState>) => {
    if (!disposed) setState(...args);
  }) as typeof setState;
  return {
    store,
    feed: (source) => {
      if (disposed) return () => {};
      const stopFeed = feedCaseStore(store, source);
      const stop = () => {
        feeds.delete(stop);
        stopFeed();
      };
      feeds.add(stop);
      return stop;
    },
    dispose: () => {
      disposed = true;
      for (const stop of [...feeds]) stop();
    },
  };
}

/** The open case's store, provided by the case room (and by a saved version's viewer, its own). */
export const CaseStoreContext = createContext<StoreApi<CaseStoreState> | null>(null);

/** The open case's store itself, for event handlers and effects; only valid inside the case room. */
export function useCaseStoreApi(): StoreApi<CaseStoreState> {
  const store = useContext(CaseStoreContext);
  if (!store) throw new Error('useCaseStore() outside the case room');
  return store;
}

/** A part of the open case's state; re-renders when the selected part changes. */
export function useCaseStore<T>(select: (state: CaseStoreState) => T): T {
  return useStore(useCaseStoreApi(), select);
}
