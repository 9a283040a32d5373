import { createContext, useContext } from 'react';
import type { CaseSession } from './caseSession.ts';

/** The live session of the open case (connection, provider events); none inside a saved version. */
export const CaseSessionContext = createContext<CaseSession | null>(null);

/** The open case's live session, for what only a connection has (its state, provider events). */
export function useLiveSession(): CaseSession {
  const session = useContext(CaseSessionContext);
  if (!session) throw new Error('useLiveSession() outside the live case room');
  return session;
}
