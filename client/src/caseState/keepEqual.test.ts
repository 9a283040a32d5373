import { describe, expect, it } from 'vitest';
import { keepEqual } from './keepEqual.ts';

describe('keepEqual: structural sharing of re-read records', () => {
  it('returns the previous value itself when nothing changed', () => {
    const previous = { phase: 1, locks: { a: { by: 'x' } }, list: [1, 2] };
    expect(keepEqual(previous, { phase: 1, locks: { a: { by: 'x' } }, list: [1, 2] })).toBe(previous);
  });

  it('keeps unchanged parts and replaces the changed ones', () => {
    const previous = { phase: 1, locks: { a: { by: 'x' } }, votes: { v: { open: true } } };
    const next = keepEqual(previous, { phase: 1, locks: { a: { by: 'x' } }, votes: { v: { open: false } } });
    expect(next).not.toBe(previous);
    expect(next.locks).toBe(previous.locks);
    expect(next.votes).toEqual({ v: { open: false } });
  });

  it('tells added, removed and reordered entries from equal ones', () => {
    const previous: Record<string, number> = { a: 1 };
    expect(keepEqual(previous, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(keepEqual({ a: 1, b: undefined } as Record<string, unknown>, { a: 1, c: undefined })).toEqual({
      a: 1,
      c: undefined,
    });
    const list = [{ id: 1 }, { id: 2 }];
    const swapped = keepEqual(list, [{ id: 2 }, { id: 1 }]);
    expect(swapped).not.toBe(list);
    expect(keepEqual(list, [{ id: 1 }])).toEqual([{ id: 1 }]);
    expect(keepEqual(list, [{ id: 1 }])[0]).toBe(list[0]);
  });
});
