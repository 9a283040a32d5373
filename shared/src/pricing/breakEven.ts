/**
 * P16: the first year from which the cumulative discounted net stays ≥ 0 to the horizon;
 * undefined when it is negative in the last year (H−1).
 */
export function breakEvenYear(cumulativeDiscounted: readonly number[]): number | undefined {
  const last = cumulativeDiscounted.length - 1;
  if (last < 0 || (cumulativeDiscounted[last] ?? 0) < 0) return undefined;
  let year = last;
  while (year > 0 && (cumulativeDiscounted[year - 1] ?? 0) >= 0) year--;
  return year;
}
