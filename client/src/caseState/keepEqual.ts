/**
 * `next`, with every part that equals the same part of `previous` replaced by the previous
 * object itself — structural sharing, as TanStack Query's `replaceEqualDeep`. A store fed from
 * the document re-reads a record when it changes and keeps what did not change, so a selector
 * over an untouched part returns the same object and its component does not re-render. The
 * walk compares values in place (no strings built); records here are plain JSON.
 */
export function keepEqual<T>(previous: T, next: T): T {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const shared = next.map((item, index) => {
      const kept = keepEqual(previous[index], item);
      if (kept !== previous[index]) same = false;
      return kept;
    });
    return (same ? previous : shared) as T;
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    const shared: Record<string, unknown> = {};
    for (const key of keys) {
      const kept = keepEqual(previous[key], next[key]);
      if (kept !== previous[key] || !Object.hasOwn(previous, key)) same = false;
      shared[key] = kept;
    }
    return (same ? previous : shared) as T;
  }
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
