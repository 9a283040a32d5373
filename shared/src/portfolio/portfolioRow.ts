import { z } from 'zod';

/** A person of an organisation as administrators list them (issue 15: one member link each). */
export const MemberListing = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** ISO 8601 times; null: never expires / not revoked. */
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type MemberListing = z.infer<typeof MemberListing>;

/** The longest member name (like a presence name). */
export const MAX_MEMBER_NAME = 80;

/** What an administrator sends to add a member: a name and, optionally, when the link stops working. */
export const NewMemberRequest = z.object({
  name: z.string().trim().min(1).max(MAX_MEMBER_NAME),
  /** ISO 8601 time in the future, or null/absent: never. */
  expiresAt: z.string().max(40).nullable().optional(),
});
export type NewMemberRequest = z.infer<typeof NewMemberRequest>;

/** A member added: the listing, the link token (shown once) and the portfolio link to hand over. */
export const IssuedMemberLink = z.object({ member: MemberListing, token: z.string().min(1), link: z.string() });
export type IssuedMemberLink = z.infer<typeof IssuedMemberLink>;

/** One case in the fund's portfolio (issue 15), for its agreed version or else its current one. */
export const PortfolioRow = z.object({
  caseId: z.string().min(1),
  title: z.string(),
  municipality: z.string().optional(),
  phase: z.number().int().min(1).max(3).optional(),
  readyThroughPhase: z.number().int().min(0).max(3),
  intervention: z.string().optional(),
  version: z.object({
    /** 'current' or the sign-off snapshot's id. */
    source: z.string(),
    agreed: z.boolean(),
    contentHash: z.string(),
  }),
  figures: z
    .object({
      authorityNpv: z.number(),
      publicSectorNpv: z.number(),
      investorIrr: z.number().nullable(),
      capitalNeeded: z.number(),
      probabilityInvestorLoses: z.number(),
    })
    .nullable(),
  notPriced: z.string().optional(),
  findings: z.object({ errors: z.number().int(), warnings: z.number().int() }),
  /** ISO 8601: the last change to the case. */
  updatedAt: z.string(),
  /** ISO 8601: when the case was archived (listed only when archived cases are asked for). */
  archivedAt: z.string().optional(),
  /** ISO 8601: the last recorded edit by a party (W12), null if none. */
  lastActivityAt: z.string().nullable(),
  /** The names of the parties who edited in the day up to the last activity, most recent first. */
  activeParties: z.array(z.string()),
});
export type PortfolioRow = z.infer<typeof PortfolioRow>;

/** `GET /api/portfolio`: who is asking, for which organisation, and its cases. */
export const PortfolioAnswer = z.object({
  organisation: z.object({ id: z.string(), name: z.string() }),
  member: z.object({ id: z.string(), name: z.string() }),
  cases: z.array(PortfolioRow),
});
export type PortfolioAnswer = z.infer<typeof PortfolioAnswer>;

/** `POST /api/portfolio/cases/:id/enter`: the member's own link to the case. */
export const EnteredCase = z.object({ caseId: z.string().min(1), token: z.string().min(1), link: z.string() });
export type EnteredCase = z.infer<typeof EnteredCase>;

/** The fragment key of a member's portfolio link: `<public URL>/portfolio#member=<token>`. */
export const MEMBER_LINK_PARAM = 'member';
