import type { Log } from '../log.ts';
import { type ClientIdBinding, SERVER_PARTY_ID } from '../storage/ClientIdStore.ts';
import type { Stores } from '../storage/Stores.ts';

/**
 * Which party each Yjs client id of one case belongs to (issue 9: nobody writes or speaks
 * under another party's client id). Read from the store when the case loads and kept in memory;
 * a new binding is written through (in the background: the binding holds in memory at once). The server's own client id is bound to SERVER_PARTY_ID.
 */
export class ClientIdBindings {
  private readonly owners: Map<number, string>;
  private serverIdStored = false;

  constructor(
    private readonly caseId: string,
    private readonly serverClientId: number,
    /** The bindings stored when the case loaded. */
    stored: Map<number, string>,
    private readonly options: { stores: Stores; log: Log },
  ) {
    this.owners = new Map(stored);
    // The server writes under a fresh client id each time it loads the case: nobody else may use it.
    this.owners.set(serverClientId, SERVER_PARTY_ID);
  }

  /** The party a client id is bound to (SERVER_PARTY_ID for the server's), or undefined. */
  owner(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  /**
   * Binds client ids nobody has used yet to a party, in memory and in the store. A failing
   * store write is logged; the binding holds in memory for as long as the case is loaded.
   */
  bind(clientIds: readonly number[], partyId: string): void {
    const fresh = clientIds.filter((clientId) => !this.owners.has(clientId));
    if (fresh.length === 0) return;
    for (const clientId of fresh) this.owners.set(clientId, partyId);
    this.write(
      fresh.map((clientId) => ({ clientId, partyId })),
      partyId,
    );
  }

  /**
   * The server has stored a change under its own client id: bind that id in the store too (once),
   * so it stays the server's after a restart.
   */
  serverWrote(): void {
    if (this.serverIdStored) return;
    this.serverIdStored = true;
    this.write([{ clientId: this.serverClientId, partyId: SERVER_PARTY_ID }], SERVER_PARTY_ID);
  }

  private write(bindings: ClientIdBinding[], partyId: string): void {
    this.options.stores.clientIds.bind(this.caseId, bindings).catch((error: unknown) => {
      this.options.log('warn', 'client ids not stored', { caseId: this.caseId, partyId, error: String(error) });
    });
  }
}
