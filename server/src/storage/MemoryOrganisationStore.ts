import type { CaseRecord } from './DocumentStore.ts';
import {
  DuplicateOrganisationError,
  type NewOrganisation,
  type OrganisationKeyRecord,
  type OrganisationRecord,
  type OrganisationStore,
  UnknownOrganisationError,
} from './OrganisationStore.ts';

/** What the organisations of a MemoryDocumentStore live in, beside its cases. */
export type MemoryOrganisationData = {
  cases: Map<string, CaseRecord>;
  /** Oldest first. */
  organisations: OrganisationRecord[];
  /** Every key ever issued, by hash; a replaced one keeps its entry with `revokedAt`. */
  organisationKeys: Map<string, StoredOrganisationKey>;
};

/** A key as kept: the record, and when it was replaced (never found again after that). */
type StoredOrganisationKey = OrganisationKeyRecord & { revokedAt?: number };

/** Organisations in process memory, over a MemoryDocumentStore's data (tests). */
export class MemoryOrganisationStore implements OrganisationStore {
  constructor(private readonly data: MemoryOrganisationData) {}

  createOrganisation({ organisation, keyHash }: NewOrganisation): void {
    if (this.getOrganisation(organisation.id) || this.data.organisationKeys.has(keyHash)) {
      throw new DuplicateOrganisationError(organisation.id);
    }
    this.data.organisations.push({ ...organisation });
    this.data.organisationKeys.set(keyHash, {
      hash: keyHash,
      organisationId: organisation.id,
      createdAt: organisation.createdAt,
    });
    if (this.data.organisations.length === 1) {
      for (const record of this.data.cases.values()) record.organisationId ??= organisation.id;
    }
  }

  listOrganisations(): OrganisationRecord[] {
    return this.data.organisations.map((organisation) => ({ ...organisation }));
  }

  getOrganisation(id: string): OrganisationRecord | undefined {
    const found = this.data.organisations.find((organisation) => organisation.id === id);
    return found ? { ...found } : undefined;
  }

  replaceOrganisationKey(organisationId: string, newHash: string, at: number): void {
    if (!this.getOrganisation(organisationId)) throw new UnknownOrganisationError(organisationId);
    if (this.data.organisationKeys.has(newHash)) throw new DuplicateOrganisationError(organisationId);
    for (const key of this.data.organisationKeys.values()) {
      if (key.organisationId === organisationId && key.revokedAt === undefined) key.revokedAt = at;
    }
    this.data.organisationKeys.set(newHash, { hash: newHash, organisationId, createdAt: at });
  }

  findOrganisationKey(hash: string): OrganisationKeyRecord | undefined {
    const key = this.data.organisationKeys.get(hash);
    if (!key || key.revokedAt !== undefined) return undefined;
    return { hash: key.hash, organisationId: key.organisationId, createdAt: key.createdAt };
  }

  /** The id of the first organisation created, or undefined while there is none. */
  firstId(): string | undefined {
    return this.data.organisations[0]?.id;
  }
}
