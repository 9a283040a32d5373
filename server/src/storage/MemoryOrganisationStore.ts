import type { CaseRecord } from './DocumentStore.ts';
import {
  DuplicateOrganisationError,
  type NewOrganisation,
  type OrganisationKeyRecord,
  type OrganisationRecord,
  type OrganisationStore,
} from './OrganisationStore.ts';

/** What the organisations of a MemoryDocumentStore live in, beside its cases. */
export type MemoryOrganisationData = {
  cases: Map<string, CaseRecord>;
  /** Oldest first. */
  organisations: OrganisationRecord[];
  organisationKeys: Map<string, OrganisationKeyRecord>;
};

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

  findOrganisationKey(hash: string): OrganisationKeyRecord | undefined {
    const key = this.data.organisationKeys.get(hash);
    return key ? { ...key } : undefined;
  }

  /** The id of the first organisation created, or undefined while there is none. */
  firstId(): string | undefined {
    return this.data.organisations[0]?.id;
  }
}
