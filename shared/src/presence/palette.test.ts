import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS, partyColorIndex, partyColors } from './palette.ts';

const ids = (n: number, prefix = 'party') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('a party’s presence colour', () => {
  it('comes from its id alone: the same on every call, whoever else is present, in any order', () => {
    const id = 'p-jobcenter-holbaek';
    const alone = partyColors([id]).get(id);
    expect(alone).toBe(PRESENCE_COLORS[partyColorIndex(id)]!.color);
    expect(partyColors([id]).get(id)).toBe(alone);
    // Another case with other parties who do not collide keep it (the one present with the same hash aside).
    const others = ids(40, 'other').filter((other) => partyColorIndex(other) !== partyColorIndex(id));
    expect(partyColors([...others.slice(0, 3), id]).get(id)).toBe(alone);
    const forward = partyColors(['a', 'b', 'c', 'd']);
    const backward = partyColors(['d', 'c', 'b', 'a']);
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
  });

  it('spreads ids over the whole palette', () => {
    const used = new Set(ids(200).map(partyColorIndex));
    expect(used.size).toBe(PRESENCE_COLORS.length);
  });

  it('is never shared by two parties present while the palette has room; collisions resolve by id order', () => {
    for (let start = 0; start < 50; start++) {
      const present = ids(PRESENCE_COLORS.length, `case${start}`);
      const colors = partyColors(present);
      expect(new Set(colors.values()).size).toBe(PRESENCE_COLORS.length);
    }
    // Two ids with one hash: the first in id order keeps the colour, the other takes the next free one.
    const all = ids(100);
    const [first, second] = all.filter((id) => partyColorIndex(id) === partyColorIndex(all[0]!)).sort();
    const colors = partyColors([second!, first!]);
    const own = partyColorIndex(first!);
    expect(colors.get(first!)).toBe(PRESENCE_COLORS[own]!.color);
    expect(colors.get(second!)).toBe(PRESENCE_COLORS[(own + 1) % PRESENCE_COLORS.length]!.color);
  });

  it('is shared only once the palette is full, each extra party keeping its own', () => {
    const present = ids(PRESENCE_COLORS.length + 3);
    const colors = partyColors(present);
    expect(new Set(colors.values()).size).toBe(PRESENCE_COLORS.length);
    expect(colors.size).toBe(present.length);
  });
});
