/**
 * Presence colours from the Okabe-Ito palette, which people with the common forms of colour
 * blindness can tell apart. Colour is never the only cue: initials and names go with it.
 * `text` is the colour that reads on top of it with at least 4.5:1 contrast. One list for the
 * client (which picks a colour) and the server (which refuses any other, issue 10).
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

/** One of the palette's colours, as the client writes it (`#0072B2`). */
export type PresenceColor = (typeof PRESENCE_COLORS)[number]['color'];

/** Whether a string is one of the palette's colours (letter case aside). */
export function isPresenceColor(value: string): value is PresenceColor {
  const wanted = value.toUpperCase();
  return PRESENCE_COLORS.some((entry) => entry.color === wanted);
}
