import { randomBytes } from 'node:crypto';
import type { Party, PartyInvite, PresenceParty } from '@caseroom/shared';
import type { Log } from '../log.ts';
import type { DocumentStore, NewParty, PartyRecord } from '../storage/DocumentStore.ts';
import { hashToken, isWellFormedToken, newToken, sameHash } from './tokens.ts';

/** Why a token does not open a case (docs/access.md A5), in the order they are checked. */
export const AccessDenial = {
  CaseNotFound: 'caseNotFound',
  TokenMissing: 'tokenMissing',
  /** Unknown, malformed, or a token of another case. */
  TokenInvalid: 'tokenInvalid',
  /** A token of this case that was rotated away. */
  TokenRevoked: 'tokenRevoked',
} as const;
export type AccessDenial = (typeof AccessDenial)[keyof typeof AccessDenial];

/** The party a valid token names, and the hash that identifies the link (for revocation). */
export type AccessGrant = { ok: true; party: Party; tokenHash: string };

/** The outcome of checking a token against a case: an expected failure is a value. */
export type AccessCheck = AccessGrant | { ok: false; reason: AccessDenial };

/** A party and its (new) token: the only moment a token leaves the server. */
export type IssuedLink = { party: Party; token: string };

/** Told when tokens stop working (rotation), so open connections that used them can be closed. */
export type RevocationListener = (revocation: { caseId: string; partyId: string; tokenHashes: string[] }) => void;

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
 * Parties, roles and link tokens (docs/access.md) over the DocumentStore: issues tokens,
 * checks a presented token against a case (for the HTTP API and the websocket transport
 * alike), invites parties and rotates links. It stores only token hashes and logs party ids,
 * never a token.
 */
export class AccessService {
  private readonly listeners = new Set<RevocationListener>();
  private readonly now: () => number;
  private readonly makeToken: () => string;
  private readonly makePartyId: () => string;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: AccessServiceOptions,
  ) {
    this.now = options.now ?? Date.now;
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
   * other-case token, rotated-away token. Costs one hash and two indexed reads.
   */
  check(caseId: string, token: string | undefined): AccessCheck {
    if (!this.store.caseExists(caseId)) return { ok: false, reason: AccessDenial.CaseNotFound };
    if (token === undefined || token === '') return { ok: false, reason: AccessDenial.TokenMissing };
    const found = this.lookup(token);
    if (!found || found.record.caseId !== caseId) return { ok: false, reason: AccessDenial.TokenInvalid };
    if (found.record.revokedAt !== undefined) return { ok: false, reason: AccessDenial.TokenRevoked };
    const party = this.store.getParty(caseId, found.record.partyId);
    if (!party) return { ok: false, reason: AccessDenial.TokenInvalid };
    return { ok: true, party: toParty(party), tokenHash: found.hash };
  }

  /** The case and party a live token opens, or undefined (unknown, malformed or revoked). */
  resolve(token: string): { caseId: string; party: Party } | undefined {
    const found = this.lookup(token);
    if (!found || found.record.revokedAt !== undefined) return undefined;
    const party = this.store.getParty(found.record.caseId, found.record.partyId);
    return party ? { caseId: party.caseId, party: toParty(party) } : undefined;
  }

  /** The case's parties, without tokens. */
  listParties(caseId: string): Party[] {
    return this.store.listParties(caseId).map(toParty);
  }

  /** Adds a party to an existing case with a fresh link. The invite is already schema-checked. */
  invite(caseId: string, invite: PartyInvite): IssuedLink {
    const { newParty, token } = this.prepare(caseId, invite);
    this.store.addParty(newParty);
    this.options.log('info', 'party invited', { caseId, partyId: newParty.party.id, role: invite.role });
    return { party: toParty(newParty.party), token };
  }

  /**
   * Gives a party a new token; the old one stops working at once, and every listener is told
   * (the transport closes connections that used it with LinkRevoked). Undefined for an unknown party.
   */
  rotate(caseId: string, partyId: string): IssuedLink | undefined {
    const party = this.store.getParty(caseId, partyId);
    if (!party) return undefined;
    const token = this.makeToken();
    const tokenHashes = this.store.replaceToken(caseId, partyId, hashToken(token), this.now());
    this.options.log('info', 'link rotated', { caseId, partyId, revoked: tokenHashes.length });
    for (const listener of this.listeners) listener({ caseId, partyId, tokenHashes });
    return { party: toParty(party), token };
  }

  /** Subscribes to revocations; returns the unsubscribe function. */
  onRevoke(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Gives every case without parties (created before access existed) a facilitator party and
   * returns their tokens, so the caller can print each link once (A11).
   */
  adoptCasesWithoutParties(): AdoptedCase[] {
    const adopted: AdoptedCase[] = [];
    for (const record of this.store.listCases()) {
      if (this.store.listParties(record.id).length > 0) continue;
      const { newParty, token } = this.prepare(record.id, FOUNDER);
      this.store.addParty(newParty);
      this.options.log('info', 'facilitator party created for a case from before access', {
        caseId: record.id,
        partyId: newParty.party.id,
      });
      adopted.push({ caseId: record.id, title: record.title, token });
    }
    return adopted;
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
  private lookup(token: string) {
    if (!isWellFormedToken(token)) return undefined;
    const hash = hashToken(token);
    const record = this.store.findToken(hash);
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

/** The identity stamped on presence (A8). */
export function presenceOf(party: Party): PresenceParty {
  return { id: party.id, name: party.name, kind: party.kind, role: party.role };
}
