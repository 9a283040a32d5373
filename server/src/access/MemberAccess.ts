import { ApiErrorCode, type MemberListing } from '@caseroom/shared';
import type { Log } from '../log.ts';
import type { MemberRecord } from '../storage/OrganisationStore.ts';
import type { Stores } from '../storage/Stores.ts';
import { fail, ok, type Result } from '../workshop/results.ts';
import type { AccessService, IssuedLink } from './AccessService.ts';
import { isWellFormedMemberToken, newMemberId, newMemberToken } from './memberLinks.ts';
import { hashToken } from './tokens.ts';

/** Why a member link does not open the portfolio. */
export const MemberDenial = {
  /** No member link presented (401). */
  Missing: 'memberLinkMissing',
  /** Unknown, malformed or revoked (403). */
  Invalid: 'memberLinkInvalid',
  /** Past the time an administrator set (403). */
  Expired: 'memberLinkExpired',
} as const;
export type MemberDenial = (typeof MemberDenial)[keyof typeof MemberDenial];

/** A member whose link works now. */
export type MemberGrant = { ok: true; member: MemberRecord; organisation: { id: string; name: string } };

/** A member link added: the record and its token (shown once). */
export type IssuedMember = { member: MemberRecord; token: string };

/**
 * The people of an organisation (issue 15, docs/access.md "Members and the portfolio"): one
 * link per person, which opens the organisation's portfolio and, from there, its cases. A member
 * entering a case gets a party of their own in it — kind `fund`, role editor, named after them,
 * with the member's expiry — so the case's facilitator sees who is in the room and can end that
 * access like any other. Revoking a member ends every such party at once.
 */
export class MemberAccess {
  constructor(
    private readonly stores: Stores,
    private readonly access: AccessService,
    private readonly log: Log,
  ) {}

  /** Adds a member to an organisation; the token is returned once and stored only as a hash. */
  async add(organisationId: string, name: string, expiresAt: number | undefined): Promise<IssuedMember> {
    const token = newMemberToken();
    const member = { id: newMemberId(), organisationId, name, createdAt: this.access.now(), expiresAt };
    await this.stores.organisations.addMember({ member, tokenHash: hashToken(token) });
    this.log('info', 'member added', { organisationId, memberId: member.id });
    return { member: { ...member, revokedAt: undefined }, token };
  }

  list(organisationId: string): Promise<MemberRecord[]> {
    return this.stores.organisations.listMembers(organisationId);
  }

  /** Revokes a member's link and ends the access of every party it made (their connections close). */
  async revoke(organisationId: string, memberId: string): Promise<Result<MemberListing>> {
    const found = await this.stores.organisations.revokeMember(organisationId, memberId, this.access.now());
    if (!found) return fail(404, ApiErrorCode.MemberNotFound, `No member ${memberId} in this organisation.`);
    for (const party of await this.stores.access.partiesOfMember(memberId)) {
      if (party.endedAt === undefined) await this.access.end(party.caseId, party.id);
    }
    this.log('info', 'member revoked', { organisationId, memberId });
    const member = (await this.list(organisationId)).find((m) => m.id === memberId);
    if (!member) return fail(404, ApiErrorCode.MemberNotFound, `No member ${memberId} in this organisation.`);
    return ok(toMemberListing(member));
  }

  /** Who a presented member token is, or why it opens nothing. */
  async check(token: string | undefined): Promise<MemberGrant | { ok: false; reason: MemberDenial }> {
    if (token === undefined || token === '') return { ok: false, reason: MemberDenial.Missing };
    if (!isWellFormedMemberToken(token)) return { ok: false, reason: MemberDenial.Invalid };
    // Found by the SHA-256 of what was presented: no secret is compared byte by byte.
    const member = await this.stores.organisations.findMember(hashToken(token));
    if (!member || member.revokedAt !== undefined) {
      return { ok: false, reason: MemberDenial.Invalid };
    }
    if (member.expiresAt !== undefined && member.expiresAt <= this.access.now()) {
      return { ok: false, reason: MemberDenial.Expired };
    }
    const organisation = await this.stores.organisations.get(member.organisationId);
    if (!organisation) return { ok: false, reason: MemberDenial.Invalid };
    return { ok: true, member, organisation: { id: organisation.id, name: organisation.name } };
  }

  /**
   * A link of the member's own to one of the organisation's cases: their party in it (made at the
   * first entry) with a fresh token — an earlier token of that party stops working. A case of
   * another organisation is "not found" (its existence is not told); a party whose access the
   * facilitator ended stays ended.
   */
  async enter(grant: MemberGrant, caseId: string): Promise<Result<IssuedLink>> {
    const record = await this.stores.cases.get(caseId);
    const organisationId = record?.organisationId ?? (await this.stores.organisations.firstId());
    if (!record || organisationId !== grant.organisation.id) {
      return fail(404, ApiErrorCode.CaseNotFound, `No case with id ${caseId} in your organisation.`);
    }
    if (record.archivedAt !== undefined) {
      return fail(409, ApiErrorCode.CaseArchived, 'This case is archived: it is read-only until it is restored.');
    }
    const existing = (await this.stores.access.partiesOfMember(grant.member.id)).find((p) => p.caseId === caseId);
    if (existing?.endedAt !== undefined) {
      return fail(
        403,
        ApiErrorCode.AccessEnded,
        'The facilitator of this case ended your access to it. Ask the facilitator if you need it again.',
      );
    }
    const issued = existing
      ? await this.access.rotate(caseId, existing.id)
      : await this.access.inviteMember(caseId, grant.member);
    if (!issued) return fail(404, ApiErrorCode.CaseNotFound, `No case with id ${caseId}.`);
    this.log('info', 'member entered a case', { caseId, memberId: grant.member.id, partyId: issued.party.id });
    return ok(issued);
  }
}

/** A member as administrators see it. */
export function toMemberListing(member: MemberRecord): MemberListing {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    id: member.id,
    name: member.name,
    createdAt: new Date(member.createdAt).toISOString(),
    expiresAt: iso(member.expiresAt),
    revokedAt: iso(member.revokedAt),
  };
}
