import {
  CloseCode,
  type DocumentMigration,
  ensureWorkshop,
  isCaseDocReady,
  readShortText,
  rootsTouchedBy,
  STORAGE_BOUNDS,
  toModel,
  workshopPhase,
} from '@caseroom/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Log } from '../log.ts';
import type { CaseSummary } from '../storage/CaseCatalogue.ts';
import type { BoundClientId } from '../storage/ClientIdStore.ts';
import type { Stores } from '../storage/Stores.ts';
import { untilNextTick } from '../storage/TurnBatch.ts';
import { encodeAwareness, encodeUpdate, MalformedMessageError } from '../sync/messages.ts';
import { ActivityRecorder } from './ActivityRecorder.ts';
import { ClientIdBindings } from './ClientIdBindings.ts';
import { CommitQueue } from './CommitQueue.ts';
import { migrateOnLoad } from './migrateOnLoad.ts';
import { repairDamagedContent } from './repairDamagedContent.ts';
import { StorageQuota } from './StorageQuota.ts';

/** What a CaseDocument needs from a connection: send bytes, be closed. */
export interface DocumentConnection {
  readonly id: string;
  /** The party whose changes this connection carries (recorded as activity, W12). */
  readonly partyId?: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/**
 * The transaction origin of the server's own changes (the workshop record, restores,
 * migrations). Stored and relayed to every connection like any accepted update.
 */
export const SERVER_ORIGIN = Symbol('server');

/** Thrown by `changeAsServer` while the case's store is failing: the change was not made. */
export class StorageUnavailableError extends Error {
  constructor(caseId: string) {
    super(`The store of case ${caseId} is failing; try again shortly`);
    this.name = 'StorageUnavailableError';
  }
}

/** Tuning and hooks of a CaseDocument. */
export type CaseDocumentOptions = {
  stores: Stores;
  log: Log;
  now: () => number;
  /** Compact the update log into one state row after this many stored updates. */
  compactEvery: number;
  /** How often to retry storing after a failed write. */
  storageRetryMs: number;
  /** At most one catalogue summary write per this many milliseconds. */
  summaryIntervalMs: number;
  /** Called when the last connection left, or when storage recovered with nobody connected. */
  onIdle: (document: CaseDocument) => void;
  /** Called when a connection joins (cancels a pending unload). */
  onActive: (document: CaseDocument) => void;
  /** Stored bytes the case may hold (issue 9); default STORAGE_BOUNDS.caseQuotaBytes. */
  quotaBytes?: number;
  /** The document migrations run on load (issue 11); default shared's DOCUMENT_MIGRATIONS (tests inject others). */
  migrations?: readonly DocumentMigration[];
};

/**
 * One case's live Y.Doc with its connections and awareness.
 *
 * Durability: the Y.Doc's 'update' event fires once an update is integrated; the handler
 * queues it for the store (`CommitQueue`: in the order accepted, updates of one turn committed
 * together) and relays it to the other connections only once it is committed. If a write
 * fails, the document stops relaying, closes every connection with StorageUnavailable and
 * refuses new ones, keeps everything in memory (the Y.Doc holds all accepted updates) and
 * retries on a timer by writing the whole state; then clients reconnect and resync.
 */
export class CaseDocument {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  private readonly connections = new Map<DocumentConnection, Set<number>>();
  /** Which connection controls each awareness client id (the reverse of `connections`). */
  private readonly awarenessOwners = new Map<number, DocumentConnection>();
  private storageError: unknown;
  /** The tail of the case's server operations (`serially`). */
  private operations: Promise<unknown> = Promise.resolve();
  /** The case's writes, in order, batched per turn. */
  private readonly commits: CommitQueue;
  private retryTimer: NodeJS.Timeout | undefined;
  private summaryTimer: NodeJS.Timeout | undefined;
  private compactionQueued = false;
  private retrying = false;
  private summaryDirty = false;
  private storedSinceCompaction: number;
  private lastChangeAt: number;
  private destroyed = false;
  private pendingDropped = 0;
  /** Who changed what (W12). */
  private readonly activity: ActivityRecorder;
  /** Which party each Yjs client id belongs to (issue 9); the server's own id included. */
  private readonly clientIds: ClientIdBindings;
  /** Stored bytes against the quota, and the storage notice. */
  private readonly quota: StorageQuota;

  private constructor(
    readonly id: string,
    private readonly options: CaseDocumentOptions,
    storedUpdates: Uint8Array[],
    lastChangeAt: number,
    boundClientIds: readonly BoundClientId[],
  ) {
    this.commits = new CommitQueue((updates) => options.stores.updates.append(id, updates));
    this.doc = new Y.Doc();
    this.doc.transact(() => {
      for (const update of storedUpdates) Y.applyUpdate(this.doc, update);
    });
    this.storedSinceCompaction = storedUpdates.length;
    this.lastChangeAt = lastChangeAt;
    this.activity = new ActivityRecorder(id, options);
    this.clientIds = new ClientIdBindings(id, this.doc, boundClientIds, {
      ...options,
      isPresent: (clientId) => this.awareness.getStates().has(clientId),
    });
    this.quota = new StorageQuota(
      {
        id,
        doc: this.doc,
        canWrite: () => !this.destroyed && !this.storageFailed,
        changeAsServer: (change) => this.applyAsServer(change),
      },
      storedUpdates.reduce((sum, update) => sum + update.length, 0),
      options.quotaBytes ?? STORAGE_BOUNDS.caseQuotaBytes,
      options.log,
    );
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server itself is not a participant.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * Reads the case's updates from the store into a new live document, and brings an older
   * case up to the workshop record (docs/workshop.md W1) and the newest document layout
   * (issue 11, `migrateOnLoad`), each stored like any server change.
   * Undefined if the case does not exist.
   */
  static async load(id: string, options: CaseDocumentOptions): Promise<CaseDocument | undefined> {
    const { stores } = options;
    const record = await stores.cases.get(id);
    if (!record) return undefined;
    const [updates, boundClientIds] = await Promise.all([stores.updates.load(id), stores.clientIds.list(id)]);
    const document = new CaseDocument(id, options, updates, record.updatedAt, boundClientIds);
    // Issue 9: bindings nobody wrote under, idle or over the bound, leave the store (`unusedClientIds`).
    await document.clientIds.forgetUnused();
    if (isCaseDocReady(document.doc)) {
      document.doc.transact(() => ensureWorkshop(document.doc), SERVER_ORIGIN);
      await migrateOnLoad(document, options);
      await repairDamagedContent(document, options);
    }
    return document;
  }

  /**
   * Makes a change on the server's behalf (the workshop record, a restore) in one transaction:
   * committed to the store, then relayed to every connection, like a client's update; resolves
   * once it is committed. Rejects with StorageUnavailableError while the store is failing
   * (changing nothing), or when the write of this very change failed (it stays in memory and is
   * stored by the retry, but the caller must not answer that it was made).
   */
  async changeAsServer<T>(change: (doc: Y.Doc) => T): Promise<T> {
    const result = this.applyAsServer(change);
    await this.commits.settled();
    if (this.storageFailed) throw new StorageUnavailableError(this.id);
    return result;
  }

  /**
   * `changeAsServer` without waiting for the commit: for changes made inside a synchronous step
   * (a migration, the storage notice) whose caller awaits `settled()` or needs no answer. Throws
   * StorageUnavailableError (changing nothing) while the store is failing.
   */
  applyAsServer<T>(change: (doc: Y.Doc) => T): T {
    if (this.storageFailed || this.destroyed) throw new StorageUnavailableError(this.id);
    return this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
  }

  /**
   * Resolves when every change accepted so far is committed (or its write failed: see
   * storageFailed) and relayed: each update's outcome handler hangs on its batch's promise,
   * which settles before the queue's tail that this waits for (CommitQueue).
   */
  settled(): Promise<void> {
    return this.commits.settled();
  }

  /**
   * Runs `operation` after the case's earlier operations have finished (a workshop change reads
   * the record, waits for the store, then writes: nothing may change the record in between).
   */
  serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.operations.then(operation, operation);
    this.operations = result.catch(() => undefined);
    return result;
  }

  /** Updates accepted and not yet committed. */
  get commitQueueDepth(): number {
    return this.commits.depth;
  }

  /** The party a Yjs client id is bound to (SERVER_PARTY_ID for the server's), or undefined. */
  clientOwner(clientId: number): string | undefined {
    return this.clientIds.owner(clientId);
  }

  /** Binds client ids nobody has used yet to a party (`ClientIdBindings.bind`). */
  bindClientIds(clientIds: readonly number[], partyId: string): void {
    this.clientIds.bind(clientIds, partyId);
  }

  /** Bytes of the stored update log: what the case's storage quota counts. */
  get storageUsed(): number {
    return this.quota.used;
  }

  /** An edit was refused because it would pass the quota: the notice turns `full` until a compaction. */
  noteQuotaRefusal(): void {
    this.quota.noteRefusal();
  }

  /** The case's storage quota in bytes. */
  get storageQuota(): number {
    return this.quota.quotaBytes;
  }

  /**
   * The facilitator's "compact" (issue 9): the update log becomes one state row now, and the
   * storage notice follows. Throws StorageUnavailableError while the store is failing.
   */
  async compactNow(): Promise<{ usedBytes: number; quotaBytes: number }> {
    if (this.storageFailed || this.destroyed || !(await this.compact())) throw new StorageUnavailableError(this.id);
    return { usedBytes: this.quota.used, quotaBytes: this.quota.quotaBytes };
  }

  /** The whole state as one update (Y.encodeStateAsUpdate): what a snapshot stores. */
  encodeState(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** The current model (toModel of the live document). */
  model(): ReturnType<typeof toModel> {
    return toModel(this.doc);
  }

  /** Number of open connections (people present, one per browser tab). */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** True while writes fail: nothing is relayed and no one may connect. */
  get storageFailed(): boolean {
    return this.storageError !== undefined;
  }

  /** The catalogue fields, read cheaply from the live document. */
  summary(): CaseSummary {
    const facts = this.doc.getMap('facts');
    const phase = workshopPhase(this.doc) ?? facts.get('phase');
    return {
      // Y.Texts from layout 2 on, strings before (readShortText reads both).
      title: readShortText(facts, 'title'),
      municipality: readShortText(facts, 'municipality'),
      phase: typeof phase === 'number' && Number.isFinite(phase) ? phase : undefined,
      updatedAt: this.lastChangeAt,
    };
  }

  /** Adds a connection; the caller has checked storageFailed. */
  addConnection(connection: DocumentConnection): void {
    this.connections.set(connection, new Set());
    this.options.onActive(this);
  }

  /** Closes every connection with this code (the case is moving to another process). */
  closeConnections(code: number, reason: string): void {
    for (const connection of [...this.connections.keys()]) connection.close(code, reason);
  }

  /** Removes a connection and the awareness states it controlled. */
  removeConnection(connection: DocumentConnection): void {
    const controlled = this.connections.get(connection);
    if (!controlled) return;
    this.connections.delete(connection);
    for (const client of controlled) this.awarenessOwners.delete(client);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    if (this.connections.size === 0) this.options.onIdle(this);
  }

  /**
   * Applies a decoded (and validated) update from a connection. The 'update' handler stores
   * and relays it. Throws MalformedMessageError if Yjs still rejects it.
   *
   * `touchedRoots` are the roots the update changes, as the write guard found them before it was
   * applied (`inspectUpdate`); without them they are found again (`rootsTouchedBy`). They are
   * what the connection's party is recorded as having changed (W12): a reconnecting client's
   * resync of content the server already has touches none.
   */
  applyUpdate(update: Uint8Array, origin: DocumentConnection, touchedRoots?: ReadonlySet<string>): void {
    // Asked before applying: a failing store write closes every connection while it is stored.
    const partyId = this.connections.has(origin) ? origin.partyId : undefined;
    let roots: ReadonlySet<string>;
    try {
      roots = touchedRoots ?? rootsTouchedBy(this.doc, update);
      Y.applyUpdate(this.doc, update, origin);
    } catch (cause) {
      throw new MalformedMessageError('Yjs could not apply the update', { cause });
    } finally {
      this.dropPending(origin);
    }
    // The server's own changes (SERVER_ORIGIN, never through here) are not a party's activity.
    if (partyId) this.activity.record(partyId, roots);
  }

  /**
   * The write guard lets nothing through that leaves pending structs or deletions; were one to
   * slip by, Yjs would apply it to later writes (the server's included). Drop it, loudly.
   */
  private dropPending(origin: DocumentConnection): void {
    const store = this.doc.store;
    if (store.pendingStructs === null && store.pendingDs === null) return;
    // One line per document: were the guard to miss a shape, it could be sent again and again.
    if (this.pendingDropped++ === 0)
      this.options.log('error', 'an accepted update left pending state; dropped', {
        caseId: this.id,
        connectionId: origin.id,
        pendingStructs: store.pendingStructs !== null,
        pendingDeletes: store.pendingDs !== null,
      });
    store.pendingStructs = null;
    store.pendingDs = null;
  }

  /** Applies an awareness update from a connection; the awareness handler relays it. */
  applyAwarenessUpdate(update: Uint8Array, origin: DocumentConnection): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin);
    } catch (cause) {
      throw new MalformedMessageError('invalid awareness update', { cause });
    }
  }

  /**
   * The connection that controls an awareness client id (it sent that id's state first), or
   * undefined. A connection may only speak for its own ids: presence is stamped per connection.
   */
  awarenessOwner(clientId: number): DocumentConnection | undefined {
    return this.awarenessOwners.get(clientId);
  }

  /** The awareness client ids a connection controls (read-only view). */
  awarenessIdsOf(connection: DocumentConnection): ReadonlySet<number> {
    return this.connections.get(connection) ?? new Set();
  }

  /** The awareness states of everyone present, as one message (undefined if nobody is). */
  awarenessMessage(): Uint8Array | undefined {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? encodeAwareness(this.awareness, clients) : undefined;
  }

  /**
   * Writes everything to the store as one state row and the catalogue summary: on unload and
   * shutdown. Returns false (and logs) if the store refused; the document then stays loaded.
   */
  async flush(): Promise<boolean> {
    await this.commits.settled();
    if (this.storageFailed) await this.retryStorage();
    if (this.storageFailed) return false;
    await this.writeSummary();
    await this.activity.flush();
    return this.compact();
  }

  /** Releases timers and the Y.Doc. The registry calls this after a successful flush. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.summaryTimer);
    this.activity.dispose();
    clearInterval(this.retryTimer);
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Writes the activity recorded since the last flush (W12): before it is listed, and on unload. */
  flushActivity(): Promise<void> {
    return this.activity.flush();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.lastChangeAt = this.options.now();
    // While failed, the update stays in the Y.Doc (in memory) and is written by the retry.
    if (this.storageFailed) return;
    void this.commits.append(update).then((outcome) => {
      if (this.destroyed) return;
      if (!outcome.ok) {
        if (!this.storageFailed) this.enterStorageFailure(outcome.error);
        return;
      }
      // A later batch may commit after an earlier one failed: the retry writes it, nobody hears it twice.
      if (!this.storageFailed) this.committed(update, origin);
    });
  };

  /** An update is in the store: count it, relay it to everyone but its sender. */
  private committed(update: Uint8Array, origin: unknown): void {
    this.quota.appended(update.length);
    if (origin === SERVER_ORIGIN) this.clientIds.serverWrote();
    this.storedSinceCompaction++;
    const message = encodeUpdate(update);
    for (const connection of this.connections.keys()) {
      if (connection !== origin) connection.send(message);
    }
    this.scheduleSummary();
    if (this.storedSinceCompaction >= this.options.compactEvery) this.queueCompaction();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.connections.get(origin as DocumentConnection);
    if (controlled) {
      for (const client of added) {
        controlled.add(client);
        this.awarenessOwners.set(client, origin as DocumentConnection);
      }
      for (const client of removed) {
        controlled.delete(client);
        this.awarenessOwners.delete(client);
      }
    }
    const message = encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
    for (const connection of this.connections.keys()) connection.send(message);
  };

  private enterStorageFailure(error: unknown): void {
    this.storageError = error;
    this.options.log('error', 'storage write failed; holding the case in memory and retrying', {
      caseId: this.id,
      error,
    });
    for (const connection of [...this.connections.keys()]) {
      connection.close(CloseCode.StorageUnavailable, 'storage unavailable');
    }
    this.retryTimer = setInterval(() => void this.retryStorage(), this.options.storageRetryMs);
    this.retryTimer.unref();
  }

  /** Tries to write the whole in-memory state; on success, the document accepts connections again. */
  private async retryStorage(): Promise<void> {
    if (this.retrying || !this.storageFailed) return;
    this.retrying = true;
    try {
      let state: Uint8Array;
      try {
        state = await this.commits.run(async () => {
          // Encoded when its turn comes: everything accepted before is in it.
          const whole = Y.encodeStateAsUpdate(this.doc);
          await this.options.stores.updates.compact(this.id, whole);
          return whole;
        });
      } catch (error) {
        this.storageError = error;
        return;
      }
      this.recovered(state);
    } finally {
      this.retrying = false;
    }
  }

  /** The whole state is stored again: accept connections, count what is stored. */
  private recovered(state: Uint8Array): void {
    this.quota.rewritten(state.length);
    clearInterval(this.retryTimer);
    this.retryTimer = undefined;
    this.storageError = undefined;
    this.storedSinceCompaction = 1;
    this.options.log('info', 'storage recovered; case stored', { caseId: this.id });
    this.scheduleSummary();
    if (this.connections.size === 0) this.options.onIdle(this);
  }

  private queueCompaction(): void {
    if (this.compactionQueued) return;
    this.compactionQueued = true;
    // After the current message: compaction is not needed for durability (the log has it all).
    setImmediate(() => {
      this.compactionQueued = false;
      if (!this.destroyed && !this.storageFailed) void this.compact();
    });
  }

  /** The update log becomes one state row, in order with the case's other writes. */
  private compact(): Promise<boolean> {
    return this.commits.run(async () => {
      if (this.destroyed) return false;
      try {
        const state = Y.encodeStateAsUpdate(this.doc);
        await this.options.stores.updates.compact(this.id, state);
        this.quota.compacted(state.length);
        this.storedSinceCompaction = 1;
        return true;
      } catch (error) {
        // Not a data loss: the uncompacted log still holds every update.
        this.options.log('warn', 'compaction failed', { caseId: this.id, error });
        return false;
      }
    });
  }

  private scheduleSummary(): void {
    this.summaryDirty = true;
    if (this.summaryTimer) return;
    // On a grid shared by every case: their summaries fall due together and share one commit (TurnBatch).
    this.summaryTimer = setTimeout(
      () => void this.writeSummary(),
      untilNextTick(Date.now(), this.options.summaryIntervalMs, this.id),
    );
    this.summaryTimer.unref();
  }

  private async writeSummary(): Promise<void> {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
    if (!this.summaryDirty || this.destroyed) return;
    this.summaryDirty = false;
    try {
      await this.options.stores.cases.touch(this.id, this.summary());
    } catch (error) {
      this.summaryDirty = true;
      this.options.log('warn', 'could not update the case catalogue', { caseId: this.id, error });
    }
  }
}
