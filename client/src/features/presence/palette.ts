/**
 * Presence colours from the Okabe-Ito palette, which people with the common forms of colour
 * blindness can tell apart. Colour is never the only cue: initials and names go with it.
 * `text` is the colour that reads on top of it with at least 4.5:1 contrast.
 */
export const PRESENCE_COLORS = [
  { color: '#0072B2', text: '#FFFFFF' },
  { color: '#E69F00', text: '#000000' },
  { color: '#009E73', text: '#000000' },
  { color: '#CC79A7', text: '#000000' },
  { color: '#56B4E9', text: '#000000' },
  { color: '#D55E00', text: '#000000' },
  { color: '#F0E442', text: '#000000' },
  { color: '#000000', text: '#FFFFFF' },
] as const;

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
