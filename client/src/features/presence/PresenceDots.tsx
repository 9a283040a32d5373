import type { Peer } from '../../caseState/presence.ts';

/** How many dots a section's rail number carries before the rest become "+N": the rail is 4.75rem wide. */
export const MAX_DOTS = 3;

/**
 * Who is in a section, drawn as dots in their colours under its number on the navigation rail,
 * so a projector still shows who is where. Decorative: the names are the navigation's
 * screen-reader text already, so this is hidden from screen readers and not said twice.
 */
export function PresenceDots({ peers }: { peers: readonly Peer[] }) {
  if (peers.length === 0) return null;
  const rest = peers.length - MAX_DOTS;
  return (
    <span className="presence-dots" aria-hidden="true">
      {peers.slice(0, MAX_DOTS).map((peer) => (
        <span key={peer.clientId} className="presence-dot" style={{ backgroundColor: peer.color }} />
      ))}
      {rest > 0 && <span className="presence-more">+{rest}</span>}
    </span>
  );
}
