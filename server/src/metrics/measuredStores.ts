import { WRITE_METHODS } from '../storage/FaultInjectingStores.ts';
import { STORE_NAMES, type StoreName, type Stores } from '../storage/Stores.ts';
import type { Metrics } from './Metrics.ts';

/**
 * The same stores, measured: every write that rejects counts as a store failure
 * (`caseroom_store_failures_total`), and each group commit of document updates
 * (`updates.append`) that succeeds counts its updates and its time (`caseroom_updates_total`,
 * `caseroom_commit_seconds`). A Proxy per store, so the documents, the services and the
 * stores themselves know nothing of metrics, and a method added to a store passes through.
 */
export function measuredStores(inner: Stores, metrics: Metrics): Stores {
  const wrapped = Object.fromEntries(STORE_NAMES.map((name) => [name, measure(name, inner[name], metrics)]));
  return { ...inner, ...(wrapped as Pick<Stores, StoreName>) };
}

function measure<T extends object>(name: StoreName, store: T, metrics: Metrics): T {
  const writes = new Set(WRITE_METHODS[name]);
  return new Proxy(store, {
    get: (target, property, receiver) => {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || !writes.has(property)) return value;
      const isCommit = name === 'updates' && property === 'append';
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          const result = await value.apply(target, args);
          if (isCommit) metrics.committed((args[1] as readonly unknown[]).length, (performance.now() - started) / 1000);
          return result;
        } catch (error) {
          metrics.storeFailed();
          throw error;
        }
      };
    },
  });
}
