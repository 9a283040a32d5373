import { describe, expect, it } from 'vitest';
import { dayValue, expiryAfterDay, expiryDayProblem, linkLifetime } from './linkLifetime.ts';

/** Noon on a day, in this machine's time. */
const noon = (year: number, month: number, day: number) => new Date(year, month - 1, day, 12).getTime();

describe('linkLifetime (issue 10)', () => {
  it('is open without an expiry, and ended whatever the expiry once the facilitator ended it', () => {
    expect(linkLifetime({}, noon(2026, 3, 1))).toEqual({ kind: 'open' });
    const ended = linkLifetime(
      { expiresAt: '2030-01-01T00:00:00.000Z', endedAt: '2026-03-01T09:30:00.000Z' },
      noon(2026, 3, 1),
    );
    expect(ended).toEqual({ kind: 'ended', at: new Date('2026-03-01T09:30:00.000Z') });
  });

  it('a link chosen to work through a day expires at the start of the next, and names that day', () => {
    const expiresAt = expiryAfterDay('2026-03-12')?.toISOString();
    expect(expiresAt).toBe(new Date(2026, 2, 13).toISOString());
    const before = linkLifetime({ expiresAt }, noon(2026, 3, 12));
    expect(before.kind).toBe('expires');
    expect(before.kind === 'expires' && dayValue(before.day)).toBe('2026-03-12');
    const after = linkLifetime({ expiresAt }, noon(2026, 3, 13));
    expect(after.kind).toBe('expired');
    expect(after.kind === 'expired' && dayValue(after.day)).toBe('2026-03-12');
  });
});

describe('expiryDayProblem', () => {
  it('accepts today and later days', () => {
    expect(expiryDayProblem('2026-03-01', noon(2026, 3, 1))).toBeUndefined();
    expect(expiryDayProblem('2027-01-31', noon(2026, 3, 1))).toBeUndefined();
  });

  it('refuses a day that has passed, none, and days that do not exist', () => {
    expect(expiryDayProblem('2026-02-28', noon(2026, 3, 1))).toBe('datePassed');
    expect(expiryDayProblem('', noon(2026, 3, 1))).toBe('dateRequired');
    expect(expiryDayProblem('2026-02-30', noon(2026, 1, 1))).toBe('dateRequired');
    expect(expiryDayProblem('12-03-2026', noon(2026, 1, 1))).toBe('dateRequired');
  });
});
