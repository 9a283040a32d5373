import { api, type IssuedLink, type Party, type PartyInvite, type PartyListing } from '@caseroom/shared';
import { callApi } from '../../api/callApi.ts';
import type { ApiResult } from '../../api/request.ts';

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

/** A party link as the server answered it, with its link kept only when it is one the browser may open. */
function partyLink(answer: IssuedLink): PartyLink {
  return { party: answer.party, token: answer.token, ...(isLink(answer.link) ? { link: answer.link } : {}) };
}

/** A link the server sent: an absolute http(s) address (anything else is ignored, and the client builds one). */
function isLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A date the server sent as an ISO string, kept as ISO; null or unreadable: none. */
function readInstant(value: string | null): string | undefined {
  if (value === null) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** One row of `GET parties`: the party and its link's lifetime. */
function partyAccess({ expiresAt, endedAt, ...party }: PartyListing): PartyAccess {
  const expires = readInstant(expiresAt);
  const ended = readInstant(endedAt);
  return { ...party, ...(expires ? { expiresAt: expires } : {}), ...(ended ? { endedAt: ended } : {}) };
}

/** A result's value turned into what the dialog keeps; a failure passes through. */
function mapValue<T, U>(result: ApiResult<T>, map: (value: T) => U): ApiResult<U> {
  return result.ok ? { ok: true, value: map(result.value) } : result;
}

/** `GET /api/cases/:id/me`: who this token makes the caller in the case. */
export async function fetchMe(caseId: string, token: string): Promise<ApiResult<Party>> {
  const result = await callApi(api.me, { params: { id: caseId }, tokens: [token] });
  return mapValue(result, (answer) => answer.party);
}

/** `GET /api/cases/:id/parties` (facilitator only): every party of the case, without tokens. */
export async function listParties(caseId: string, token: string): Promise<ApiResult<PartyAccess[]>> {
  const result = await callApi(api.listParties, { params: { id: caseId }, tokens: [token] });
  return mapValue(result, (rows) => rows.map(partyAccess));
}

/** `POST /api/cases/:id/parties` (facilitator only): a new party and its link. */
export async function inviteParty(caseId: string, token: string, invite: PartyInvite): Promise<ApiResult<PartyLink>> {
  const result = await callApi(api.inviteParty, { params: { id: caseId }, body: invite, tokens: [token] });
  return mapValue(result, partyLink);
}

/** `POST /api/cases/:id/parties/:partyId/rotate` (facilitator only): a new link; the old one stops at once. */
export async function rotateLink(caseId: string, token: string, partyId: string): Promise<ApiResult<PartyLink>> {
  const result = await callApi(api.rotateLink, { params: { id: caseId, partyId }, tokens: [token] });
  return mapValue(result, partyLink);
}

/** `PATCH /api/cases/:id/parties/:partyId` (facilitator only): sets or clears (null) when the party's link expires. */
export async function setLinkExpiry(
  caseId: string,
  token: string,
  partyId: string,
  expiresAt: string | null,
): Promise<ApiResult<undefined>> {
  const result = await callApi(api.setLinkExpiry, {
    params: { id: caseId, partyId },
    body: { expiresAt },
    tokens: [token],
  });
  return mapValue(result, () => undefined);
}

/** `POST /api/cases/:id/parties/:partyId/end` (facilitator only): the party's link stops at once, for good. */
export async function endAccess(caseId: string, token: string, partyId: string): Promise<ApiResult<undefined>> {
  const result = await callApi(api.endAccess, { params: { id: caseId, partyId }, tokens: [token] });
  return mapValue(result, () => undefined);
}
