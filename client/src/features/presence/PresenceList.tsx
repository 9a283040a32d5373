import { avatarName } from '../../caseState/presence.ts';
import { useMessages } from '../../i18n/messages.ts';
import { RoleBadge } from '../access/RoleBadge.tsx';
import { Avatar } from './Avatar.tsx';
import { usePeers } from './usePeers.ts';

/**
 * Who is in the case: colour and initials, the party the server vouches for (name, role, kind),
 * then the name and department the person typed about themselves (marked as self-entered) and
 * the section each is in.
 */
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
          <li
            key={peer.clientId}
            className="presence-person"
            data-client-id={peer.clientId}
            data-role={peer.party?.role}
          >
            <Avatar name={avatarName(peer)} color={peer.color} />
            <span className="presence-text">
              <span className="presence-name">
                <span className="presence-party">{peer.party?.name ?? (peer.name || m.presence.anonymous)}</span>
                {peer.isSelf && <span className="presence-self"> {m.presence.you}</span>}
                {peer.party && <RoleBadge role={peer.party.role} />}
              </span>
              {peer.party && peer.name && (
                <span className="presence-own-name">
                  {peer.name} <span className="presence-self-entered">({m.presence.selfEntered})</span>
                </span>
              )}
              <span className="presence-detail">
                {[
                  peer.party && peer.party.kind !== peer.party.role ? m.access.kinds[peer.party.kind] : '',
                  peer.department,
                  m.sections[peer.section].title,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
