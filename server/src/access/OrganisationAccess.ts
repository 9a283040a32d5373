import type { OrganisationRecord, OrganisationStore } from '../storage/OrganisationStore.ts';
import { isWellFormedOrganisationKey } from './organisationKeys.ts';
import { hashToken, sameHash } from './tokens.ts';

/** Why a request may not create a case (issue 10). */
export const OrganisationDenial = {
  /** The server is reached from other machines and no organisation key was presented (401). */
  KeyMissing: 'organisationKeyMissing',
  /** A key was presented that opens no organisation (403). */
  KeyInvalid: 'organisationKeyInvalid',
} as const;
export type OrganisationDenial = (typeof OrganisationDenial)[keyof typeof OrganisationDenial];

/**
 * Who may create or import a case: the organisation it will belong to, or why not. With no
 * key on loopback, `organisationId` is undefined and the case goes to the first organisation.
 */
export type CreatorCheck = { ok: true; organisationId: string | undefined } | { ok: false; reason: OrganisationDenial };

/**
 * Organisation keys at the door of case creation (docs/access.md "Organisations"): whenever the
 * server listens beyond loopback, creating or importing a case needs a key of an organisation,
 * and the case belongs to that organisation. On loopback (one machine: a facilitator's laptop)
 * a key is optional.
 */
export class OrganisationAccess {
  constructor(private readonly store: OrganisationStore) {}

  /**
   * Checks the keys a request presents (`Authorization: Bearer k`; the first that opens an
   * organisation counts). A presented key that opens nothing is refused on loopback too: a
   * person who sends one meant it.
   */
  async checkCreator(keys: readonly string[], beyondLoopback: boolean): Promise<CreatorCheck> {
    if (keys.length === 0) {
      return beyondLoopback
        ? { ok: false, reason: OrganisationDenial.KeyMissing }
        : { ok: true, organisationId: undefined };
    }
    for (const key of keys) {
      const organisation = await this.resolveKey(key);
      if (organisation) return { ok: true, organisationId: organisation.id };
    }
    return { ok: false, reason: OrganisationDenial.KeyInvalid };
  }

  /** The organisation a key opens, or undefined (unknown or malformed). */
  async resolveKey(key: string): Promise<OrganisationRecord | undefined> {
    if (!isWellFormedOrganisationKey(key)) return undefined;
    const hash = hashToken(key);
    const found = await this.store.findKey(hash);
    // Found by hash; the constant-time comparison makes explicit that no secret is compared byte by byte.
    if (!found || !sameHash(found.hash, hash)) return undefined;
    return this.store.get(found.organisationId);
  }
}
