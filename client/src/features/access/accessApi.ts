import { Party, type PartyInvite } from '@caseroom/shared';
import { type ApiResult, apiRequest } from '../../api/request.ts';

/** A party and the token of its (new) link, as invite and rotate return them (A9). */
export type PartyLink = { party: Party; token: string };

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

function readPartyLink(value: unknown): PartyLink | undefined {
  const body = value as { party?: unknown; token?: unknown } | undefined;
  const party = Party.safeParse(body?.party);
  return party.success && typeof body?.token === 'string' && body.token !== ''
    ? { party: party.data, token: body.token }
    : undefined;
}

/** `GET /api/cases/:id/me`: who this token makes the caller in the case. */
export async function fetchMe(caseId: string, token: string): Promise<ApiResult<Party>> {
  const result = await apiRequest(`${casePath(caseId)}/me`, { tokens: [token] });
  if (!result.ok) return result;
  const party = Party.safeParse((result.value as { party?: unknown } | undefined)?.party);
  return party.success ? { ok: true, value: party.data } : { ok: false, reason: 'server' };
}

/** `GET /api/cases/:id/parties` (facilitator only): every party of the case, without tokens. */
export async function listParties(caseId: string, token: string): Promise<ApiResult<Party[]>> {
  const result = await apiRequest(`${casePath(caseId)}/parties`, { tokens: [token] });
  if (!result.ok) return result;
  if (!Array.isArray(result.value)) return { ok: false, reason: 'server' };
  const parties = result.value.flatMap((row) => {
    const party = Party.safeParse(row);
    return party.success ? [party.data] : [];
  });
  return { ok: true, value: parties };
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
  const result = await apiRequest(`${casePath(caseId)}/parties/${encodeURIComponent(partyId)}/rotate`, {
    method: 'POST',
    tokens: [token],
  });
  if (!result.ok) return result;
  const link = readPartyLink(result.value);
  return link ? { ok: true, value: link } : { ok: false, reason: 'server' };
}
