import type {
  ActivityEntry,
  ActivityRecord,
  BallotRecord,
  CaseRecord,
  CaseSummary,
  ClientIdBinding,
  DocumentStore,
  NewCase,
  NewParty,
  PartyRecord,
  SnapshotInfo,
  SnapshotRecord,
  TokenRecord,
} from './DocumentStore.ts';
import type {
  NewOrganisation,
  OrganisationKeyRecord,
  OrganisationRecord,
  OrganisationStore,
} from './OrganisationStore.ts';

/** Thrown by FaultInjectingStore while writes are set to fail. */
export class InjectedStorageFault extends Error {
  constructor(operation: string) {
    super(`injected storage fault in ${operation} (as if the disk were full)`);
    this.name = 'InjectedStorageFault';
  }
}

/**
 * Wraps a DocumentStore and makes its writes throw on demand, as a full or read-only disk
 * would: for testing the storage-failure path. Reads keep working.
 */
export class FaultInjectingStore implements DocumentStore {
  /** While true, every write throws InjectedStorageFault and changes nothing. */
  failWrites = false;
  /** Number of writes refused so far. */
  refusedWrites = 0;

  /** The inner store's organisations, whose writes fail on demand too. */
  readonly organisations: OrganisationStore;

  constructor(readonly inner: DocumentStore) {
    const guard = (operation: string) => this.guard(operation);
    const organisations = inner.organisations;
    this.organisations = {
      createOrganisation(record: NewOrganisation): void {
        guard('createOrganisation');
        organisations.createOrganisation(record);
      },
      replaceOrganisationKey(organisationId: string, newHash: string, at: number): void {
        guard('replaceOrganisationKey');
        organisations.replaceOrganisationKey(organisationId, newHash, at);
      },
      listOrganisations: (): OrganisationRecord[] => organisations.listOrganisations(),
      getOrganisation: (id: string): OrganisationRecord | undefined => organisations.getOrganisation(id),
      findOrganisationKey: (hash: string): OrganisationKeyRecord | undefined => organisations.findOrganisationKey(hash),
    };
  }

  createCase(record: NewCase): void {
    this.guard('createCase');
    this.inner.createCase(record);
  }
  caseExists(id: string): boolean {
    return this.inner.caseExists(id);
  }
  getCase(id: string): CaseRecord | undefined {
    return this.inner.getCase(id);
  }
  listCases(): CaseRecord[] {
    return this.inner.listCases();
  }
  touchCase(id: string, summary: CaseSummary): void {
    this.guard('touchCase');
    this.inner.touchCase(id, summary);
  }
  appendUpdate(id: string, update: Uint8Array): void {
    this.guard('appendUpdate');
    this.inner.appendUpdate(id, update);
  }
  loadUpdates(id: string): Uint8Array[] {
    return this.inner.loadUpdates(id);
  }
  compact(id: string, state: Uint8Array): void {
    this.guard('compact');
    this.inner.compact(id, state);
  }
  updateCount(id: string): number {
    return this.inner.updateCount(id);
  }
  addParty(newParty: NewParty): void {
    this.guard('addParty');
    this.inner.addParty(newParty);
  }
  listParties(caseId: string): PartyRecord[] {
    return this.inner.listParties(caseId);
  }
  getParty(caseId: string, partyId: string): PartyRecord | undefined {
    return this.inner.getParty(caseId, partyId);
  }
  findToken(hash: string): TokenRecord | undefined {
    return this.inner.findToken(hash);
  }
  replaceToken(caseId: string, partyId: string, newHash: string, at: number): string[] {
    this.guard('replaceToken');
    return this.inner.replaceToken(caseId, partyId, newHash, at);
  }
  setPartyExpiry(caseId: string, partyId: string, expiresAt: number | undefined): void {
    this.guard('setPartyExpiry');
    this.inner.setPartyExpiry(caseId, partyId, expiresAt);
  }
  endParty(caseId: string, partyId: string, at: number): void {
    this.guard('endParty');
    this.inner.endParty(caseId, partyId, at);
  }
  putBallot(ballot: BallotRecord): void {
    this.guard('putBallot');
    this.inner.putBallot(ballot);
  }
  getBallot(caseId: string, voteId: string, partyId: string): BallotRecord | undefined {
    return this.inner.getBallot(caseId, voteId, partyId);
  }
  listBallots(caseId: string, voteId: string): BallotRecord[] {
    return this.inner.listBallots(caseId, voteId);
  }
  addSnapshot(snapshot: SnapshotRecord): void {
    this.guard('addSnapshot');
    this.inner.addSnapshot(snapshot);
  }
  listSnapshots(caseId: string): SnapshotInfo[] {
    return this.inner.listSnapshots(caseId);
  }
  recordActivity(entry: ActivityEntry): void {
    this.guard('recordActivity');
    this.inner.recordActivity(entry);
  }
  listActivity(caseId: string, limit: number): ActivityRecord[] {
    return this.inner.listActivity(caseId, limit);
  }
  getSnapshot(caseId: string, snapshotId: string): SnapshotRecord | undefined {
    return this.inner.getSnapshot(caseId, snapshotId);
  }
  bindClientIds(caseId: string, bindings: readonly ClientIdBinding[]): void {
    this.guard('bindClientIds');
    this.inner.bindClientIds(caseId, bindings);
  }
  clientIdBindings(caseId: string): Map<number, string> {
    return this.inner.clientIdBindings(caseId);
  }
  close(): void {
    this.inner.close();
  }

  private guard(operation: string): void {
    if (this.failWrites) {
      this.refusedWrites++;
      throw new InjectedStorageFault(operation);
    }
  }
}
