import { z } from 'zod';
import { Party, PartyInvite } from '../access/party.ts';
import { IssuedLink, PartyListing } from './answers.ts';
import { AS_PARTY, BY_ROLE } from './commonErrors.ts';
import { endpoint } from './endpoint.ts';
import { ApiErrorCode } from './errorCodes.ts';

const EXPIRY_EXAMPLE =
  'Send {"expiresAt": "2026-06-30T16:00:00Z"} (a time in ISO 8601), or {"expiresAt": null} for a link that never expires';

/**
 * What `PATCH …/parties/:partyId` accepts: a time or null. The shape is checked here; whether
 * the string is a time, and not a past one, the server decides (it has the clock).
 */
export const LinkExpiryBody = z.strictObject(
  {
    expiresAt: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? EXPIRY_EXAMPLE
            : `${JSON.stringify(issue.input)} is not a time. ${EXPIRY_EXAMPLE}`,
      })
      .nullable(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `Unknown field ${issue.keys.join(', ')}. ${EXPIRY_EXAMPLE}` : EXPIRY_EXAMPLE,
  },
);

/** Parties and their links (docs/access.md A9, A13; issue 10): every call but `me` is the facilitator's. */
export const accessEndpoints = {
  /** Who this token makes the caller. */
  me: endpoint({ method: 'GET', path: '/api/cases/:id/me', response: z.object({ party: Party }), errors: AS_PARTY }),
  listParties: endpoint({
    method: 'GET',
    path: '/api/cases/:id/parties',
    response: z.array(PartyListing),
    errors: BY_ROLE,
  }),
  inviteParty: endpoint({
    method: 'POST',
    path: '/api/cases/:id/parties',
    body: PartyInvite,
    response: IssuedLink,
    status: 201,
    errors: BY_ROLE,
  }),
  /** Sets or clears (null) when the party's link expires. */
  setLinkExpiry: endpoint({
    method: 'PATCH',
    path: '/api/cases/:id/parties/:partyId',
    body: LinkExpiryBody,
    response: PartyListing,
    errors: [...BY_ROLE, ApiErrorCode.PartyNotFound, ApiErrorCode.AccessEnded, ApiErrorCode.LastFacilitator],
  }),
  /** The party's link stops working at once, for good. */
  endAccess: endpoint({
    method: 'POST',
    path: '/api/cases/:id/parties/:partyId/end',
    response: PartyListing,
    errors: [...BY_ROLE, ApiErrorCode.PartyNotFound, ApiErrorCode.LastFacilitator],
  }),
  /** A new link for the party; the old one stops at once. */
  rotateLink: endpoint({
    method: 'POST',
    path: '/api/cases/:id/parties/:partyId/rotate',
    response: IssuedLink,
    errors: [...BY_ROLE, ApiErrorCode.PartyNotFound],
  }),
} as const;
