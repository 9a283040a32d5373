/** P1: the years that count, t = 0 … H−1. */
export function yearsOf(horizonYears: number): number[] {
  return Array.from({ length: Math.max(0, Math.floor(horizonYears)) }, (_, t) => t);
}

/** P2: DF(t) = 1/(1+r)^t; year 0 is undiscounted. */
export function discountFactor(rate: number, year: number): number {
  return 1 / (1 + rate) ** year;
}

/** P14: Σ CF(t)·DF(t). */
export function presentValue(flows: readonly number[], rate: number): number {
  let sum = 0;
  for (let t = 0; t < flows.length; t++) sum += (flows[t] ?? 0) * discountFactor(rate, t);
  return sum;
}

/** A zero-filled yearly series for H years. */
export function zeros(horizonYears: number): number[] {
  return new Array<number>(Math.max(0, Math.floor(horizonYears))).fill(0);
}

/** Adds `amount` to year `year` of a series if the year is inside the horizon (P1). */
export function addInYear(series: number[], year: number, amount: number): void {
  if (year >= 0 && year < series.length) series[year] = (series[year] ?? 0) + amount;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
