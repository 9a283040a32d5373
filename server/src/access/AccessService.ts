import { randomBytes } from 'node:crypto';
import type { Party, PartyInvite } from '@caseroom/shared';
import { ApiErrorCode } from '@caseroom/shared';
import type { Log } from '../log.ts';
import type { NewParty, PartyRecord, TokenRecord } from '../storage/AccessStore.ts';
import type { MemberRecord } from '../storage/OrganisationStore.ts';
import type { Stores } from '../storage/Stores.ts';
import { fail, ok, type Result } from '../workshop/results.ts';
import { isLastLastingFacilitator, linkState } from './linkLifetime.ts';
import { OrganisationAccess } from './OrganisationAccess.ts';
import { hashToken, isWellFormedToken, newToken, sameHash } from './tokens.ts';

/** Why a token does not open a case (docs/access.md A5), in the order they are checked. */
export const AccessDenial = {
  CaseNotFound: ApiErrorCode.CaseNotFound,
  TokenMissing: ApiErrorCode.TokenMissing,
  /** Unknown, malformed, or a token of another case. */
  TokenInvalid: ApiErrorCode.TokenInvalid,
  /** A token of this case that was rotated away. */
  TokenRevoked: 'tokenRevoked',
  /** The facilitator ended the party's access (issue 10). */
  AccessEnded: ApiErrorCode.AccessEnded,
  /** The party's link is past the time the facilitator set (issue 10). */
  LinkExpired: ApiErrorCode.LinkExpired,
} as const;
export type AccessDenial = (typeof AccessDenial)[keyof typeof AccessDenial];

/**
 * The party a valid token names, the hash that identifies the link (for revocation), and when
 * the link stops working (milliseconds since the epoch; undefined: never).
 */
export type AccessGrant = {
  ok: true;
  party: Party;
  tokenHash: string;
  expiresAt: number | undefined;
  /** The case is archived (issue 15): it may be read, not changed, and nobody connects to it. */
  archived: boolean;
};

/** The outcome of checking a token against a case: an expected failure is a value. */
export type AccessCheck = AccessGrant | { ok: false; reason: AccessDenial };

/** A party and its (new) token: the only moment a token leaves the server. */
export type IssuedLink = { party: Party; token: string };

/**
 * A change to who may stay connected: tokens rotated away (close the connections that used
 * them), a party's access ended (close all of its connections), or a party's expiry changed
 * (reschedule when its connections close).
 */
export type AccessChange =
  | { kind: 'rotated'; caseId: string; partyId: string; tokenHashes: string[] }
  | { kind: 'ended'; caseId: string; partyId: string }
  | { kind: 'expiry'; caseId: string; partyId: string; expiresAt: number | undefined };

/** Told of every AccessChange, so open connections can follow it at once. */
export type AccessChangeListener = (change: AccessChange) => void;

/** A party as the facilitator's list shows it: with its link's expiry and end (ISO 8601, or null). */
export type PartyListing = Party & { expiresAt: string | null; endedAt: string | null };

/** A case that had no parties and got a facilitator at start-up (A11). */
export type AdoptedCase = { caseId: string; title: string | undefined; token: string };

/** How an AccessService makes ids, tokens and times (injectable for tests). */
export type AccessServiceOptions = {
  log: Log;
  now?: () => number;
  makeToken?: () => string;
  makePartyId?: () => string;
};

/** A fresh party id: 96 random bits, base64url (16 characters). */
export function newPartyId(): string {
  return randomBytes(12).toString('base64url');
}

/** The party of the creator of a case (A3). */
const FOUNDER: PartyInvite = { name: 'Facilitator', kind: 'facilitator', role: 'facilitator' };

/**
 * Parties, roles and link tokens (docs/access.md) over the stores: issues tokens,
 * checks a presented token against a case (for the HTTP API and the websocket transport
 * alike), invites parties and rotates links. It stores only token hashes and logs party ids,
 * never a token.
 */
export class AccessService {
  /** Organisation keys at the door of case creation (issue 10). */
  readonly organisations: OrganisationAccess;
  /** The clock expiries are read against (milliseconds since the epoch). */
  readonly now: () => number;
  private readonly listeners = new Set<AccessChangeListener>();
  private readonly makeToken: () => string;
  private readonly makePartyId: () => string;

  constructor(
    private readonly stores: Stores,
    private readonly options: AccessServiceOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.organisations = new OrganisationAccess(stores.organisations);
    this.makeToken = options.makeToken ?? newToken;
    this.makePartyId = options.makePartyId ?? newPartyId;
  }

  /** A facilitator party and its token for a case about to be created (stored with the case). */
  founder(caseId: string): { founder: NewParty; token: string } {
    const { newParty, token } = this.prepare(caseId, FOUNDER);
    return { founder: newParty, token };
  }

  /**
   * Checks a token against a case, in the order of A5: unknown case, no token, unknown or
   * other-case token, rotated-away token, then the link's lifetime (A13): access ended, link
   * expired. Costs one hash and three indexed reads.
   */
  async check(caseId: string, token: string | undefined): Promise<AccessCheck> {
    const record = await this.stores.cases.get(caseId);
    if (!record) return { ok: false, reason: AccessDenial.CaseNotFound };
    if (token === undefined || token === '') return { ok: false, reason: AccessDenial.TokenMissing };
    const found = await this.lookup(token);
    return this.grant(caseId, found?.record, record.archivedAt !== undefined);
  }

  /**
   * Checks again a link already admitted, by its hash (an open connection whose expiry came):
   * the same outcomes as `check` after the token was found.
   */
  async recheck(caseId: string, tokenHash: string): Promise<AccessCheck> {
    const record = await this.stores.cases.get(caseId);
    if (!record) return { ok: false, reason: AccessDenial.CaseNotFound };
    return this.grant(caseId, await this.stores.access.findToken(tokenHash), record.archivedAt !== undefined);
  }

  /** The case and party a live token opens, or undefined (unknown, malformed, revoked, ended or expired). */
  async resolve(token: string): Promise<{ caseId: string; party: Party } | undefined> {
    const found = await this.lookup(token);
    if (!found) return undefined;
    const check = await this.grant(found.record.caseId, found.record);
    return check.ok ? { caseId: found.record.caseId, party: check.party } : undefined;
  }

  /** The case's parties, without tokens, with their links' expiry and end. */
  async listParties(caseId: string): Promise<PartyListing[]> {
    return (await this.stores.access.listParties(caseId)).map(toPartyListing);
  }

  /**
   * Sets when a party's link stops working (A13), or with undefined: never. Its open
   * connections close when that time comes. Refused for an unknown party (404), an ended one
   * (409 `accessEnded`) and for a time on the last facilitator whose link lasts (409).
   */
  async setExpiry(caseId: string, partyId: string, expiresAt: number | undefined): Promise<Result<PartyListing>> {
    const party = await this.stores.access.getParty(caseId, partyId);
    if (!party) return partyNotFound(caseId, partyId);
    if (party.endedAt !== undefined) {
      return fail(409, ApiErrorCode.AccessEnded, 'This party’s access was ended; give it a new link first (rotate).');
    }
    if (expiresAt !== undefined && isLastLastingFacilitator(await this.stores.access.listParties(caseId), partyId)) {
      return fail(
        409,
        ApiErrorCode.LastFacilitator,
        'This is the only facilitator whose link lasts: once it expired nobody could manage the case. Invite another facilitator first.',
      );
    }
    await this.stores.access.setPartyExpiry(caseId, partyId, expiresAt);
    this.options.log('info', 'link expiry set', {
      caseId,
      partyId,
      expiresAt: expiresAt === undefined ? null : new Date(expiresAt).toISOString(),
    });
    this.tell({ kind: 'expiry', caseId, partyId, expiresAt });
    return ok(toPartyListing({ ...party, expiresAt }));
  }

  /**
   * Ends a party's access (A13): its link stops working at once and its open connections are
   * closed with AccessEnded. Ending an ended party changes nothing. The last facilitator whose
   * link lasts cannot be ended (409 `lastFacilitator`): nobody could manage the case.
   */
  async end(caseId: string, partyId: string): Promise<Result<PartyListing>> {
    const party = await this.stores.access.getParty(caseId, partyId);
    if (!party) return partyNotFound(caseId, partyId);
    if (party.endedAt !== undefined) return ok(toPartyListing(party));
    if (isLastLastingFacilitator(await this.stores.access.listParties(caseId), partyId)) {
      return fail(
        409,
        ApiErrorCode.LastFacilitator,
        'This is the only facilitator whose link lasts: nobody could manage the case afterwards. Invite another facilitator first.',
      );
    }
    const endedAt = this.now();
    await this.stores.access.endParty(caseId, partyId, endedAt);
    this.options.log('info', 'access ended', { caseId, partyId });
    this.tell({ kind: 'ended', caseId, partyId });
    return ok(toPartyListing({ ...party, endedAt }));
  }

  /** Adds a party to an existing case with a fresh link. The invite is already schema-checked. */
  async invite(caseId: string, invite: PartyInvite): Promise<IssuedLink> {
    const { newParty, token } = this.prepare(caseId, invite);
    await this.stores.access.addParty(newParty);
    this.options.log('info', 'party invited', { caseId, partyId: newParty.party.id, role: invite.role });
    return { party: toParty(newParty.party), token };
  }

  /**
   * Adds an organisation member's own party to a case (issue 15, MemberAccess.enter): kind
   * `fund`, role editor, the member's name and expiry, marked with the member's id.
   */
  async inviteMember(caseId: string, member: MemberRecord): Promise<IssuedLink> {
    const { newParty, token } = this.prepare(caseId, { name: member.name, kind: 'fund', role: 'editor' });
    newParty.party.memberId = member.id;
    if (member.expiresAt !== undefined) newParty.party.expiresAt = member.expiresAt;
    await this.stores.access.addParty(newParty);
    this.options.log('info', 'member party added', { caseId, partyId: newParty.party.id, memberId: member.id });
    return { party: toParty(newParty.party), token };
  }

  /**
   * Gives a party a new token; the old one stops working at once, and every listener is told
   * (the transport closes connections that used it with LinkRevoked). A party whose access was
   * ended has it again with the new link (its expiry is kept). Undefined for an unknown party.
   */
  async rotate(caseId: string, partyId: string): Promise<IssuedLink | undefined> {
    const party = await this.stores.access.getParty(caseId, partyId);
    if (!party) return undefined;
    const token = this.makeToken();
    const tokenHashes = await this.stores.access.replaceToken(caseId, partyId, hashToken(token), this.now());
    this.options.log('info', 'link rotated', { caseId, partyId, revoked: tokenHashes.length });
    this.tell({ kind: 'rotated', caseId, partyId, tokenHashes });
    return { party: toParty(party), token };
  }

  /** Subscribes to access changes (rotation, ended access, expiry); returns the unsubscribe function. */
  onAccessChange(listener: AccessChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Gives every case without parties (created before access existed) a facilitator party and
   * returns their tokens, so the caller can print each link once (A11).
   */
  async adoptCasesWithoutParties(): Promise<AdoptedCase[]> {
    const adopted: AdoptedCase[] = [];
    for (const record of await this.stores.cases.list()) {
      if ((await this.stores.access.listParties(record.id)).length > 0) continue;
      const { newParty, token } = this.prepare(record.id, FOUNDER);
      await this.stores.access.addParty(newParty);
      this.options.log('info', 'facilitator party created for a case from before access', {
        caseId: record.id,
        partyId: newParty.party.id,
      });
      adopted.push({ caseId: record.id, title: record.title, token });
    }
    return adopted;
  }

  /** The grant of a stored token, or why its link does not (or no longer) open the case. */
  private async grant(caseId: string, record: TokenRecord | undefined, archived = false): Promise<AccessCheck> {
    if (!record || record.caseId !== caseId) return { ok: false, reason: AccessDenial.TokenInvalid };
    if (record.revokedAt !== undefined) return { ok: false, reason: AccessDenial.TokenRevoked };
    const party = await this.stores.access.getParty(caseId, record.partyId);
    if (!party) return { ok: false, reason: AccessDenial.TokenInvalid };
    const state = linkState(party, this.now());
    if (state === 'ended') return { ok: false, reason: AccessDenial.AccessEnded };
    if (state === 'expired') return { ok: false, reason: AccessDenial.LinkExpired };
    return { ok: true, party: toParty(party), tokenHash: record.hash, expiresAt: party.expiresAt, archived };
  }

  private tell(change: AccessChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private prepare(caseId: string, invite: PartyInvite): { newParty: NewParty; token: string } {
    const token = this.makeToken();
    return {
      newParty: {
        party: {
          id: this.makePartyId(),
          caseId,
          name: invite.name,
          kind: invite.kind,
          role: invite.role,
          departmentId: invite.departmentId,
        },
        tokenHash: hashToken(token),
        createdAt: this.now(),
      },
      token,
    };
  }

  /** The stored row of a presented token, found by its hash. */
  private async lookup(token: string) {
    if (!isWellFormedToken(token)) return undefined;
    const hash = hashToken(token);
    const record = await this.stores.access.findToken(hash);
    // The lookup is by hash (an attacker cannot steer the bytes of a SHA-256); the constant-time
    // comparison makes that explicit rather than relying on the index's string compare.
    if (!record || !sameHash(record.hash, hash)) return undefined;
    return { hash, record };
  }
}

/** A stored party as the API and presence show it (no case id; departmentId only when set). */
export function toParty(record: PartyRecord): Party {
  const party: Party = { id: record.id, name: record.name, kind: record.kind, role: record.role };
  if (record.departmentId !== undefined) party.departmentId = record.departmentId;
  return party;
}

/** A stored party as the facilitator's list shows it. */
export function toPartyListing(record: PartyRecord): PartyListing {
  return {
    ...toParty(record),
    expiresAt: record.expiresAt === undefined ? null : new Date(record.expiresAt).toISOString(),
    endedAt: record.endedAt === undefined ? null : new Date(record.endedAt).toISOString(),
  };
}

function partyNotFound(caseId: string, partyId: string) {
  return fail(404, ApiErrorCode.PartyNotFound, `No party ${partyId} in case ${caseId}.`);
}
