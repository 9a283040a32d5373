/**
 * Mulberry32: a small, fast, seeded 32-bit generator. Named and fixed so that the browser, the
 * CLI and the exports draw the same numbers for the same seed (P18). Not for cryptography.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draw from the triangular distribution (low, mode, high) by the inverse CDF. */
export function triangular(u: number, low: number, mode: number, high: number): number {
  const a = Math.min(low, mode);
  const b = Math.max(high, mode);
  if (b === a) return mode;
  const c = (mode - a) / (b - a);
  return u < c ? a + Math.sqrt(u * (b - a) * (mode - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - mode));
}

/** The p-th percentile (0–100) of sorted values, linearly interpolated (Excel PERCENTILE.INC). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] as number;
  return low + ((sorted[upper] as number) - low) * (rank - lower);
}
