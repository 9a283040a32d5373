import { describe, expect, it } from 'vitest';
import { isAgreed, signoffStatus } from './signoffs.ts';
import { addTime, formatCountdown, pauseTimer, startTimer, timerRemaining } from './timer.ts';
import { checkBallot, tally, winners } from './votes.ts';

describe('timer', () => {
  it('counts down, pauses, resumes and takes added time', () => {
    const running = startTimer(10 * 60_000, 1_000);
    expect(timerRemaining(running, 61_000)).toBe(9 * 60_000);
    const paused = pauseTimer(running, 61_000);
    expect(timerRemaining(paused, 999_999)).toBe(9 * 60_000);
    const longer = addTime(paused, 60_000, 100_000);
    expect(timerRemaining(longer, 100_000)).toBe(10 * 60_000);
    expect(timerRemaining(startTimer(1000, 0), 5000)).toBe(0);
    expect(formatCountdown(9 * 60_000 + 5_000)).toBe('9:05');
    expect(formatCountdown(3_600_000 + 65_000)).toBe('1:01:05');
  });
});

describe('dot votes', () => {
  const items = ['ips', 'mentor', 'coordination'];
  it('checks ballots against the number of dots and the items', () => {
    expect(checkBallot({ voterId: 'a', itemIds: ['ips', 'ips', 'mentor'] }, items, 3)).toEqual({ ok: true });
    expect(checkBallot({ voterId: 'a', itemIds: ['ips', 'ips', 'mentor', 'ips'] }, items, 3)).toEqual({
      ok: false,
      reason: 'tooManyVotes',
    });
    expect(checkBallot({ voterId: 'a', itemIds: ['other'] }, items, 3)).toEqual({ ok: false, reason: 'unknownItem' });
    // Withdrawing every dot is allowed.
    expect(checkBallot({ voterId: 'a', itemIds: [] }, items, 3)).toEqual({ ok: true });
  });

  it('tallies dots per item and finds the winners', () => {
    const result = tally(
      [
        { voterId: 'a', itemIds: ['ips', 'ips', 'mentor'] },
        { voterId: 'b', itemIds: ['mentor', 'ips'] },
        { voterId: 'c', itemIds: [] },
      ],
      items,
    );
    expect(result).toEqual({ counts: { ips: 3, mentor: 2, coordination: 0 }, voters: 2 });
    expect(winners(result.counts)).toEqual(['ips']);
    expect(winners({ a: 1, b: 1 })).toEqual(['a', 'b']);
    expect(winners({ a: 0 })).toEqual([]);
  });
});

describe('sign-offs', () => {
  it('a later content change makes earlier sign-offs outdated; agreed needs every required party on the current hash', () => {
    const signoffs = [
      { partyId: 'kommune', hash: 'h1', at: '2026-11-28T10:00:00Z' },
      { partyId: 'investor', hash: 'h1', at: '2026-11-28T10:01:00Z' },
    ];
    expect(isAgreed(['kommune', 'investor'], signoffs, 'h1')).toBe(true);
    expect(isAgreed(['kommune', 'investor'], signoffs, 'h2')).toBe(false);
    expect(signoffStatus(['kommune', 'investor', 'provider'], signoffs, 'h2').map((s) => s.state)).toEqual([
      'outdated',
      'outdated',
      'missing',
    ]);
    expect(isAgreed([], signoffs, 'h1')).toBe(false);
  });
});
