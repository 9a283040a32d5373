import { useMessages } from '../../i18n/messages.ts';
import { useConnectionState } from './ConnectionStatus.tsx';

/**
 * Under the top bar while the network lets the page through but not the live connection
 * (issue 10): what it means for the person's edits, and what their IT department can do.
 * Distinct from "offline", which the status pill says on its own.
 */
export function NetworkBlockedNotice() {
  const m = useMessages();
  if (useConnectionState() !== 'blocked') return null;
  const text = m.network.blocked;
  return (
    <div className="network-blocked" role="alert">
      <p className="network-blocked-title">{text.title}</p>
      <p>{text.body}</p>
      <p className="help">{text.it(window.location.host)}</p>
    </div>
  );
}
