import { useSyncExternalStore } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { useLiveSession } from '../caseRoom/liveSession.ts';
import type { ConnectionState } from './connectionState.ts';

/** The connection state of the open case. */
export function useConnectionState(): ConnectionState {
  const { connection } = useLiveSession();
  return useSyncExternalStore(connection.subscribe, connection.get);
}

/** A shape per state, so the state never depends on colour alone. */
const ICONS: Record<ConnectionState, string> = {
  connected: 'M4 9 l3 3 l7 -7',
  connecting: 'M9 2 a7 7 0 1 1 -7 7',
  reconnecting: 'M9 2 a7 7 0 1 1 -7 7',
  offline: 'M3 3 L15 15 M15 3 L3 15',
  cantSave: 'M9 3 v7 M9 13 v2',
  tooManyMessages: 'M9 2 a7 7 0 1 1 -7 7',
  slowConsumer: 'M9 2 a7 7 0 1 1 -7 7',
  messageTooBig: 'M9 3 v7 M9 13 v2',
  caseMoving: 'M9 2 a7 7 0 1 1 -7 7',
  ownerUnreachable: 'M9 2 a7 7 0 1 1 -7 7',
  blocked: 'M9 2 a7 7 0 1 1 0 14 a7 7 0 1 1 0 -14 M4 9 h10',
  notFound: 'M3 3 L15 15 M15 3 L3 15',
  unauthorized: 'M3 3 L15 15 M15 3 L3 15',
  linkRevoked: 'M3 3 L15 15 M15 3 L3 15',
  linkExpired: 'M3 3 L15 15 M15 3 L3 15',
  accessEnded: 'M3 3 L15 15 M15 3 L3 15',
  caseArchived: 'M3 5 h12 v3 h-12 z M4 8 v7 h10 v-7 M7 11 h4',
};

/**
 * Always-visible connection state: a short word and an icon, never cut; the whole sentence is
 * part of what a screen reader hears (announced politely when it changes) and shows on hover,
 * and `ConnectionNotice` shows it in the notice area, so the header stays one line on a projector.
 */
export function ConnectionStatus() {
  const m = useMessages();
  const state = useConnectionState();
  const { label, detail } = m.connection[state];
  return (
    <div className={`connection connection-${state}`} role="status" data-state={state} title={detail || undefined}>
      <svg className="connection-icon" viewBox="0 0 18 18" width="18" height="18" aria-hidden="true" focusable="false">
        <path d={ICONS[state]} fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <span className="connection-label">{label}</span>
      {detail && <span className="connection-detail visually-hidden">{detail}</span>}
    </div>
  );
}
