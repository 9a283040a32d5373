import { describe, expect, it } from 'vitest';
import { GRID_SLOTS, TurnBatch, untilNextTick } from './TurnBatch.ts';

describe('TurnBatch: the writes of one turn done together, each caller its own outcome', () => {
  it('pushes of one turn reach writeAll once; a lone push is written alone', async () => {
    const calls: string[][] = [];
    const batch = new TurnBatch<string, string>(
      async (items) => {
        calls.push([...items]);
        return items.map((item) => `all:${item}`);
      },
      async (item) => {
        calls.push([`one:${item}`]);
        return `one:${item}`;
      },
    );
    expect(await Promise.all([batch.push('a'), batch.push('b'), batch.push('c')])).toEqual(['all:a', 'all:b', 'all:c']);
    expect(await batch.push('d')).toBe('one:d');
    expect(calls).toEqual([['a', 'b', 'c'], ['one:d']]);
  });

  it('an item the batch answers with an Error rejects only its caller', async () => {
    const batch = new TurnBatch<string, void>(
      async (items) => items.map((item) => (item === 'bad' ? new Error(`no ${item}`) : undefined)),
      async () => undefined,
    );
    const results = await Promise.allSettled([batch.push('good'), batch.push('bad'), batch.push('fine')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('no bad');
  });

  it('a batch that fails as a whole is tried item by item, so one item’s failure is not the others’', async () => {
    const singles: string[] = [];
    const batch = new TurnBatch<string, string>(
      async () => {
        throw new Error('the transaction failed');
      },
      async (item) => {
        singles.push(item);
        if (item === 'broken') throw new Error('broken alone');
        return item;
      },
    );
    const results = await Promise.allSettled([batch.push('x'), batch.push('broken'), batch.push('y')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(singles.sort()).toEqual(['broken', 'x', 'y']);
  });

  it('untilNextTick: the time to a key’s next moment on the grid (a whole interval on one); keys spread over the slots', () => {
    expect(untilNextTick(12_300, 5_000)).toBe(2_700);
    expect(untilNextTick(15_000, 5_000)).toBe(5_000);
    expect(untilNextTick(15_001, 5_000)).toBe(4_999);
    // One key always falls due at the same moment of the interval, whenever it asks.
    const due = (now: number, key: string) => (now + untilNextTick(now, 5_000, key)) % 5_000;
    expect(due(12_345, 'case-a')).toBe(due(98_765, 'case-a'));
    const moments = new Set(Array.from({ length: 500 }, (_, i) => due(1_000, `case-${i}`)));
    expect(moments.size).toBe(GRID_SLOTS);
  });
});
