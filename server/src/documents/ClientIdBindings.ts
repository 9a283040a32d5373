import * as Y from 'yjs';
import type { Log } from '../log.ts';
import { type BoundClientId, type ClientIdBinding, SERVER_PARTY_ID } from '../storage/ClientIdStore.ts';
import type { Stores } from '../storage/Stores.ts';
import { MAX_UNWRITTEN_CLIENT_IDS, unusedClientIds } from './unusedClientIds.ts';

/** What ClientIdBindings needs from its case: the store, the log, the clock, who is present now. */
export type ClientIdBindingsOptions = {
  stores: Stores;
  log: Log;
  now: () => number;
  /** Whether a client id has a presence state now (its connection is open): never forgotten then. */
  isPresent: (clientId: number) => boolean;
};

/**
 * Which party each Yjs client id of one case belongs to (issue 9: nobody writes or speaks
 * under another party's client id). Read from the store when the case loads and kept in memory;
 * a new binding is written through (in the background: the binding holds in memory at once). The
 * server's own client id is bound to SERVER_PARTY_ID.
 *
 * Bounded (issue 9: every list has a bound): at load, the bindings `unusedClientIds` picks are
 * left out and `forgetUnused` deletes them from the store; while loaded, ids that never wrote are
 * kept to MAX_UNWRITTEN_CLIENT_IDS, the oldest bound (not present) forgotten first. Store writes
 * run one after another, so a forget never overtakes a later bind of the same id.
 */
export class ClientIdBindings {
  private readonly owners = new Map<number, string>();
  /** Bound ids without structs when last looked at, oldest bound first: the ones that may be forgotten. */
  private readonly unwritten = new Set<number>();
  /** Forgotten at load, not yet deleted from the store. */
  private forgottenAtLoad: number[];
  private serverIdStored = false;
  /** The tail of this case's binding writes. */
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly caseId: string,
    private readonly doc: Y.Doc,
    /** The bindings stored when the case loaded (the document holds the stored updates already). */
    stored: readonly BoundClientId[],
    private readonly options: ClientIdBindingsOptions,
  ) {
    const { kept, forgotten } = unusedClientIds(stored, (clientId) => this.hasWritten(clientId), options.now());
    this.forgottenAtLoad = forgotten;
    for (const { clientId, partyId } of [...kept].sort((a, b) => a.boundAt - b.boundAt)) {
      this.owners.set(clientId, partyId);
      if (partyId !== SERVER_PARTY_ID && !this.hasWritten(clientId)) this.unwritten.add(clientId);
    }
    // The server writes under a fresh client id each time it loads the case: nobody else may use it.
    this.owners.set(doc.clientID, SERVER_PARTY_ID);
  }

  /** The party a client id is bound to (SERVER_PARTY_ID for the server's), or undefined. */
  owner(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  /**
   * Deletes from the store the bindings left out at load (`unusedClientIds`). A failing store is
   * logged, not thrown: they are left out in memory all the same, and tried again at the next load.
   */
  forgetUnused(): Promise<void> {
    const forgotten = this.forgottenAtLoad;
    this.forgottenAtLoad = [];
    if (forgotten.length === 0) return this.written();
    this.options.log('info', 'unused client ids forgotten', { caseId: this.caseId, count: forgotten.length });
    return this.forget(forgotten);
  }

  /**
   * Binds client ids nobody has used yet to a party, in memory and in the store. A failing
   * store write is logged; the binding holds in memory for as long as the case is loaded.
   */
  bind(clientIds: readonly number[], partyId: string): void {
    const fresh = clientIds.filter((clientId) => !this.owners.has(clientId));
    if (fresh.length === 0) return;
    for (const clientId of fresh) {
      this.owners.set(clientId, partyId);
      if (!this.hasWritten(clientId)) this.unwritten.add(clientId);
    }
    this.write(
      fresh.map((clientId) => ({ clientId, partyId })),
      partyId,
    );
    if (this.unwritten.size > MAX_UNWRITTEN_CLIENT_IDS) this.forgetOldestUnwritten();
  }

  /**
   * The server has stored a change under its own client id: bind that id in the store too (once),
   * so it stays the server's after a restart.
   */
  serverWrote(): void {
    if (this.serverIdStored) return;
    this.serverIdStored = true;
    this.write([{ clientId: this.doc.clientID, partyId: SERVER_PARTY_ID }], SERVER_PARTY_ID);
  }

  /** Resolves once the store writes asked for so far are done (or failed and were logged). */
  written(): Promise<void> {
    return this.writes;
  }

  private hasWritten(clientId: number): boolean {
    return Y.getState(this.doc.store, clientId) > 0;
  }

  /** Over the bound while loaded: forgets the oldest bound ids that still have no structs and nobody presents. */
  private forgetOldestUnwritten(): void {
    const forgotten: number[] = [];
    for (const clientId of this.unwritten) {
      if (this.unwritten.size <= MAX_UNWRITTEN_CLIENT_IDS) break;
      if (this.hasWritten(clientId)) {
        this.unwritten.delete(clientId);
      } else if (!this.options.isPresent(clientId)) {
        this.unwritten.delete(clientId);
        this.owners.delete(clientId);
        forgotten.push(clientId);
      }
    }
    if (forgotten.length > 0) void this.forget(forgotten);
  }

  private write(bindings: ClientIdBinding[], partyId: string): void {
    const boundAt = this.options.now();
    void this.serially(
      () => this.options.stores.clientIds.bind(this.caseId, bindings, boundAt),
      'client ids not stored',
      { partyId },
    );
  }

  private forget(clientIds: number[]): Promise<void> {
    return this.serially(
      () => this.options.stores.clientIds.forget(this.caseId, clientIds),
      'client ids not forgotten',
      {
        count: clientIds.length,
      },
    );
  }

  /** Runs a store write after the earlier ones; a failure is logged, and the next write still runs. */
  private serially(write: () => Promise<void>, failure: string, fields: Record<string, unknown>): Promise<void> {
    this.writes = this.writes.then(write).catch((error: unknown) => {
      this.options.log('warn', failure, { caseId: this.caseId, ...fields, error: String(error) });
    });
    return this.writes;
  }
}
