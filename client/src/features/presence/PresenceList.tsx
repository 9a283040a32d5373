import { useId, useState } from 'react';
import { avatarName, type Peer } from '../../caseState/presence.ts';
import { type Messages, useMessages } from '../../i18n/messages.ts';
import { RoleBadge } from '../access/RoleBadge.tsx';
import { Avatar } from './Avatar.tsx';
import { usePeers } from './usePeers.ts';

/**
 * Who is in the case. Collapsed (the default: a projected header has no room for names) it is a
 * row of avatars, each naming its person on hover and for screen readers; "show names" unfolds
 * the full list over the content: colour and initials, the party the server vouches for (name,
 * role, kind), then the name and department the person typed about themselves (marked as
 * self-entered) and the section each is in.
 */
export function PresenceList() {
  const m = useMessages();
  const peers = usePeers();
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  return (
    <section className="presence" data-expanded={expanded} aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence-heading visually-hidden">
        {m.presence.heading(peers.length)}
      </h2>
      <ul id={listId} className="presence-list">
        {peers.map((peer) => (
          <li
            key={peer.clientId}
            className="presence-person"
            data-client-id={peer.clientId}
            data-role={peer.party?.role}
            title={expanded ? undefined : hoverName(peer, m)}
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
      <button
        type="button"
        className="presence-toggle"
        aria-expanded={expanded}
        aria-controls={listId}
        onClick={() => setExpanded(!expanded)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && expanded) setExpanded(false);
        }}
      >
        {expanded ? m.layout.hideNames : m.layout.showNames}
        <span className="visually-hidden"> ({m.presence.heading(peers.length)})</span>
      </button>
    </section>
  );
}

/** The short line a collapsed avatar shows on hover: party, own name, section. */
function hoverName(peer: Peer, m: Messages): string {
  const who = peer.party?.name ?? (peer.name || m.presence.anonymous);
  const own = peer.party && peer.name ? ` (${peer.name})` : '';
  return `${who}${own}${peer.isSelf ? ` ${m.presence.you}` : ''} · ${m.sections[peer.section].title}`;
}
