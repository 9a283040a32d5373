import { useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { useConnectionState } from './ConnectionStatus.tsx';

/**
 * In the notice area over the content while the network lets the page through but not the live
 * connection (issue 10): what it means for the person's edits, and what their IT department can
 * do. Distinct from "offline", which the status pill says on its own. The person may close it;
 * the pill keeps saying "blocked", and the notice returns if the connection is blocked again.
 */
export function NetworkBlockedNotice() {
  const m = useMessages();
  const blocked = useConnectionState() === 'blocked';
  const [closed, setClosed] = useState(false);
  if (!blocked) {
    if (closed) setClosed(false);
    return null;
  }
  if (closed) return null;
  const text = m.network.blocked;
  return (
    <div className="room-notice network-blocked" role="alert">
      <p className="network-blocked-title">{text.title}</p>
      <p>{text.body}</p>
      <p className="help">{text.it(window.location.host)}</p>
      <button type="button" className="notice-close" onClick={() => setClosed(true)}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">{m.layout.closeNotice}</span>
      </button>
    </div>
  );
}
