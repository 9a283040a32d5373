/** "median … · p95 … · max … ms (n=…)" of a benchmark's samples in milliseconds. */
export function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} · p95 ${at(0.95).toFixed(1)} · max ${sorted.at(-1)!.toFixed(1)} ms (n=${sorted.length})`;
}

/** The p-th percentile (0–100) of ascending samples, nearest rank; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
