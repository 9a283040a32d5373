import {
  CloseCode,
  ensureWorkshop,
  isCaseDocReady,
  SECTIONS,
  STORAGE_BOUNDS,
  type StorageNotice,
  StorageNotice as StorageNoticeSchema,
  toModel,
  workshopMap,
  workshopPhase,
} from '@caseroom/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Log } from '../log.ts';
import { type ActivityEntry, type CaseSummary, type DocumentStore, SERVER_PARTY_ID } from '../storage/DocumentStore.ts';
import { encodeAwareness, encodeUpdate, MalformedMessageError } from '../sync/messages.ts';
import { repairDamagedContent } from './repairDamagedContent.ts';

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

/** How long a case document gathers activity (who changed which section) before writing it. */
const ACTIVITY_FLUSH_MS = 1_000;

/** Thrown by `changeAsServer` while the case's store is failing: the change was not made. */
export class StorageUnavailableError extends Error {
  constructor(caseId: string) {
    super(`The store of case ${caseId} is failing; try again shortly`);
    this.name = 'StorageUnavailableError';
  }
}

/** Tuning and hooks of a CaseDocument. */
export type CaseDocumentOptions = {
  store: DocumentStore;
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
};

/**
 * One case's live Y.Doc with its connections and awareness.
 *
 * Durability: the Y.Doc's 'update' event fires once an update is integrated; the handler
 * commits it to the store and only then relays it to the other connections. If the write
 * throws, the document stops relaying, closes every connection with StorageUnavailable and
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
  private retryTimer: NodeJS.Timeout | undefined;
  private summaryTimer: NodeJS.Timeout | undefined;
  private compactionQueued = false;
  private summaryDirty = false;
  private storedSinceCompaction: number;
  private lastChangeAt: number;
  private destroyed = false;
  private activityFailed = false;
  private readonly pendingActivity = new Map<string, ActivityEntry>();
  private activityTimer: NodeJS.Timeout | undefined;
  /** Which party each Yjs client id belongs to (issue 9); the server's own id included. */
  private readonly clientOwners: Map<number, string>;
  private serverIdStored = false;
  private storageNoticeQueued = false;
  /** The storage level the workshop record holds (null: not read yet). */
  private noticeLevel: StorageNotice['level'] | undefined | null = null;
  /** An edit was refused for the quota (usage stays just below it): the notice says `full`. */
  private quotaRefused = false;
  private pendingDropped = 0;
  /** Bytes of the case's stored update log (what the storage quota counts). */
  private storedBytes: number;

  private constructor(
    readonly id: string,
    private readonly options: CaseDocumentOptions,
    storedUpdates: Uint8Array[],
    lastChangeAt: number,
  ) {
    this.doc = new Y.Doc();
    this.doc.transact(() => {
      for (const update of storedUpdates) Y.applyUpdate(this.doc, update);
    });
    this.storedSinceCompaction = storedUpdates.length;
    this.storedBytes = storedUpdates.reduce((sum, update) => sum + update.length, 0);
    this.lastChangeAt = lastChangeAt;
    this.clientOwners = options.store.clientIdBindings(id);
    // The server writes under a fresh client id each time it loads the case: nobody else may use it.
    this.clientOwners.set(this.doc.clientID, SERVER_PARTY_ID);
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server itself is not a participant.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onUpdate);
    this.doc.on('afterTransaction', this.onTransaction);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * Reads the case's updates from the store into a new live document, and brings an older
   * case up to the workshop record (docs/workshop.md W1; stored like any server change).
   * Undefined if the case does not exist.
   */
  static load(id: string, options: CaseDocumentOptions): CaseDocument | undefined {
    const record = options.store.getCase(id);
    if (!record) return undefined;
    const document = new CaseDocument(id, options, options.store.loadUpdates(id), record.updatedAt);
    if (isCaseDocReady(document.doc)) {
      document.doc.transact(() => ensureWorkshop(document.doc), SERVER_ORIGIN);
      repairDamagedContent(document, options);
    }
    return document;
  }

  /**
   * Makes a change on the server's behalf (the workshop record, a restore) in one transaction:
   * committed to the store, then relayed to every connection, like a client's update. Throws
   * StorageUnavailableError (changing nothing) while the store is failing.
   */
  changeAsServer<T>(change: (doc: Y.Doc) => T): T {
    if (this.storageFailed || this.destroyed) throw new StorageUnavailableError(this.id);
    const result = this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
    // The write of this very change failed: it stays in memory (stored by the retry), but the
    // caller must not answer that it was made.
    if (this.storageFailed) throw new StorageUnavailableError(this.id);
    return result;
  }

  /** The party a Yjs client id is bound to (SERVER_PARTY_ID for the server's), or undefined. */
  clientOwner(clientId: number): string | undefined {
    return this.clientOwners.get(clientId);
  }

  /**
   * Binds client ids nobody has used yet to a party, in memory and in the store. A failing
   * store write is logged; the binding holds in memory for as long as the case is loaded.
   */
  bindClientIds(clientIds: readonly number[], partyId: string): void {
    const fresh = clientIds.filter((clientId) => !this.clientOwners.has(clientId));
    if (fresh.length === 0) return;
    for (const clientId of fresh) this.clientOwners.set(clientId, partyId);
    try {
      this.options.store.bindClientIds(
        this.id,
        fresh.map((clientId) => ({ clientId, partyId })),
      );
    } catch (error) {
      this.options.log('warn', 'client ids not stored', { caseId: this.id, partyId, error: String(error) });
    }
  }

  /** Bytes of the stored update log: what the case's storage quota counts. */
  get storageUsed(): number {
    return this.storedBytes;
  }

  /** An edit was refused because it would pass the quota: the notice turns `full` until a compaction. */
  noteQuotaRefusal(): void {
    if (this.quotaRefused) return;
    this.quotaRefused = true;
    this.queueStorageNotice();
  }

  /** The case's storage quota in bytes. */
  get storageQuota(): number {
    return this.options.quotaBytes ?? STORAGE_BOUNDS.caseQuotaBytes;
  }

  /**
   * The facilitator's "compact" (issue 9): the update log becomes one state row now, and the
   * storage notice follows. Throws StorageUnavailableError while the store is failing.
   */
  compactNow(): { usedBytes: number; quotaBytes: number } {
    if (this.storageFailed || this.destroyed || !this.compact()) throw new StorageUnavailableError(this.id);
    return { usedBytes: this.storedBytes, quotaBytes: this.storageQuota };
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
    const title = facts.get('title');
    const municipality = facts.get('municipality');
    const phase = workshopPhase(this.doc) ?? facts.get('phase');
    return {
      title: typeof title === 'string' ? title : undefined,
      municipality: typeof municipality === 'string' ? municipality : undefined,
      phase: typeof phase === 'number' && Number.isFinite(phase) ? phase : undefined,
      updatedAt: this.lastChangeAt,
    };
  }

  /** Adds a connection; the caller has checked storageFailed. */
  addConnection(connection: DocumentConnection): void {
    this.connections.set(connection, new Set());
    this.options.onActive(this);
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
   */
  applyUpdate(update: Uint8Array, origin: DocumentConnection): void {
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (cause) {
      throw new MalformedMessageError('Yjs could not apply the update', { cause });
    } finally {
      this.dropPending(origin);
    }
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
  flush(): boolean {
    if (this.storageFailed) this.retryStorage();
    if (this.storageFailed) return false;
    this.writeSummary();
    this.flushActivity();
    return this.compact();
  }

  /** Releases timers and the Y.Doc. The registry calls this after a successful flush. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.summaryTimer);
    clearTimeout(this.activityTimer);
    clearInterval(this.retryTimer);
    this.doc.off('update', this.onUpdate);
    this.doc.off('afterTransaction', this.onTransaction);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * Who changed what (W12): a connection's transaction that changed something is recorded as
   * activity of its party in each section it changed. Only real changes count — a reconnecting
   * client's resync of content the server already has changes nothing. Never in the way of
   * storing and relaying: a failing activity write is logged once and skipped.
   */
  private readonly onTransaction = (transaction: Y.Transaction): void => {
    const partyId = (transaction.origin as DocumentConnection | undefined)?.partyId;
    if (!partyId || !this.connections.has(transaction.origin as DocumentConnection)) return;
    const sections = changedSections(this.doc, transaction);
    if (sections.length === 0) return;
    const at = this.options.now();
    // Batched: one store write per party and section a second, not one per keystroke.
    for (const section of sections) {
      const key = `${partyId}\u0000${section}`;
      const pending = this.pendingActivity.get(key);
      if (pending) {
        pending.at = at;
        pending.edits = (pending.edits ?? 1) + 1;
      } else {
        this.pendingActivity.set(key, { caseId: this.id, partyId, section, at, edits: 1 });
      }
    }
    if (!this.activityTimer) {
      this.activityTimer = setTimeout(() => this.flushActivity(), ACTIVITY_FLUSH_MS);
      this.activityTimer.unref();
    }
  };

  /** Writes the activity recorded since the last flush (W12); a failing write is logged once and skipped. */
  flushActivity(): void {
    clearTimeout(this.activityTimer);
    this.activityTimer = undefined;
    const entries = [...this.pendingActivity.values()];
    this.pendingActivity.clear();
    try {
      for (const entry of entries) this.options.store.recordActivity(entry);
    } catch (error) {
      if (!this.activityFailed)
        this.options.log('warn', 'activity not recorded', { caseId: this.id, error: String(error) });
      this.activityFailed = true;
    }
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.lastChangeAt = this.options.now();
    // While failed, the update stays in the Y.Doc (in memory) and is written by the retry.
    if (this.storageFailed) return;
    try {
      this.options.store.appendUpdate(this.id, update);
    } catch (error) {
      this.enterStorageFailure(error);
      return;
    }
    this.storedBytes += update.length;
    this.queueStorageNotice();
    if (origin === SERVER_ORIGIN && !this.serverIdStored) this.storeServerClientId();
    this.storedSinceCompaction++;
    const message = encodeUpdate(update);
    for (const connection of this.connections.keys()) {
      if (connection !== origin) connection.send(message);
    }
    this.scheduleSummary();
    if (this.storedSinceCompaction >= this.options.compactEvery) this.queueCompaction();
  };

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

  /**
   * Keeps `workshop.storage` in step with the quota (issue 9): `warn` from the warning share,
   * `full` at the quota, removed below the warning share. Written after the current message
   * (a server change of its own, stored and relayed), and only when the level changes.
   */
  private queueStorageNotice(): void {
    // This runs for every stored update: compare with the level last read or written, and read
    // the record only the first time.
    if (this.noticeLevel === null) {
      const current = StorageNoticeSchema.safeParse(workshopMap(this.doc)?.get('storage'));
      this.noticeLevel = current.success ? current.data.level : undefined;
    }
    if (this.storageLevel() === this.noticeLevel || this.storageNoticeQueued) return;
    this.storageNoticeQueued = true;
    setImmediate(() => {
      this.storageNoticeQueued = false;
      if (this.destroyed || this.storageFailed) return;
      const level = this.storageLevel();
      if (level === this.noticeLevel) return;
      const notice: StorageNotice | undefined = level
        ? { level, usedBytes: this.storedBytes, quotaBytes: this.storageQuota }
        : undefined;
      try {
        this.changeAsServer((doc) => {
          const workshop = workshopMap(doc);
          if (!workshop) return;
          if (notice) workshop.set('storage', notice);
          else if (workshop.has('storage')) workshop.delete('storage');
        });
        this.noticeLevel = level;
      } catch (error) {
        this.options.log('warn', 'storage notice not written', { caseId: this.id, error: String(error) });
      }
    });
  }

  /** Where the case stands against its quota: `full` at it (or once an edit was refused for it), `warn` from the warning share. */
  private storageLevel(): StorageNotice['level'] | undefined {
    const share = this.storedBytes / this.storageQuota;
    if (share >= 1 || this.quotaRefused) return 'full';
    return share >= STORAGE_BOUNDS.warnShare ? 'warn' : undefined;
  }

  /** The server's own client id, stored once it has written with it (so it stays the server's). */
  private storeServerClientId(): void {
    this.serverIdStored = true;
    try {
      this.options.store.bindClientIds(this.id, [{ clientId: this.doc.clientID, partyId: SERVER_PARTY_ID }]);
    } catch (error) {
      this.options.log('warn', 'client ids not stored', { caseId: this.id, error: String(error) });
    }
  }

  private enterStorageFailure(error: unknown): void {
    this.storageError = error;
    this.options.log('error', 'storage write failed; holding the case in memory and retrying', {
      caseId: this.id,
      error,
    });
    for (const connection of [...this.connections.keys()]) {
      connection.close(CloseCode.StorageUnavailable, 'storage unavailable');
    }
    this.retryTimer = setInterval(() => this.retryStorage(), this.options.storageRetryMs);
    this.retryTimer.unref();
  }

  /** Tries to write the whole in-memory state; on success, the document accepts connections again. */
  private retryStorage(): void {
    const state = Y.encodeStateAsUpdate(this.doc);
    try {
      this.options.store.compact(this.id, state);
    } catch (error) {
      this.storageError = error;
      return;
    }
    this.storedBytes = state.length;
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
      if (!this.destroyed && !this.storageFailed) this.compact();
    });
  }

  private compact(): boolean {
    try {
      const state = Y.encodeStateAsUpdate(this.doc);
      this.options.store.compact(this.id, state);
      this.storedBytes = state.length;
      this.storedSinceCompaction = 1;
      this.quotaRefused = false;
      this.queueStorageNotice();
      return true;
    } catch (error) {
      // Not a data loss: the uncompacted log still holds every update.
      this.options.log('warn', 'compaction failed', { caseId: this.id, error });
      return false;
    }
  }

  private scheduleSummary(): void {
    this.summaryDirty = true;
    if (this.summaryTimer) return;
    this.summaryTimer = setTimeout(() => this.writeSummary(), this.options.summaryIntervalMs);
    this.summaryTimer.unref();
  }

  private writeSummary(): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
    if (!this.summaryDirty || this.destroyed) return;
    try {
      this.options.store.touchCase(this.id, this.summary());
      this.summaryDirty = false;
    } catch (error) {
      this.options.log('warn', 'could not update the case catalogue', { caseId: this.id, error });
    }
  }
}

/** The case sections (roots) a transaction changed, in SECTIONS order. */
function changedSections(doc: Y.Doc, transaction: Y.Transaction): string[] {
  const roots = new Set<unknown>();
  for (const type of transaction.changed.keys()) {
    let root = type;
    while (root._item?.parent instanceof Y.AbstractType) root = root._item.parent;
    roots.add(root);
  }
  return SECTIONS.filter((section) => {
    const root = doc.share.get(section);
    return root !== undefined && roots.has(root);
  });
}
