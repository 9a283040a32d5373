import { useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { useConnectionState } from './ConnectionStatus.tsx';
import type { ConnectionState } from './connectionState.ts';

/**
 * What the connection state means for the person's edits ("your changes are kept on this
 * device …"), in full, in the notice area over the content — the status pill in the header only
 * has room for a word. Closed by the person until the state changes. Not a live region: the pill
 * (role=status) already announces the same sentence.
 */
export function ConnectionNotice() {
  const m = useMessages();
  const state = useConnectionState();
  const [closedFor, setClosedFor] = useState<ConnectionState | null>(null);
  const { label, detail } = m.connection[state];
  // "Blocked" has its own, longer notice (NetworkBlockedNotice).
  if (!detail || state === 'blocked' || closedFor === state) return null;
  return (
    <div className={`room-notice connection-notice connection-${state}`} data-state={state}>
      <p>
        <strong>{label}.</strong> {detail}
      </p>
      <button type="button" className="notice-close" onClick={() => setClosedFor(state)}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">{m.layout.closeNotice}</span>
      </button>
    </div>
  );
}
