import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCase } from '../storage/contracts/contractFixtures.ts';
import { FaultInjectingStores } from '../storage/FaultInjectingStores.ts';
import type { Stores } from '../storage/Stores.ts';
import { openSqliteStores } from '../storage/sqliteStores.ts';
import { Metrics } from './Metrics.ts';
import { measuredStores } from './measuredStores.ts';

/** The one value of an unlabelled sample. */
async function value(metrics: Metrics, name: string): Promise<number> {
  const line = (await metrics.text()).split('\n').find((sample) => sample.startsWith(`${name} `));
  if (!line) throw new Error(`no sample ${name}`);
  return Number(line.split(' ')[1]);
}

/** One small Yjs update. */
function anUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('facts').set('title', text);
  return Y.encodeStateAsUpdate(doc);
}

describe('measuredStores', () => {
  const opened: Stores[] = [];
  afterEach(async () => {
    for (const stores of opened.splice(0)) await stores.close();
  });

  async function open(): Promise<{ faults: FaultInjectingStores; metrics: Metrics; stores: Stores }> {
    const faults = new FaultInjectingStores(await openSqliteStores(':memory:'));
    const metrics = new Metrics();
    const stores = measuredStores(faults.stores, metrics);
    opened.push(stores);
    return { faults, metrics, stores };
  }

  it('counts the updates of each group commit and its time, and passes reads and the rest through', async () => {
    const { metrics, stores, faults } = await open();
    expect(stores.engine).toBe(faults.stores.engine);
    await createCase(stores);
    await stores.updates.append('case-1', [anUpdate('a'), anUpdate('b'), anUpdate('c')]);
    await stores.updates.append('case-1', [anUpdate('d')]);
    expect(await stores.updates.load('case-1')).toHaveLength(5);
    expect(await value(metrics, 'caseroom_updates_total')).toBe(4);
    expect(await value(metrics, 'caseroom_commit_seconds_count')).toBe(2);
    expect(await value(metrics, 'caseroom_commit_seconds_sum')).toBeGreaterThan(0);
    expect(await value(metrics, 'caseroom_store_failures_total')).toBe(0);
  });

  it('counts every write that fails, of any store, and rethrows it', async () => {
    const { metrics, stores, faults } = await open();
    await createCase(stores);
    faults.failWrites = true;
    await expect(stores.updates.append('case-1', [anUpdate('a')])).rejects.toThrow(/injected/);
    await expect(
      stores.cases.touch('case-1', { title: 'x', municipality: '', phase: 1, updatedAt: 5 }),
    ).rejects.toThrow(/injected/);
    expect(await value(metrics, 'caseroom_store_failures_total')).toBe(2);
    expect(await value(metrics, 'caseroom_updates_total')).toBe(0);
    // A read still works while writes fail, and is not counted.
    expect(await stores.updates.load('case-1')).toHaveLength(1);
    expect(await value(metrics, 'caseroom_store_failures_total')).toBe(2);
  });
});
