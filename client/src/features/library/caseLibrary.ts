import { api, type LibraryEntry } from '@caseroom/shared';
import { createContext, useContext, useEffect, useState } from 'react';
import { callApi } from '../../api/callApi.ts';

/** The case's organisation's library as the room has read it: loading, failed, or its entries and the versions the case links to. */
export type CaseLibraryState =
  | { kind: 'loading' }
  | { kind: 'failed'; reload: () => void }
  | { kind: 'loaded'; entries: LibraryEntry[]; linked: LibraryEntry[]; reload: () => void };

/** How often an open room reads the library again (a member may change an entry meanwhile). */
const REFRESH_MS = 60_000;

/**
 * Reads `GET /api/cases/:id/library` with the case's link: once, again every minute, and when
 * the window gets focus again — so a changed entry shows as outdated without a reload.
 */
export function useCaseLibraryLoader(caseId: string, token: string): CaseLibraryState {
  const [state, setState] = useState<CaseLibraryState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () => {
      void callApi(api.caseLibrary, { params: { id: caseId }, tokens: [token] }).then((result) => {
        if (!live) return;
        setState(
          result.ok
            ? { kind: 'loaded', entries: result.value.entries, linked: result.value.linked, reload: load }
            : { kind: 'failed', reload: load },
        );
      });
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    window.addEventListener('focus', load);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('focus', load);
    };
  }, [caseId, token]);
  return state;
}

/** The library the outcomes section read (one request for all its outcomes). */
export const CaseLibraryContext = createContext<CaseLibraryState>({ kind: 'loading' });

/** The case's library, as read by the enclosing outcomes section. */
export function useCaseLibrary(): CaseLibraryState {
  return useContext(CaseLibraryContext);
}
