/**
 * Organisation keys (issue 10): `crk1_` + 32 random bytes in base64url — what a person who may
 * create cases on a server reached from other machines presents (`Authorization: Bearer`).
 * Like link tokens, the server keeps only their SHA-256 (`hashToken`) and finds a key by the
 * hash of what is presented, compared in constant time; a key is never logged.
 */
import { randomBytes } from 'node:crypto';

/** The version prefix of every organisation key (told apart from a link's `cr1_` at a glance). */
export const ORGANISATION_KEY_PREFIX = 'crk1_';

/** The exact shape of a key: the prefix and 43 base64url characters (32 bytes). */
const KEY_PATTERN = /^crk1_[A-Za-z0-9_-]{43}$/;

/** A fresh, unguessable organisation key (256 random bits). */
export function newOrganisationKey(): string {
  return `${ORGANISATION_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Whether a string has the shape of an organisation key (a cheap check before hashing). */
export function isWellFormedOrganisationKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** A fresh organisation id: 96 random bits, base64url (16 characters). */
export function newOrganisationId(): string {
  return randomBytes(12).toString('base64url');
}
