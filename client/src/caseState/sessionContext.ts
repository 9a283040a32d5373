import type { Party } from '@caseroom/shared';
import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/** Who this browser is in the case, once known, and a way to hear when that changes. */
export type PartySource = {
  get: () => Party | undefined;
  subscribe: (onChange: () => void) => () => void;
};

/**
 * What the views of a case need of it: its document to read, this person's writes and undo,
 * presence (for the rich-text carets) and who this browser is. A live session is one
 * (caseRoom/caseSession.ts); a saved version's read-only view (workshop/history/snapshotSession.ts)
 * is another, with no connection at all.
 */
export type CaseView = {
  caseId: string;
  /** The token of this browser's link to the case (docs/access.md A12). */
  token: string;
  doc: Y.Doc;
  /** Presence: the carets of the rich-text editors read and publish it here. */
  provider: { awareness: Awareness };
  undo: Y.UndoManager;
  /** This browser's party in the case (role, name), once known. */
  me: PartySource;
  /**
   * Makes a local change: one transaction with this person's origin, so undo can find it.
   * Changes within half a second merge into one undo step (typing); `writeStep` never merges.
   */
  write: (change: () => void) => void;
  /** A local change that is its own undo step (a committed number, a choice, a move). */
  writeStep: (change: () => void) => void;
};

/** The case the views show: the live session, or inside a saved version's viewer, that version. */
export const CaseViewContext = createContext<CaseView | null>(null);

/** The case the views show (document, writes, undo, who am I); only valid inside the case room. */
export function useSession(): CaseView {
  const view = useContext(CaseViewContext);
  if (!view) throw new Error('useSession() outside the case room');
  return view;
}
