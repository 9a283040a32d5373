import {
  ACTIVITY_MERGE_MS,
  type ActivityEntry,
  type ActivityRecord,
  type BallotRecord,
  type CaseRecord,
  type CaseSummary,
  type ClientIdBinding,
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
import { MemoryOrganisationStore } from './MemoryOrganisationStore.ts';
import type { OrganisationKeyRecord, OrganisationRecord } from './OrganisationStore.ts';
import { UnknownOrganisationError } from './OrganisationStore.ts';
import { mergeUnseen, SeenRows } from './SeenRows.ts';

/** Everything a MemoryDocumentStore holds; shared by its siblings (see `sibling`). */
type MemoryData = {
  cases: Map<string, CaseRecord>;
  /** Each case's update log, with row numbers that only grow (like SQLite's seq). */
  updates: Map<string, { seq: number; data: Uint8Array }[]>;
  /** Parties by case id, in the order they were added. */
  parties: Map<string, PartyRecord[]>;
  tokens: Map<string, TokenRecord>;
  /** Ballots by `caseId vote partyId`; a Map keeps first-insertion order. */
  ballots: Map<string, BallotRecord>;
  /** Snapshots by case id, oldest first. */
  snapshots: Map<string, SnapshotRecord[]>;
  activity: Map<string, ActivityRecord[]>;
  clientIds: Map<string, Map<number, string>>;
  /** Oldest first. */
  organisations: OrganisationRecord[];
  organisationKeys: Map<string, OrganisationKeyRecord>;
  lastSeq: number;
};

/** A DocumentStore in process memory: for tests and for a server started without a data dir. */
export class MemoryDocumentStore implements DocumentStore {
  readonly organisations: MemoryOrganisationStore;
  /** Which update rows this handle's callers hold in their documents (compaction merges the rest). */
  private readonly seen = new SeenRows();

  constructor(
    private readonly data: MemoryData = {
      cases: new Map(),
      updates: new Map(),
      parties: new Map(),
      tokens: new Map(),
      ballots: new Map(),
      snapshots: new Map(),
      activity: new Map(),
      clientIds: new Map(),
      organisations: [],
      organisationKeys: new Map(),
      lastSeq: 0,
    },
  ) {
    this.organisations = new MemoryOrganisationStore(data);
  }

  /**
   * A second store over the same data, as a second process on one database would be: it sees
   * every case, but has read nothing yet (tests of concurrent writers, contract S18).
   */
  sibling(): MemoryDocumentStore {
    return new MemoryDocumentStore(this.data);
  }

  createCase({ id, createdAt, initialState, summary, founder, organisationId, importedAt }: NewCase): void {
    if (this.data.cases.has(id)) throw new DuplicateCaseError(id);
    if (founder && (founder.party.caseId !== id || this.data.tokens.has(founder.tokenHash))) {
      throw new DuplicatePartyError(id, founder.party.id);
    }
    if (organisationId !== undefined && !this.organisations.getOrganisation(organisationId)) {
      throw new UnknownOrganisationError(organisationId);
    }
    this.data.cases.set(id, {
      id,
      createdAt,
      updatedAt: createdAt,
      ...summary,
      organisationId: organisationId ?? this.organisations.firstId(),
      ...(importedAt === undefined ? {} : { importedAt }),
    });
    this.data.updates.set(id, [{ seq: ++this.data.lastSeq, data: initialState.slice() }]);
    this.data.parties.set(id, []);
    if (founder) this.addParty(founder);
  }

  addParty({ party, tokenHash, createdAt }: NewParty): void {
    const parties = this.data.parties.get(party.caseId);
    if (!parties) throw new UnknownCaseError(party.caseId);
    if (parties.some((p) => p.id === party.id) || this.data.tokens.has(tokenHash)) {
      throw new DuplicatePartyError(party.caseId, party.id);
    }
    parties.push({ ...party });
    this.data.tokens.set(tokenHash, {
      hash: tokenHash,
      caseId: party.caseId,
      partyId: party.id,
      createdAt,
      revokedAt: undefined,
    });
  }

  listParties(caseId: string): PartyRecord[] {
    return (this.data.parties.get(caseId) ?? []).map((party) => ({ ...party }));
  }

  getParty(caseId: string, partyId: string): PartyRecord | undefined {
    const party = this.data.parties.get(caseId)?.find((p) => p.id === partyId);
    return party ? { ...party } : undefined;
  }

  findToken(hash: string): TokenRecord | undefined {
    const token = this.data.tokens.get(hash);
    return token ? { ...token } : undefined;
  }

  replaceToken(caseId: string, partyId: string, newHash: string, at: number): string[] {
    if (!this.getParty(caseId, partyId)) throw new UnknownPartyError(caseId, partyId);
    if (this.data.tokens.has(newHash)) throw new DuplicatePartyError(caseId, partyId);
    const revoked: string[] = [];
    for (const token of this.data.tokens.values()) {
      if (token.caseId === caseId && token.partyId === partyId && token.revokedAt === undefined) {
        token.revokedAt = at;
        revoked.push(token.hash);
      }
    }
    this.data.tokens.set(newHash, { hash: newHash, caseId, partyId, createdAt: at, revokedAt: undefined });
    this.storedParty(caseId, partyId).endedAt = undefined;
    return revoked;
  }

  setPartyExpiry(caseId: string, partyId: string, expiresAt: number | undefined): void {
    this.storedParty(caseId, partyId).expiresAt = expiresAt;
  }

  endParty(caseId: string, partyId: string, at: number): void {
    const party = this.storedParty(caseId, partyId);
    party.endedAt ??= at;
  }

  /** The stored (mutable) party, or UnknownPartyError. */
  private storedParty(caseId: string, partyId: string): PartyRecord {
    const party = this.data.parties.get(caseId)?.find((p) => p.id === partyId);
    if (!party) throw new UnknownPartyError(caseId, partyId);
    return party;
  }

  caseExists(id: string): boolean {
    return this.data.cases.has(id);
  }

  getCase(id: string): CaseRecord | undefined {
    const record = this.data.cases.get(id);
    return record ? { ...record } : undefined;
  }

  listCases(): CaseRecord[] {
    return [...this.data.cases.values()]
      .map((record) => ({ ...record }))
      .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  }

  touchCase(id: string, summary: CaseSummary): void {
    const record = this.data.cases.get(id);
    if (!record) throw new UnknownCaseError(id);
    this.data.cases.set(id, { ...record, ...summary });
  }

  appendUpdate(id: string, update: Uint8Array): void {
    const log = this.data.updates.get(id);
    if (!log) throw new UnknownCaseError(id);
    const seq = ++this.data.lastSeq;
    // Copy: the caller's buffer may be reused or be a view on a larger one.
    log.push({ seq, data: update.slice() });
    this.seen.appended(id, seq);
  }

  loadUpdates(id: string): Uint8Array[] {
    const log = this.data.updates.get(id) ?? [];
    this.seen.loaded(id, log.at(-1)?.seq ?? 0);
    return log.map((row) => row.data.slice());
  }

  /** Like SqliteDocumentStore.compact: rows this handle's caller does not hold are merged, never dropped. */
  compact(id: string, state: Uint8Array): void {
    const log = this.data.updates.get(id);
    if (!log) throw new UnknownCaseError(id);
    const unseen = log.filter((row) => !this.seen.holds(id, row.seq)).map((row) => row.data);
    const seq = ++this.data.lastSeq;
    this.data.updates.set(id, [{ seq, data: mergeUnseen(state, unseen).slice() }]);
    this.seen.compacted(id, seq, unseen.length > 0);
  }

  updateCount(id: string): number {
    return this.data.updates.get(id)?.length ?? 0;
  }

  putBallot(ballot: BallotRecord): void {
    if (!this.data.cases.has(ballot.caseId)) throw new UnknownCaseError(ballot.caseId);
    this.data.ballots.set(ballotKey(ballot.caseId, ballot.voteId, ballot.partyId), {
      ...ballot,
      itemIds: [...ballot.itemIds],
    });
  }

  getBallot(caseId: string, voteId: string, partyId: string): BallotRecord | undefined {
    const ballot = this.data.ballots.get(ballotKey(caseId, voteId, partyId));
    return ballot ? { ...ballot, itemIds: [...ballot.itemIds] } : undefined;
  }

  listBallots(caseId: string, voteId: string): BallotRecord[] {
    return [...this.data.ballots.values()]
      .filter((b) => b.caseId === caseId && b.voteId === voteId)
      .map((b) => ({ ...b, itemIds: [...b.itemIds] }));
  }

  addSnapshot(snapshot: SnapshotRecord): void {
    const list = this.data.snapshots.get(snapshot.caseId) ?? [];
    if (!this.data.cases.has(snapshot.caseId)) throw new UnknownCaseError(snapshot.caseId);
    if (list.some((s) => s.id === snapshot.id)) throw new DuplicateSnapshotError(snapshot.caseId, snapshot.id);
    list.push({ ...snapshot, state: snapshot.state.slice() });
    this.data.snapshots.set(snapshot.caseId, list);
  }

  listSnapshots(caseId: string): SnapshotInfo[] {
    return (this.data.snapshots.get(caseId) ?? [])
      .map(({ state: _state, ...info }) => info)
      .reverse()
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  getSnapshot(caseId: string, snapshotId: string): SnapshotRecord | undefined {
    const snapshot = this.data.snapshots.get(caseId)?.find((s) => s.id === snapshotId);
    return snapshot ? { ...snapshot, state: snapshot.state.slice() } : undefined;
  }

  recordActivity(entry: ActivityEntry): void {
    if (!this.data.cases.has(entry.caseId)) throw new UnknownCaseError(entry.caseId);
    const list = this.data.activity.get(entry.caseId) ?? [];
    const latest = list.findLast((a) => a.partyId === entry.partyId && a.section === entry.section);
    if (latest && entry.at - latest.lastAt <= ACTIVITY_MERGE_MS) {
      latest.lastAt = Math.max(latest.lastAt, entry.at);
      latest.edits += entry.edits ?? 1;
    } else {
      const edits = entry.edits ?? 1;
      list.push({ partyId: entry.partyId, section: entry.section, firstAt: entry.at, lastAt: entry.at, edits });
    }
    this.data.activity.set(entry.caseId, list);
  }

  listActivity(caseId: string, limit: number): ActivityRecord[] {
    return (this.data.activity.get(caseId) ?? [])
      .map((a, order) => ({ a, order }))
      .sort((x, y) => y.a.lastAt - x.a.lastAt || y.order - x.order)
      .slice(0, limit)
      .map(({ a }) => ({ ...a }));
  }

  bindClientIds(caseId: string, bindings: readonly ClientIdBinding[]): void {
    if (!this.data.cases.has(caseId)) throw new UnknownCaseError(caseId);
    const bound = this.data.clientIds.get(caseId) ?? new Map<number, string>();
    for (const { clientId, partyId } of bindings) if (!bound.has(clientId)) bound.set(clientId, partyId);
    this.data.clientIds.set(caseId, bound);
  }

  clientIdBindings(caseId: string): Map<number, string> {
    return new Map(this.data.clientIds.get(caseId));
  }

  close(): void {}
}

function ballotKey(caseId: string, voteId: string, partyId: string): string {
  return JSON.stringify([caseId, voteId, partyId]);
}
