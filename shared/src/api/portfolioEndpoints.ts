import { z } from 'zod';
import {
  EnteredCase,
  IssuedMemberLink,
  MemberListing,
  NewMemberRequest,
  PortfolioAnswer,
} from '../portfolio/portfolioRow.ts';
import { WITH_ORGANISATION_KEY } from './commonErrors.ts';
import { endpoint, FILE_ANSWER } from './endpoint.ts';
import { ApiErrorCode } from './errorCodes.ts';

/** A request with a member link (issue 15): none 401, unknown or revoked 403, expired 403. */
export const AS_MEMBER = [
  ApiErrorCode.MemberLinkMissing,
  ApiErrorCode.MemberLinkInvalid,
  ApiErrorCode.MemberLinkExpired,
] as const;

/**
 * The fund's view (issue 15, docs/access.md "Members and the portfolio"): administrators —
 * with the organisation key, on loopback too — add and revoke members; a member, with their own
 * link, sees the organisation's portfolio and enters its cases.
 */
export const portfolioEndpoints = {
  /** Organisation key: add a member; the answer carries the member's link, shown once. */
  addMember: endpoint({
    method: 'POST',
    path: '/api/organisation/members',
    body: NewMemberRequest,
    response: IssuedMemberLink,
    status: 201,
    errors: [...WITH_ORGANISATION_KEY],
  }),
  /** Organisation key: every member, revoked ones too. */
  listMembers: endpoint({
    method: 'GET',
    path: '/api/organisation/members',
    response: z.array(MemberListing),
    errors: [...WITH_ORGANISATION_KEY],
  }),
  /** Organisation key: the member's link stops working at once, and so do the links it made in cases. */
  revokeMember: endpoint({
    method: 'POST',
    path: '/api/organisation/members/:memberId/revoke',
    response: MemberListing,
    errors: [...WITH_ORGANISATION_KEY, ApiErrorCode.MemberNotFound],
  }),
  /** Member link: the organisation's cases with their figures. */
  portfolio: endpoint({
    method: 'GET',
    path: '/api/portfolio',
    response: PortfolioAnswer,
    errors: [...AS_MEMBER],
  }),
  /** Member link: the portfolio as a workbook; `?lang=da|en`. */
  exportPortfolio: endpoint({
    method: 'GET',
    path: '/api/portfolio/export.xlsx',
    response: FILE_ANSWER,
    errors: [...AS_MEMBER, ApiErrorCode.ExportUnavailable],
  }),
  /** Member link: a link of the member's own to one of the organisation's cases (an editor, named after the member). */
  enterCase: endpoint({
    method: 'POST',
    path: '/api/portfolio/cases/:id/enter',
    response: EnteredCase,
    errors: [...AS_MEMBER, ApiErrorCode.CaseNotFound, ApiErrorCode.CaseArchived, ApiErrorCode.AccessEnded],
  }),
} as const;
