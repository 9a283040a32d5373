import type { PartyRecord } from '../storage/AccessStore.ts';

/**
 * How long a party's link works (issue 10, docs/access.md A13): by default for ever —
 * partnerships run 6–9 months — unless the facilitator sets a time, and until the facilitator
 * ends the party's access. Pure rules over stored parties and a clock handed in.
 */

/** What a party's link does at `now`: open, past its time, or ended by the facilitator. */
export type LinkState = 'open' | 'expired' | 'ended';

/** A party's link state at `now` (ended wins over expired: it is what the facilitator did). */
export function linkState(party: Pick<PartyRecord, 'expiresAt' | 'endedAt'>, now: number): LinkState {
  if (party.endedAt !== undefined) return 'ended';
  if (party.expiresAt !== undefined && now >= party.expiresAt) return 'expired';
  return 'open';
}

/** The body of `PATCH /api/cases/:id/parties/:partyId`, read: a time (ms) or undefined for never. */
export type ExpiryChange = { ok: true; expiresAt: number | undefined } | { ok: false; message: string };

/**
 * Reads `{ "expiresAt": "<ISO 8601 time>" | null }`. A time that is not one, one in the past
 * and any other field are refused with a message that says what to send.
 */
export function parseExpiryChange(body: unknown, now: number): ExpiryChange {
  const example =
    'Send {"expiresAt": "2026-06-30T16:00:00Z"} (a time in ISO 8601), or {"expiresAt": null} for a link that never expires.';
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: example };
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'expiresAt') {
    const other = keys.filter((key) => key !== 'expiresAt');
    return { ok: false, message: `${other.length > 0 ? `Unknown field ${other.join(', ')}. ` : ''}${example}` };
  }
  const value = (body as { expiresAt: unknown }).expiresAt;
  if (value === null) return { ok: true, expiresAt: undefined };
  // A date alone ("2026-06-30") or a time with an offset; Date.parse also takes looser forms, so the shape is checked first.
  const time =
    typeof value === 'string' && ISO_8601.test(value) && isCalendarDate(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time))
    return { ok: false, message: `expiresAt: ${JSON.stringify(value)} is not a time. ${example}` };
  if (time <= now) {
    return {
      ok: false,
      message: `expiresAt: ${value} has already passed. Choose a later time, or end the party's access instead.`,
    };
  }
  return { ok: true, expiresAt: time };
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Whether the date part names a real day (Date.parse turns 30 February into 2 March). */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Whether ending this party's access, or giving its link an end, would leave the case with no
 * facilitator whose link lasts: another facilitator who is not ended and never expires must remain.
 */
export function isLastLastingFacilitator(parties: readonly PartyRecord[], partyId: string): boolean {
  const target = parties.find((party) => party.id === partyId);
  if (target?.role !== 'facilitator') return false;
  return !parties.some(
    (party) =>
      party.id !== partyId &&
      party.role === 'facilitator' &&
      party.endedAt === undefined &&
      party.expiresAt === undefined,
  );
}
