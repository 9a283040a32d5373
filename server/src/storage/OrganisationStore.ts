/**
 * Organisations (issue 10): who runs cases on this server. Kept apart from the case store on
 * purpose — a fund's portfolio will be built on it — and small: an organisation, the SHA-256
 * hashes of its keys (never a key), and the rule that every case belongs to one. Synchronous
 * like DocumentStore (better-sqlite3); implementations share storageContractSuite.ts.
 *
 * Which organisation a case belongs to is a column of the case (DocumentStore's
 * `CaseRecord.organisationId`): a case created without one belongs to the first organisation
 * — at once if there is one, else from the moment the first one is created.
 */
export interface OrganisationStore {
  /**
   * Adds an organisation with its first key hash, atomically. The first organisation also
   * takes every case that has none. Throws DuplicateOrganisationError for a taken id or key hash.
   */
  createOrganisation(record: NewOrganisation): void;
  /** Every organisation, the first created first. */
  listOrganisations(): OrganisationRecord[];
  /** One organisation, or undefined. */
  getOrganisation(id: string): OrganisationRecord | undefined;
  /** The live key row with this SHA-256 hash (hex), or undefined (unknown, or replaced). */
  findOrganisationKey(hash: string): OrganisationKeyRecord | undefined;
  /**
   * Issues a new key to an organisation whose key was lost or may have leaked: atomically
   * revokes every live key of that organisation as of `at` and stores `newHash` (created `at`).
   * Revoked keys are kept, marked with the time, so that the store can say which keys existed
   * and when they stopped working; findOrganisationKey no longer finds them, so they no longer
   * open case creation. Throws UnknownOrganisationError for an unknown id and
   * DuplicateOrganisationError for a hash that is taken (a live or revoked key); nothing changes then.
   */
  replaceOrganisationKey(organisationId: string, newHash: string, at: number): void;
}

/** An organisation: a municipality, a fund, an operator of Caseroom. */
export type OrganisationRecord = {
  id: string;
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
};

/** A stored organisation key: only its SHA-256 hash (hex). */
export type OrganisationKeyRecord = {
  hash: string;
  organisationId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
};

/** What it takes to create an organisation: the organisation and the hash of its first key. */
export type NewOrganisation = { organisation: OrganisationRecord; keyHash: string };

/** Thrown when an organisation id or key hash is taken. */
export class DuplicateOrganisationError extends Error {
  constructor(id: string) {
    super(`Organisation ${id} (or its key) already exists`);
    this.name = 'DuplicateOrganisationError';
  }
}

/** Thrown when a case is created for an organisation that does not exist (a programmer error). */
export class UnknownOrganisationError extends Error {
  constructor(id: string) {
    super(`No organisation with id ${id}`);
    this.name = 'UnknownOrganisationError';
  }
}
