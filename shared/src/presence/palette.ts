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

/** A party's own place in the palette: a hash (FNV-1a) of its id, the same in every case and after every reload. */
export function partyColorIndex(partyId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < partyId.length; i++) {
    hash ^= partyId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % PRESENCE_COLORS.length;
}

/**
 * The colour of each party present, from its id alone, so it stays the same across resets,
 * reloads and cases. Two parties whose ids hash to one colour do not share it while the palette
 * has room: taken in id order, each takes its own colour or the next free one after it. Every
 * browser sees the same parties present, so every browser draws the same colours.
 */
export function partyColors(partyIds: Iterable<string>): Map<string, PresenceColor> {
  const ids = [...new Set(partyIds)].sort();
  const taken = new Set<number>();
  const colors = new Map<string, PresenceColor>();
  for (const id of ids) {
    const own = partyColorIndex(id);
    let index = own;
    for (let step = 0; step < PRESENCE_COLORS.length && taken.has(index); step++) {
      index = (own + step + 1) % PRESENCE_COLORS.length;
    }
    // More parties than colours: the rest share, each keeping its own (initials and names tell them apart).
    if (taken.has(index)) index = own;
    taken.add(index);
    colors.set(id, PRESENCE_COLORS[index]!.color);
  }
  return colors;
}
