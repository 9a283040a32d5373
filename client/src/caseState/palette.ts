import { PRESENCE_COLORS, partyColors } from '@caseroom/shared';

/**
 * Presence colours: the Okabe-Ito palette of shared (`presence/palette.ts`), one list for this
 * client, which picks a colour, and the server, which relays no other (issue 10).
 */
export { PRESENCE_COLORS };

/** The text colour to use on a presence colour (black for anything unknown). */
export function textOn(color: string): string {
  return PRESENCE_COLORS.find((entry) => entry.color.toLowerCase() === color.toLowerCase())?.text ?? '#000000';
}

/** The first colour nobody else uses, starting from one derived from the client id. */
export function chooseColor(clientId: number, taken: ReadonlySet<string>): string {
  const start = clientId % PRESENCE_COLORS.length;
  for (let i = 0; i < PRESENCE_COLORS.length; i++) {
    const candidate = PRESENCE_COLORS[(start + i) % PRESENCE_COLORS.length]!.color;
    if (!taken.has(candidate)) return candidate;
  }
  return PRESENCE_COLORS[start]!.color;
}

/**
 * People drawn in their party's colour (shared `partyColors`: from the party id, the same after a
 * reset, a reload and in every case; distinct among the parties present while the palette has
 * room). Someone the server has stamped no party on keeps the colour they published.
 */
export function withPartyColors<P extends { color: string; party?: { id: string } | undefined }>(
  peers: readonly P[],
): P[] {
  const colors = partyColors(peers.flatMap((peer) => (peer.party ? [peer.party.id] : [])));
  return peers.map((peer) => {
    const color = peer.party && colors.get(peer.party.id);
    return color ? { ...peer, color } : peer;
  });
}

/** One or two initials of a name ("Anne Holm" → "AH"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words.at(-1)!.charAt(0) : '';
  return (first + last).toUpperCase();
}
