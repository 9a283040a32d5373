import { createContext, useContext } from 'react';
import type { CaseSession } from './caseSession.ts';

export const CaseSessionContext = createContext<CaseSession | null>(null);

/** The open case's session; only valid inside the case room. */
export function useSession(): CaseSession {
  const session = useContext(CaseSessionContext);
  if (!session) throw new Error('useSession() outside the case room');
  return session;
}
