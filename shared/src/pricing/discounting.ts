import type { DISCOUNT_METHODS } from '../fields/choices.ts';

/** P1: the years that count, t = 0 … H−1. */
export function yearsOf(horizonYears: number): number[] {
  return Array.from({ length: Math.max(0, Math.floor(horizonYears)) }, (_, t) => t);
}

/** P2: how a case discounts — the Danish schedule or one flat rate. */
export type DiscountMethod = (typeof DISCOUNT_METHODS)[number];

/** P2: the Danish schedule's rate in year t: 3.5 % for t = 1–35, 2.5 % for t = 36–50 (none in year 0). */
export function scheduleRate(year: number): number {
  if (year <= 0) return 0;
  return year <= 35 ? 0.035 : 0.025;
}

/** What discounting needs of the pricing inputs: the method (absent = flat) and the flat rate. */
export type Discounting = { discountMethod?: DiscountMethod; discountRate?: number };

/**
 * P2: the rate r(t) used in each year t = 0 … H−1 (0 in year 0, which is undiscounted). A flat
 * case without a rate is a bug: `pricingInputFromModel` refuses it (noDiscountRate).
 */
export function yearlyRates(discounting: Discounting, horizonYears: number): number[] {
  if (discounting.discountMethod === 'schedule') return yearsOf(horizonYears).map(scheduleRate);
  const rate = discounting.discountRate;
  if (rate === undefined) throw new Error('discounting: a flat rate is needed');
  return yearsOf(horizonYears).map((t) => (t === 0 ? 0 : rate));
}

/**
 * P2: DF(0) = 1 and DF(t) = DF(t−1)/(1+r(t)); with one flat rate DF(t) = 1/(1+r)^t (computed
 * as the power, so a flat case's figures are exactly what they were).
 */
export function discountFactors(discounting: Discounting, horizonYears: number): number[] {
  if (discounting.discountMethod !== 'schedule') {
    const rate = discounting.discountRate;
    if (rate === undefined) throw new Error('discounting: a flat rate is needed');
    return yearsOf(horizonYears).map((t) => discountFactor(rate, t));
  }
  const factors: number[] = [];
  let df = 1;
  for (let t = 0; t < Math.floor(horizonYears); t++) {
    if (t > 0) df /= 1 + scheduleRate(t);
    factors.push(df);
  }
  return factors;
}

/** P2 with one flat rate: DF(t) = 1/(1+r)^t; year 0 is undiscounted. */
export function discountFactor(rate: number, year: number): number {
  return 1 / (1 + rate) ** year;
}

/** P14: Σ CF(t)·DF(t) with the case's discount factors (from `discountFactors`). */
export function discountedSum(flows: readonly number[], factors: readonly number[]): number {
  let sum = 0;
  for (let t = 0; t < flows.length; t++) sum += (flows[t] ?? 0) * (factors[t] ?? 0);
  return sum;
}

/** Σ CF(t)/(1+r)^t at one flat rate r — P15's polynomial, and P14 for a flat case. */
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
