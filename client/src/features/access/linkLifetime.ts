import type { PartyAccess } from './accessApi.ts';

/**
 * A party's link over time (issue 10): no expiry (the default — partnerships run for months),
 * expiring on a day, expired, or ended by the facilitator. The facilitator picks a day; the link
 * works up to and including it, and stops at the start of the next day, in this browser's time.
 */
export type LinkLifetime =
  | { kind: 'open' }
  | { kind: 'expires'; day: Date }
  | { kind: 'expired'; day: Date }
  | { kind: 'ended'; at: Date };

/** Where a party's link stands at `now` (ms). */
export function linkLifetime(party: Pick<PartyAccess, 'expiresAt' | 'endedAt'>, now: number): LinkLifetime {
  if (party.endedAt) return { kind: 'ended', at: new Date(party.endedAt) };
  if (!party.expiresAt) return { kind: 'open' };
  const expires = new Date(party.expiresAt).getTime();
  // The last day it works: the day that ends when it expires.
  const day = new Date(expires - 1);
  return expires <= now ? { kind: 'expired', day } : { kind: 'expires', day };
}

/** The moment a link that works through `day` (an `<input type="date">` value, YYYY-MM-DD) expires. */
export function expiryAfterDay(day: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, date);
  // Rejects days that do not exist (2026-02-30 would roll over into March).
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return undefined;
  return new Date(year, month - 1, date + 1);
}

/** The `<input type="date">` value of a day, in this browser's time. */
export function dayValue(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Why a chosen day cannot be an expiry: none chosen, or it has passed (today is fine). */
export function expiryDayProblem(day: string, now: number): 'dateRequired' | 'datePassed' | undefined {
  const expiry = expiryAfterDay(day);
  if (!expiry) return 'dateRequired';
  return expiry.getTime() <= now ? 'datePassed' : undefined;
}
