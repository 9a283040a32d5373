import { useMessages } from '../../i18n/messages.ts';
import { Avatar } from './Avatar.tsx';
import { usePeers } from './usePeers.ts';

/** Who is in the case: colour, initials, name, department and the section each is in. */
export function PresenceList() {
  const m = useMessages();
  const peers = usePeers();
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence-heading">
        {m.presence.heading(peers.length)}
      </h2>
      <ul className="presence-list">
        {peers.map((peer) => (
          <li key={peer.clientId} className="presence-person" data-client-id={peer.clientId}>
            <Avatar name={peer.name} color={peer.color} />
            <span className="presence-text">
              <span className="presence-name">
                {peer.name || m.presence.anonymous}
                {peer.isSelf && <span className="presence-self"> {m.presence.you}</span>}
              </span>
              <span className="presence-detail">
                {[peer.department, m.sections[peer.section].title].filter(Boolean).join(' · ')}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
