import { CloseCode } from '@caseroom/shared';
import type { CaseOwnership } from '../cluster/CaseOwnership.ts';
import type { Log } from '../log.ts';
import type { Stores } from '../storage/Stores.ts';
import { CaseDocument, type CaseDocumentOptions } from './CaseDocument.ts';

/** Tuning of the registry and the documents it loads. */
export type DocumentRegistryOptions = {
  stores: Stores;
  log: Log;
  now?: () => number;
  /** How long a document with no connections stays loaded. */
  unloadGraceMs?: number;
  compactEvery?: number;
  storageRetryMs?: number;
  summaryIntervalMs?: number;
  /** Stored bytes a case may hold (issue 9); default STORAGE_BOUNDS.caseQuotaBytes. */
  caseQuotaBytes?: number;
  /**
   * In a cluster (issue 14): a case is loaded only while this process holds its lease, released
   * when it unloads, and dropped at once when the lease is lost.
   */
  ownership?: CaseOwnership;
};

/** Thrown by `open` in a cluster when another process owns the case (the caller tunnels or forwards). */
export class NotCaseOwnerError extends Error {
  constructor(
    readonly caseId: string,
    readonly ownerId: string,
  ) {
    super(`Case ${caseId} is owned by process ${ownerId}`);
    this.name = 'NotCaseOwnerError';
  }
}

/** Defaults for DocumentRegistryOptions. */
export const REGISTRY_DEFAULTS = {
  unloadGraceMs: 30_000,
  compactEvery: 500,
  storageRetryMs: 2_000,
  // The start page reads a loaded case from its live document; the catalogue row is for the
  // rest (other processes, unloaded cases): every 10 s is enough, and each write costs a commit.
  summaryIntervalMs: 10_000,
} as const;

/**
 * The loaded case documents, by case id. Concurrent opens of the same case share one load
 * through a Map<id, Promise<CaseDocument>> (so two connections arriving at once get the same
 * instance). A document nobody is connected to is flushed and unloaded after a grace period;
 * one whose storage failed stays in memory until it has been written.
 */
export class DocumentRegistry {
  private readonly documents = new Map<string, Promise<CaseDocument>>();
  private readonly loaded = new Map<string, CaseDocument>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly documentOptions: CaseDocumentOptions;
  private readonly unloadGraceMs: number;
  private closed = false;

  constructor(private readonly options: DocumentRegistryOptions) {
    this.unloadGraceMs = options.unloadGraceMs ?? REGISTRY_DEFAULTS.unloadGraceMs;
    this.documentOptions = {
      stores: options.stores,
      log: options.log,
      now: options.now ?? Date.now,
      compactEvery: options.compactEvery ?? REGISTRY_DEFAULTS.compactEvery,
      storageRetryMs: options.storageRetryMs ?? REGISTRY_DEFAULTS.storageRetryMs,
      summaryIntervalMs: options.summaryIntervalMs ?? REGISTRY_DEFAULTS.summaryIntervalMs,
      quotaBytes: options.caseQuotaBytes,
      onIdle: (document) => this.scheduleUnload(document),
      onActive: (document) => this.cancelUnload(document.id),
    };
    options.ownership?.onLost((caseId) => void this.drop(caseId));
  }

  /**
   * The live document of a case, loading it if needed. Resolves to undefined if the case does
   * not exist; rejects if the store cannot be read.
   */
  open(id: string): Promise<CaseDocument | undefined> {
    if (this.closed) return Promise.reject(new Error('The document registry is closed'));
    const existing = this.documents.get(id);
    if (existing) return existing;
    const loading = this.load(id);
    this.documents.set(id, loading as Promise<CaseDocument>);
    // A failed load, or a case that does not exist, is forgotten: the next open asks again.
    loading.then(
      (document) => {
        if (!document && this.documents.get(id) === loading) this.documents.delete(id);
      },
      () => {
        if (this.documents.get(id) === loading) this.documents.delete(id);
      },
    );
    return loading;
  }

  /** The document if it is loaded now (no load). */
  get(id: string): CaseDocument | undefined {
    return this.loaded.get(id);
  }

  /** Every loaded document. */
  loadedDocuments(): CaseDocument[] {
    return [...this.loaded.values()];
  }

  /** Flushes and unloads every document (idempotent). Documents whose store fails are logged. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    // Loads still under way finish first, so nothing they write is cut off.
    await Promise.allSettled(this.documents.values());
    for (const document of this.loaded.values()) {
      if (!(await document.flush())) {
        this.options.log('error', 'shutting down with changes that could not be stored', { caseId: document.id });
      }
      document.destroy();
    }
    this.loaded.clear();
    this.documents.clear();
  }

  private async load(id: string): Promise<CaseDocument | undefined> {
    const { ownership } = this.options;
    if (ownership) {
      const route = await ownership.route(id);
      if (!route) return undefined;
      if (route.owner === 'remote') throw new NotCaseOwnerError(id, route.ownerId);
    }
    const document = await CaseDocument.load(id, this.documentOptions);
    if (!document) {
      await ownership?.release(id);
      return undefined;
    }
    this.loaded.set(id, document);
    // Nobody may ever connect (a socket closed while loading, or a REST read): unload it later.
    this.scheduleUnload(document);
    return document;
  }

  private scheduleUnload(document: CaseDocument): void {
    if (this.closed) return;
    this.cancelUnload(document.id);
    const timer = setTimeout(() => void this.unload(document), this.unloadGraceMs);
    timer.unref();
    this.unloadTimers.set(document.id, timer);
  }

  private cancelUnload(id: string): void {
    clearTimeout(this.unloadTimers.get(id));
    this.unloadTimers.delete(id);
  }

  private async unload(document: CaseDocument): Promise<void> {
    this.unloadTimers.delete(document.id);
    if (document.connectionCount > 0 || this.loaded.get(document.id) !== document) return;
    // A document whose store refuses stays loaded (nothing accepted is ever dropped); try again later.
    const flushed = await document.flush();
    // Someone connected (or the registry closed) while it was being written: keep it.
    if (this.closed || document.connectionCount > 0 || this.loaded.get(document.id) !== document) return;
    if (!flushed) {
      this.scheduleUnload(document);
      return;
    }
    this.loaded.delete(document.id);
    this.documents.delete(document.id);
    document.destroy();
    await this.options.ownership?.release(document.id);
    this.options.log('info', 'case unloaded', { caseId: document.id });
  }

  /**
   * Issue 15: takes a case's document out of use at once — an archived or deleted case. Its
   * connections are closed with `code` (the client says why), what it accepted is written (so
   * nothing is in flight when a deletion follows), and it is dropped; the next open loads it
   * afresh. No-op when it is not loaded here.
   */
  async discard(caseId: string, code: number, reason: string): Promise<void> {
    const document = this.loaded.get(caseId) ?? (await this.documents.get(caseId)?.catch(() => undefined));
    if (!document) return;
    this.cancelUnload(caseId);
    this.loaded.delete(caseId);
    this.documents.delete(caseId);
    document.closeConnections(code, reason);
    await document.flush();
    document.destroy();
    await this.options.ownership?.release(caseId);
  }

  /**
   * The case's lease was lost (another process took it over): the document goes at once — its
   * connections are told to reconnect (1012), and they reach the new owner. What it accepted was
   * committed before it was relayed; a compaction of what it holds is harmless (rows it did not
   * read are merged, never deleted).
   */
  private async drop(caseId: string): Promise<void> {
    const document = this.loaded.get(caseId);
    if (!document) return;
    this.cancelUnload(caseId);
    this.loaded.delete(caseId);
    this.documents.delete(caseId);
    document.closeConnections(CloseCode.ServiceRestart, 'case moved to another server');
    await document.flush();
    document.destroy();
  }
}
