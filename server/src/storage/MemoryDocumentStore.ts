import {
  ACTIVITY_MERGE_MS,
  type ActivityEntry,
  type ActivityRecord,
  type BallotRecord,
  type ClientIdBinding,
  type CaseRecord,
  type CaseSummary,
  type DocumentStore,
  DuplicateCaseError,
  DuplicatePartyError,
  DuplicateSnapshotError,
  type NewCase,
  type NewParty,
  type PartyRecord,
  type SnapshotInfo,
  type SnapshotRecord,
  type TokenRecord,
  UnknownCaseError,
  UnknownPartyError,
} from './DocumentStore.ts';

/** A DocumentStore in process memory: for tests and for a server started without a data dir. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly cases = new Map<string, CaseRecord>();
  private readonly updates = new Map<string, Uint8Array[]>();
  /** Parties by case id, in the order they were added. */
  private readonly parties = new Map<string, PartyRecord[]>();
  private readonly tokens = new Map<string, TokenRecord>();
  /** Ballots by `caseId vote partyId`; a Map keeps first-insertion order. */
  private readonly ballots = new Map<string, BallotRecord>();
  /** Snapshots by case id, oldest first. */
  private readonly snapshots = new Map<string, SnapshotRecord[]>();
  private readonly activity = new Map<string, ActivityRecord[]>();
  private readonly clientIds = new Map<string, Map<number, string>>();

  createCase({ id, createdAt, initialState, summary, founder }: NewCase): void {
    if (this.cases.has(id)) throw new DuplicateCaseError(id);
    if (founder && (founder.party.caseId !== id || this.tokens.has(founder.tokenHash))) {
      throw new DuplicatePartyError(id, founder.party.id);
    }
    this.cases.set(id, { id, createdAt, updatedAt: createdAt, ...summary });
    this.updates.set(id, [initialState.slice()]);
    this.parties.set(id, []);
    if (founder) this.addParty(founder);
  }

  addParty({ party, tokenHash, createdAt }: NewParty): void {
    const parties = this.parties.get(party.caseId);
    if (!parties) throw new UnknownCaseError(party.caseId);
    if (parties.some((p) => p.id === party.id) || this.tokens.has(tokenHash)) {
      throw new DuplicatePartyError(party.caseId, party.id);
    }
    parties.push({ ...party });
    this.tokens.set(tokenHash, {
      hash: tokenHash,
      caseId: party.caseId,
      partyId: party.id,
      createdAt,
      revokedAt: undefined,
    });
  }

  listParties(caseId: string): PartyRecord[] {
    return (this.parties.get(caseId) ?? []).map((party) => ({ ...party }));
  }

  getParty(caseId: string, partyId: string): PartyRecord | undefined {
    const party = this.parties.get(caseId)?.find((p) => p.id === partyId);
    return party ? { ...party } : undefined;
  }

  findToken(hash: string): TokenRecord | undefined {
    const token = this.tokens.get(hash);
    return token ? { ...token } : undefined;
  }

  replaceToken(caseId: string, partyId: string, newHash: string, at: number): string[] {
    if (!this.getParty(caseId, partyId)) throw new UnknownPartyError(caseId, partyId);
    if (this.tokens.has(newHash)) throw new DuplicatePartyError(caseId, partyId);
    const revoked: string[] = [];
    for (const token of this.tokens.values()) {
      if (token.caseId === caseId && token.partyId === partyId && token.revokedAt === undefined) {
        token.revokedAt = at;
        revoked.push(token.hash);
      }
    }
    this.tokens.set(newHash, { hash: newHash, caseId, partyId, createdAt: at, revokedAt: undefined });
    return revoked;
  }

  caseExists(id: string): boolean {
    return this.cases.has(id);
  }

  getCase(id: string): CaseRecord | undefined {
    const record = this.cases.get(id);
    return record ? { ...record } : undefined;
  }

  listCases(): CaseRecord[] {
    return [...this.cases.values()]
      .map((record) => ({ ...record }))
      .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  }

  touchCase(id: string, summary: CaseSummary): void {
    const record = this.cases.get(id);
    if (!record) throw new UnknownCaseError(id);
    this.cases.set(id, { ...record, ...summary });
  }

  appendUpdate(id: string, update: Uint8Array): void {
    const log = this.updates.get(id);
    if (!log) throw new UnknownCaseError(id);
    // Copy: the caller's buffer may be reused or be a view on a larger one.
    log.push(update.slice());
  }

  loadUpdates(id: string): Uint8Array[] {
    return (this.updates.get(id) ?? []).map((update) => update.slice());
  }

  compact(id: string, state: Uint8Array): void {
    if (!this.updates.has(id)) throw new UnknownCaseError(id);
    this.updates.set(id, [state.slice()]);
  }

  updateCount(id: string): number {
    return this.updates.get(id)?.length ?? 0;
  }

  putBallot(ballot: BallotRecord): void {
    if (!this.cases.has(ballot.caseId)) throw new UnknownCaseError(ballot.caseId);
    this.ballots.set(ballotKey(ballot.caseId, ballot.voteId, ballot.partyId), {
      ...ballot,
      itemIds: [...ballot.itemIds],
    });
  }

  getBallot(caseId: string, voteId: string, partyId: string): BallotRecord | undefined {
    const ballot = this.ballots.get(ballotKey(caseId, voteId, partyId));
    return ballot ? { ...ballot, itemIds: [...ballot.itemIds] } : undefined;
  }

  listBallots(caseId: string, voteId: string): BallotRecord[] {
    return [...this.ballots.values()]
      .filter((b) => b.caseId === caseId && b.voteId === voteId)
      .map((b) => ({ ...b, itemIds: [...b.itemIds] }));
  }

  addSnapshot(snapshot: SnapshotRecord): void {
    const list = this.snapshots.get(snapshot.caseId) ?? [];
    if (!this.cases.has(snapshot.caseId)) throw new UnknownCaseError(snapshot.caseId);
    if (list.some((s) => s.id === snapshot.id)) throw new DuplicateSnapshotError(snapshot.caseId, snapshot.id);
    list.push({ ...snapshot, state: snapshot.state.slice() });
    this.snapshots.set(snapshot.caseId, list);
  }

  listSnapshots(caseId: string): SnapshotInfo[] {
    return (this.snapshots.get(caseId) ?? [])
      .map(({ state: _state, ...info }) => info)
      .reverse()
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  getSnapshot(caseId: string, snapshotId: string): SnapshotRecord | undefined {
    const snapshot = this.snapshots.get(caseId)?.find((s) => s.id === snapshotId);
    return snapshot ? { ...snapshot, state: snapshot.state.slice() } : undefined;
  }

  recordActivity(entry: ActivityEntry): void {
    if (!this.cases.has(entry.caseId)) throw new UnknownCaseError(entry.caseId);
    const list = this.activity.get(entry.caseId) ?? [];
    const latest = list.findLast((a) => a.partyId === entry.partyId && a.section === entry.section);
    if (latest && entry.at - latest.lastAt <= ACTIVITY_MERGE_MS) {
      latest.lastAt = Math.max(latest.lastAt, entry.at);
      latest.edits++;
    } else {
      list.push({ partyId: entry.partyId, section: entry.section, firstAt: entry.at, lastAt: entry.at, edits: 1 });
    }
    this.activity.set(entry.caseId, list);
  }

  listActivity(caseId: string, limit: number): ActivityRecord[] {
    return (this.activity.get(caseId) ?? [])
      .map((a, order) => ({ a, order }))
      .sort((x, y) => y.a.lastAt - x.a.lastAt || y.order - x.order)
      .slice(0, limit)
      .map(({ a }) => ({ ...a }));
  }

  bindClientIds(caseId: string, bindings: readonly ClientIdBinding[]): void {
    if (!this.cases.has(caseId)) throw new UnknownCaseError(caseId);
    const bound = this.clientIds.get(caseId) ?? new Map<number, string>();
    for (const { clientId, partyId } of bindings) if (!bound.has(clientId)) bound.set(clientId, partyId);
    this.clientIds.set(caseId, bound);
  }

  clientIdBindings(caseId: string): Map<number, string> {
    return new Map(this.clientIds.get(caseId));
  }

  close(): void {}
}

function ballotKey(caseId: string, voteId: string, partyId: string): string {
  return JSON.stringify([caseId, voteId, partyId]);
}
