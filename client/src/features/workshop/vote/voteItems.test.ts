import { describe, expect, it } from 'vitest';
import { barShare, latestVote, voteTurnout } from './voteItems.ts';

describe('barShare', () => {
  it('scales every bar by the vote’s highest count, so equal counts draw equal bars', () => {
    const counts = { a: 3, b: 3, c: 1, d: 0 };
    expect(barShare(3, counts)).toBe(1);
    expect(barShare(1, counts)).toBeCloseTo(1 / 3);
    expect(barShare(0, counts)).toBe(0);
  });

  it('draws no bar when nobody voted', () => {
    expect(barShare(0, { a: 0, b: 0 })).toBe(0);
    expect(barShare(0, {})).toBe(0);
  });
});

describe('voteTurnout', () => {
  const present = [
    { id: 'fie', role: 'facilitator' as const },
    { id: 'erik', role: 'editor' as const },
    { id: 'erik', role: 'editor' as const },
    { id: 'olga', role: 'observer' as const },
  ];

  it('counts the parties present that may vote, each once, observers not', () => {
    expect(voteTurnout({ status: 'open' }, present)).toEqual({ cast: undefined, eligible: 2 });
  });

  it('takes n from the server’s running count while the vote is open', () => {
    expect(voteTurnout({ status: 'open', voted: 1 }, present)).toEqual({ cast: 1, eligible: 2 });
    expect(voteTurnout({ status: 'open', voted: 0 }, present)).toEqual({ cast: 0, eligible: 2 });
  });

  it('takes n from the revealed record, and m never below n (a voter may have left)', () => {
    expect(voteTurnout({ status: 'revealed', voters: 1 }, present)).toEqual({ cast: 1, eligible: 2 });
    expect(voteTurnout({ status: 'decided', voters: 3 }, present)).toEqual({ cast: 3, eligible: 3 });
  });
});

describe('latestVote', () => {
  it('is the vote opened last', () => {
    const votes = { a: { openedAt: '2026-01-01T10:00:00Z' }, b: { openedAt: '2026-01-01T11:00:00Z' } };
    expect(latestVote(votes)?.[0]).toBe('b');
  });
});
