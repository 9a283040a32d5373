import { STORE_NAMES, type StoreName, type Stores } from './Stores.ts';

/** Thrown by FaultInjectingStores while writes are set to fail. */
export class InjectedStorageFault extends Error {
  constructor(operation: string) {
    super(`injected storage fault in ${operation} (as if the disk were full)`);
    this.name = 'InjectedStorageFault';
  }
}

/** The methods of each store that write (the rest read and keep working). */
export const WRITE_METHODS: Record<StoreName, readonly string[]> = {
  cases: ['create', 'touch', 'setArchived', 'delete'],
  updates: ['append', 'compact'],
  access: ['addParty', 'replaceToken', 'setPartyExpiry', 'endParty'],
  ballots: ['put'],
  snapshots: ['add'],
  activity: ['record', 'recordAll'],
  clientIds: ['bind', 'forget'],
  organisations: ['create', 'replaceKey', 'addMember', 'revokeMember', 'setRetention'],
  owners: ['acquire', 'renew', 'release'],
  library: ['add', 'revise', 'seed'],
};

/**
 * Wraps any `Stores` and makes its writes fail on demand, as a full or read-only disk would:
 * for testing the storage-failure path. Every store is wrapped by a Proxy, so a method added
 * to a store is passed through with no change here; reads keep working.
 */
export class FaultInjectingStores {
  /** While true, every write (or those `failing` picks) rejects with InjectedStorageFault and changes nothing. */
  failWrites = false;
  /** Which writes fail while `failWrites` is on (default: all). */
  failing: (store: StoreName, method: string) => boolean = () => true;
  /** Number of writes refused so far. */
  refusedWrites = 0;
  /** The wrapped stores, to hand to the server. */
  readonly stores: Stores;

  constructor(readonly inner: Stores) {
    const wrapped = Object.fromEntries(STORE_NAMES.map((name) => [name, this.wrap(name, inner[name])]));
    this.stores = {
      ...(wrapped as Pick<Stores, StoreName>),
      engine: inner.engine,
      tablesContaining: (text) => inner.tablesContaining(text),
      close: () => inner.close(),
    };
  }

  private wrap<T extends object>(name: StoreName, store: T): T {
    const writes = new Set(WRITE_METHODS[name]);
    return new Proxy(store, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) => {
          if (writes.has(property) && this.failWrites && this.failing(name, property)) {
            this.refusedWrites++;
            return Promise.reject(new InjectedStorageFault(`${name}.${property}`));
          }
          return value.apply(target, args);
        };
      },
    });
  }
}
