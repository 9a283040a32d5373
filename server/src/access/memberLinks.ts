/**
 * Member links (issue 15): `crm1_` + 32 random bytes in base64url — one per person of an
 * organisation, opening its portfolio. Like link tokens and organisation keys, the server keeps
 * only their SHA-256 (`hashToken`) and never logs one.
 */
import { randomBytes } from 'node:crypto';

/** The version prefix of every member link token (told apart from `cr1_` and `crk1_` at a glance). */
export const MEMBER_TOKEN_PREFIX = 'crm1_';

const MEMBER_TOKEN_PATTERN = /^crm1_[A-Za-z0-9_-]{43}$/;

/** A fresh, unguessable member token (256 random bits). */
export function newMemberToken(): string {
  return `${MEMBER_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Whether a string has the shape of a member token (a cheap check before hashing). */
export function isWellFormedMemberToken(token: string): boolean {
  return MEMBER_TOKEN_PATTERN.test(token);
}

/** A fresh member id: 96 random bits, base64url (16 characters). */
export function newMemberId(): string {
  return randomBytes(12).toString('base64url');
}
