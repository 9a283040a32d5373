import { Party, type PartyInvite } from '@caseroom/shared';
import { type ApiResult, apiRequest } from '../../api/request.ts';

/**
 * A party and the token of its (new) link, as invite and rotate return them (A9), with the link
 * the server built from its public address (issue 10) — absent from an older server.
 */
export type PartyLink = { party: Party; token: string; link?: string };

/** A party as the facilitator's table shows it: with its link's expiry and when its access ended (issue 10). */
export type PartyAccess = Party & {
  /** When the party's link stops working (ISO), or undefined: no expiry. */
  expiresAt?: string;
  /** When the facilitator ended the party's access (ISO), or undefined. */
  endedAt?: string;
};

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
const partyPath = (caseId: string, partyId: string) => `${casePath(caseId)}/parties/${encodeURIComponent(partyId)}`;

function readPartyLink(value: unknown): PartyLink | undefined {
  const body = value as { party?: unknown; token?: unknown; link?: unknown } | undefined;
  const party = Party.safeParse(body?.party);
  if (!party.success || typeof body?.token !== 'string' || body.token === '') return undefined;
  return { party: party.data, token: body.token, ...(isLink(body.link) ? { link: body.link } : {}) };
}

/** A link the server sent: an absolute http(s) address (anything else is ignored, and the client builds one). */
function isLink(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A date the server sent as an ISO string (or a number), kept as ISO; null, absent or unreadable: none. */
function readInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** One row of `GET parties`: the party (shared schema) and its link's lifetime. */
export function readPartyAccess(row: unknown): PartyAccess | undefined {
  const party = Party.safeParse(row);
  if (!party.success) return undefined;
  const { expiresAt, endedAt } = row as { expiresAt?: unknown; endedAt?: unknown };
  const expires = readInstant(expiresAt);
  const ended = readInstant(endedAt);
  return { ...party.data, ...(expires ? { expiresAt: expires } : {}), ...(ended ? { endedAt: ended } : {}) };
}

/** `GET /api/cases/:id/me`: who this token makes the caller in the case. */
export async function fetchMe(caseId: string, token: string): Promise<ApiResult<Party>> {
  const result = await apiRequest(`${casePath(caseId)}/me`, { tokens: [token] });
  if (!result.ok) return result;
  const party = Party.safeParse((result.value as { party?: unknown } | undefined)?.party);
  return party.success ? { ok: true, value: party.data } : { ok: false, reason: 'server' };
}

/** `GET /api/cases/:id/parties` (facilitator only): every party of the case, without tokens. */
export async function listParties(caseId: string, token: string): Promise<ApiResult<PartyAccess[]>> {
  const result = await apiRequest(`${casePath(caseId)}/parties`, { tokens: [token] });
  if (!result.ok) return result;
  if (!Array.isArray(result.value)) return { ok: false, reason: 'server' };
  return { ok: true, value: result.value.flatMap((row) => readPartyAccess(row) ?? []) };
}

/** `POST /api/cases/:id/parties` (facilitator only): a new party and its link. */
export async function inviteParty(caseId: string, token: string, invite: PartyInvite): Promise<ApiResult<PartyLink>> {
  const result = await apiRequest(`${casePath(caseId)}/parties`, { method: 'POST', body: invite, tokens: [token] });
  if (!result.ok) return result;
  const link = readPartyLink(result.value);
  return link ? { ok: true, value: link } : { ok: false, reason: 'server' };
}

/** `POST /api/cases/:id/parties/:partyId/rotate` (facilitator only): a new link; the old one stops at once. */
export async function rotateLink(caseId: string, token: string, partyId: string): Promise<ApiResult<PartyLink>> {
  const result = await apiRequest(`${partyPath(caseId, partyId)}/rotate`, { method: 'POST', tokens: [token] });
  if (!result.ok) return result;
  const link = readPartyLink(result.value);
  return link ? { ok: true, value: link } : { ok: false, reason: 'server' };
}

/** `PATCH /api/cases/:id/parties/:partyId` (facilitator only): sets or clears (null) when the party's link expires. */
export async function setLinkExpiry(
  caseId: string,
  token: string,
  partyId: string,
  expiresAt: string | null,
): Promise<ApiResult<undefined>> {
  const result = await apiRequest(partyPath(caseId, partyId), {
    method: 'PATCH',
    body: { expiresAt },
    tokens: [token],
  });
  return result.ok ? { ok: true, value: undefined } : result;
}

/** `POST /api/cases/:id/parties/:partyId/end` (facilitator only): the party's link stops at once, for good. */
export async function endAccess(caseId: string, token: string, partyId: string): Promise<ApiResult<undefined>> {
  const result = await apiRequest(`${partyPath(caseId, partyId)}/end`, { method: 'POST', tokens: [token] });
  return result.ok ? { ok: true, value: undefined } : result;
}
