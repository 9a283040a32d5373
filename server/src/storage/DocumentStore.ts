import type { PartyKind, Role, SnapshotKind } from '@caseroom/shared';
import type { OrganisationStore } from './OrganisationStore.ts';

/**
 * Where cases, their Yjs updates, their parties and the hashes of their link tokens live. Every method is synchronous on purpose: the server
 * commits an update before it relays it, inside the Y.Doc's 'update' event, so a store call
 * must finish (or throw) before the next line runs. better-sqlite3 is synchronous too, so
 * this costs nothing and keeps the order of updates exactly the order they were accepted.
 *
 * A method throws when the write did not happen; it never reports success that did not
 * happen. Implementations: SqliteDocumentStore (the real one), MemoryDocumentStore (tests).
 * Both pass storageContractSuite.ts.
 */
export interface DocumentStore {
  /** The organisations cases belong to (issue 10), in the same database. */
  readonly organisations: OrganisationStore;
  /**
   * Adds a case to the catalogue with its first update (the initial state) and, if given, its
   * founding party and that party's token hash, atomically. Throws if the id exists, or
   * UnknownOrganisationError for an organisation that does not exist. A case created without
   * an organisation belongs to the first one (OrganisationStore).
   */
  createCase(record: NewCase): void;
  /** Whether a case with this id was ever created. */
  caseExists(id: string): boolean;
  /** One case's catalogue entry, or undefined. */
  getCase(id: string): CaseRecord | undefined;
  /** Every case, most recently changed first. */
  listCases(): CaseRecord[];
  /** Records the case's latest title, municipality, phase and time of last change. */
  touchCase(id: string, summary: CaseSummary): void;
  /** Appends one Yjs update to the case's log. Throws if the case does not exist or the write fails. */
  appendUpdate(id: string, update: Uint8Array): void;
  /** The case's updates in the order they were stored (after compaction: one state row, then newer updates). */
  loadUpdates(id: string): Uint8Array[];
  /**
   * Replaces the case's update log with one state (Y.encodeStateAsUpdate of the caller's
   * document), atomically. The caller's document holds what this handle's `loadUpdates` gave it
   * and what it appended since; any other row (another writer's) is merged into the stored state,
   * never dropped (contract S18).
   */
  compact(id: string, state: Uint8Array): void;
  /** How many rows the case's update log holds (to decide and to test compaction). */
  updateCount(id: string): number;
  /** Adds a party with its first (live) token hash, atomically. Throws UnknownCaseError / DuplicatePartyError. */
  addParty(newParty: NewParty): void;
  /** The case's parties in the order they were added ([] for an unknown case). */
  listParties(caseId: string): PartyRecord[];
  /** One party of a case, or undefined. */
  getParty(caseId: string, partyId: string): PartyRecord | undefined;
  /** The token row with this SHA-256 hash (hex), live or revoked, or undefined. */
  findToken(hash: string): TokenRecord | undefined;
  /**
   * Revokes the party's live token(s) at `at` and stores `newHash` as its live token,
   * atomically; a party whose access was ended has it again (a new link is how a facilitator
   * lets a party back in). Returns the hashes it revoked. Throws UnknownPartyError.
   */
  replaceToken(caseId: string, partyId: string, newHash: string, at: number): string[];
  /** Sets (or, with undefined, clears) the time the party's link stops working. Throws UnknownPartyError. */
  setPartyExpiry(caseId: string, partyId: string, expiresAt: number | undefined): void;
  /** Ends the party's access at `at` (a party already ended keeps its first time). Throws UnknownPartyError. */
  endParty(caseId: string, partyId: string, at: number): void;
  /** Stores (or replaces) one party's ballot in a vote. Ballots never enter the Y.Doc (W7). Throws UnknownCaseError. */
  putBallot(ballot: BallotRecord): void;
  /** One party's ballot in a vote, or undefined. */
  getBallot(caseId: string, voteId: string, partyId: string): BallotRecord | undefined;
  /** Every ballot of a vote, in the order they were first cast. */
  listBallots(caseId: string, voteId: string): BallotRecord[];
  /** Stores a snapshot (W11). Throws UnknownCaseError, or DuplicateSnapshotError for a taken id. */
  addSnapshot(snapshot: SnapshotRecord): void;
  /** The case's snapshots without their state, newest first ([] for an unknown case). */
  listSnapshots(caseId: string): SnapshotInfo[];
  /** One snapshot with its state, or undefined. */
  getSnapshot(caseId: string, snapshotId: string): SnapshotRecord | undefined;
  /**
   * Records that a party changed a section at `at` (who changed what, W12): extends the party's
   * latest entry for that section when it is at most ACTIVITY_MERGE_MS older, else adds one.
   * Throws UnknownCaseError.
   */
  recordActivity(entry: ActivityEntry): void;
  /** The case's activity, most recent change first, at most `limit` entries ([] for an unknown case). */
  listActivity(caseId: string, limit: number): ActivityRecord[];
  /**
   * Binds Yjs client ids to the party that first used them (issue 9: nobody may speak under
   * another party's client id). An id already bound keeps its first party. Throws UnknownCaseError.
   */
  bindClientIds(caseId: string, bindings: readonly ClientIdBinding[]): void;
  /** Every client id bound in the case, with its party (SERVER_PARTY_ID for the server's own). */
  clientIdBindings(caseId: string): Map<number, string>;
  /** Releases the store (closes the database). Idempotent. */
  close(): void;
}

/** A Yjs client id and the party that first wrote with it. */
export type ClientIdBinding = { clientId: number; partyId: string };

/** The pseudo-party the server's own Yjs client ids are bound to (workshop record, migrations, restores). */
export const SERVER_PARTY_ID = '@server';

/** A party's dot votes in one vote (docs/workshop.md W7): stored on the server only. */
/** Edits by one party to one section within this long of each other count as one entry. */
export const ACTIVITY_MERGE_MS = 60_000;

/**
 * Changes to record: who (party), which section (a root of the case document), when (the
 * latest), and how many edits (default 1; a case document records a second's worth at once).
 */
export type ActivityEntry = { caseId: string; partyId: string; section: string; at: number; edits?: number };

/** A stretch of changes by one party to one section: first and last time, how many edits. */
export type ActivityRecord = { partyId: string; section: string; firstAt: number; lastAt: number; edits: number };

export type BallotRecord = {
  caseId: string;
  voteId: string;
  partyId: string;
  /** One entry per dot. */
  itemIds: string[];
  /** Milliseconds since the epoch of the last change. */
  at: number;
};

/** Why a snapshot was taken (W11; shared's SNAPSHOT_KINDS). */
export type { SnapshotKind };

/** A snapshot as listed: everything but the state. */
export type SnapshotInfo = {
  id: string;
  caseId: string;
  name: string;
  kind: SnapshotKind;
  /** Milliseconds since the epoch. */
  createdAt: number;
  createdByPartyId: string;
};

/** A snapshot: the Y.Doc state itself (Y.encodeStateAsUpdate) at one moment. */
export type SnapshotRecord = SnapshotInfo & { state: Uint8Array };

/** What the catalogue shows about a case without loading its document. */
export type CaseSummary = {
  title: string | undefined;
  municipality: string | undefined;
  phase: number | undefined;
  /** Milliseconds since the epoch of the last accepted change. */
  updatedAt: number;
};

/** A case in the catalogue. */
export type CaseRecord = CaseSummary & {
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The organisation the case belongs to; undefined only while no organisation exists. */
  organisationId?: string | undefined;
  /** When the case was made from an import file (milliseconds since the epoch); absent otherwise. */
  importedAt?: number;
};

/** What it takes to create a case. */
export type NewCase = {
  id: string;
  createdAt: number;
  /** Y.encodeStateAsUpdate of the freshly initialised document. */
  initialState: Uint8Array;
  summary: Omit<CaseSummary, 'updatedAt'>;
  /** The party created with the case (the facilitator, docs/access.md A3). */
  founder?: NewParty;
  /** The organisation it belongs to (issue 10); default the first organisation. */
  organisationId?: string;
  /** When it was made from an import file (issue 13: an imported copy is marked). */
  importedAt?: number;
};

/** A party of a case as stored (docs/access.md): who it is and what its link lets it do. */
export type PartyRecord = {
  id: string;
  caseId: string;
  name: string;
  kind: PartyKind;
  role: Role;
  departmentId: string | undefined;
  /** When the party's link stops working (milliseconds since the epoch); undefined: never. */
  expiresAt?: number | undefined;
  /** When the facilitator ended the party's access; undefined while it has access. */
  endedAt?: number | undefined;
};

/** A stored link token: only its SHA-256 hash (hex), never the token itself. */
export type TokenRecord = {
  hash: string;
  caseId: string;
  partyId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** When it was rotated away; undefined while it is the party's live token. */
  revokedAt: number | undefined;
};

/** What it takes to add a party: the party and the hash of its first token. */
export type NewParty = {
  party: PartyRecord;
  tokenHash: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
};

/** Thrown by a store when asked to write to a case that does not exist (a programmer error). */
export class UnknownCaseError extends Error {
  constructor(id: string) {
    super(`No case with id ${id}`);
    this.name = 'UnknownCaseError';
  }
}

/** Thrown by a store when asked to create a case whose id is taken. */
export class DuplicateCaseError extends Error {
  constructor(id: string) {
    super(`A case with id ${id} already exists`);
    this.name = 'DuplicateCaseError';
  }
}

/** Thrown by a store when asked to rotate the token of a party that does not exist. */
export class UnknownPartyError extends Error {
  constructor(caseId: string, partyId: string) {
    super(`No party ${partyId} in case ${caseId}`);
    this.name = 'UnknownPartyError';
  }
}

/** Thrown by a store when a snapshot id is taken. */
export class DuplicateSnapshotError extends Error {
  constructor(caseId: string, snapshotId: string) {
    super(`Snapshot ${snapshotId} of case ${caseId} already exists`);
    this.name = 'DuplicateSnapshotError';
  }
}

/** Thrown by a store when a party id or token hash is taken. */
export class DuplicatePartyError extends Error {
  constructor(caseId: string, partyId: string) {
    super(`Party ${partyId} of case ${caseId} (or its token) already exists`);
    this.name = 'DuplicatePartyError';
  }
}
