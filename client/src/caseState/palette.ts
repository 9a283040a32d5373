import { PRESENCE_COLORS } from '@caseroom/shared';

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

/** One or two initials of a name ("Anne Holm" → "AH"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words.at(-1)!.charAt(0) : '';
  return (first + last).toUpperCase();
}
