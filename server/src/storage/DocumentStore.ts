/**
 * Where cases and their Yjs updates live. Every method is synchronous on purpose: the server
 * commits an update before it relays it, inside the Y.Doc's 'update' event, so a store call
 * must finish (or throw) before the next line runs. better-sqlite3 is synchronous too, so
 * this costs nothing and keeps the order of updates exactly the order they were accepted.
 *
 * A method throws when the write did not happen; it never reports success that did not
 * happen. Implementations: SqliteDocumentStore (the real one), MemoryDocumentStore (tests).
 * Both pass storageContractSuite.ts.
 */
export interface DocumentStore {
  /** Adds a case to the catalogue with its first update (the initial state), atomically. Throws if the id exists. */
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
  /** Replaces the case's whole update log with one state (Y.encodeStateAsUpdate), atomically. */
  compact(id: string, state: Uint8Array): void;
  /** How many rows the case's update log holds (to decide and to test compaction). */
  updateCount(id: string): number;
  /** Releases the store (closes the database). Idempotent. */
  close(): void;
}

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
};

/** What it takes to create a case. */
export type NewCase = {
  id: string;
  createdAt: number;
  /** Y.encodeStateAsUpdate of the freshly initialised document. */
  initialState: Uint8Array;
  summary: Omit<CaseSummary, 'updatedAt'>;
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
