import { createContext, useContext } from 'react';
import type { CaseSession, CaseView } from './caseSession.ts';

/** The case the views show: the live session, or inside a saved version's viewer, that version. */
export const CaseViewContext = createContext<CaseView | null>(null);

/** The live session of the open case (connection, provider events); none inside a saved version. */
export const CaseSessionContext = createContext<CaseSession | null>(null);

/** The case the views show (document, writes, undo, who am I); only valid inside the case room. */
export function useSession(): CaseView {
  const view = useContext(CaseViewContext);
  if (!view) throw new Error('useSession() outside the case room');
  return view;
}

/** The open case's live session, for what only a connection has (its state, provider events). */
export function useLiveSession(): CaseSession {
  const session = useContext(CaseSessionContext);
  if (!session) throw new Error('useLiveSession() outside the live case room');
  return session;
}
