import { describe, expect, it } from 'vitest';
import { type ShownVersion, ShownVersionCache } from './ShownVersionCache.ts';

function shown(title: string): ShownVersion {
  return {
    version: { source: 'current', agreed: false, contentHash: title },
    title,
    municipality: undefined,
    phase: undefined,
    assessment: { figures: null, notPriced: 'noHorizon', findings: { errors: 0, warnings: 0 }, readyThroughPhase: 0 },
  };
}

describe('ShownVersionCache', () => {
  it('returns an entry only at the revision it was decoded at; a newer one replaces it', () => {
    const cache = new ShownVersionCache(10);
    cache.set('a', 'r1', shown('one'));
    expect(cache.get('a', 'r1')?.title).toBe('one');
    expect(cache.get('a', 'r2')).toBeUndefined();
    expect(cache.get('b', 'r1')).toBeUndefined();
    cache.set('a', 'r2', shown('two'));
    expect(cache.get('a', 'r1')).toBeUndefined();
    expect(cache.get('a', 'r2')?.title).toBe('two');
    expect(cache.size).toBe(1);
  });

  it('holds at most its capacity, evicting the least recently used', () => {
    const cache = new ShownVersionCache(2);
    cache.set('a', 'r', shown('a'));
    cache.set('b', 'r', shown('b'));
    expect(cache.get('a', 'r')).toBeDefined(); // a is now the most recently used
    cache.set('c', 'r', shown('c'));
    expect(cache.size).toBe(2);
    expect(cache.get('b', 'r')).toBeUndefined();
    expect(cache.get('a', 'r')).toBeDefined();
    expect(cache.get('c', 'r')).toBeDefined();
  });

  it('drops the cases that no longer exist', () => {
    const cache = new ShownVersionCache(10);
    for (const id of ['a', 'b', 'c']) cache.set(id, 'r', shown(id));
    cache.retainOnly(new Set(['b']));
    expect(cache.size).toBe(1);
    expect(cache.get('b', 'r')).toBeDefined();
  });
});
