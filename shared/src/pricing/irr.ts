import {
  coefficientSignChanges,
  distinctPositiveRoots,
  distinctRootsIn,
  type IntegerPolynomial,
  type Rational,
  rootsInOpenInterval,
  signAt,
  sturmSequence,
  trimmed,
} from './sturm.ts';

/**
 * Why an investor's cash flows have no IRR (P15): `noRoot` — no rate above −100 % gives NPV 0;
 * `rootOutsideRange` — only rates outside [−99 %, 1000 %] do; `severalRoots` — more than one
 * rate inside the range does.
 */
export const NO_IRR_REASONS = [
  'noInvestment',
  'noReturnFlow',
  'noRoot',
  'rootOutsideRange',
  'severalRoots',
  'notComputed',
] as const;
export type NoIrrReason = (typeof NO_IRR_REASONS)[number];

export type IrrResult = { ok: true; rate: number } | { ok: false; reason: NoIrrReason };

/** P15's range for the IRR. */
export const IRR_MIN = -0.99;
export const IRR_MAX = 10;

/** P15's accuracy: |IRR − root| ≤ 10⁻¹²·(1 + |root|). */
const RELATIVE_TOLERANCE = 1e-12;
const ZERO_BAND = RELATIVE_TOLERANCE / 2;
/** Descartes transforms tried before a Sturm sequence (each ≈ 0.2 ms at 50 years). */
const DESCARTES_BUDGET = 10;

// The range in v = 1/(1+x), exactly: x = 1000 % is v = 1/11, x = −99 % is v = 100.
const V_AT_MAX: Rational = { num: 1n, den: 11n };
const V_AT_MIN: Rational = { num: 100n, den: 1n };

/**
 * P15: the rate x in [−99 %, 1000 %] with Σ CF(t)/(1+x)^t = 0 (year 0 undiscounted).
 *
 * The NPV is the polynomial P(v) = Σ CF(t)·vᵗ in v = 1/(1+x), and the flows are exact binary
 * fractions, so P has (after scaling) integer coefficients and its roots can be counted exactly
 * (sturm.ts): distinct roots, so a double root is one root and roots 10⁻⁶ apart are two. Only
 * v > 0 (rates above −100 %) are rates of return. One root in the range → the IRR, refined until
 * it is certain to 10⁻¹²·(1+|x|); none → `noRoot`, or `rootOutsideRange` when a rate outside
 * the range has NPV 0; more than one → `severalRoots`. Never NaN, never a spurious root.
 */
export function irr(flows: readonly number[]): IrrResult {
  const hasOutflow = flows.some((cf) => cf < 0);
  const hasInflow = flows.some((cf) => cf > 0);
  if (!hasOutflow) return { ok: false, reason: 'noInvestment' };
  if (!hasInflow) return { ok: false, reason: 'noReturnFlow' };
  return irrOfPolynomial(integerCoefficients(flows), flows);
}

/**
 * P15 on cash flows given as the integer polynomial P(v) = Σ cₜ·vᵗ (cₜ = the flow of year t, up to
 * a positive common factor). With `flows` (the same flows as numbers), the refinement starts in
 * floating point and is then certified exactly; without, it is exact throughout.
 */
export function irrOfPolynomial(coefficients: IntegerPolynomial, flows?: readonly number[]): IrrResult {
  // Zero flows in the first years make v = 0 (a rate of +∞) a root: divide it out.
  const firstNonZero = coefficients.findIndex((c) => c !== 0n);
  if (firstNonZero < 0) return { ok: false, reason: 'noInvestment' };
  const p = trimmed(coefficients.slice(firstNonZero));
  const changes = coefficientSignChanges(p);
  if (changes === 0) return { ok: false, reason: 'noRoot' };

  const atMin = signAt(p, V_AT_MIN);
  const atMax = signAt(p, V_AT_MAX);
  if (changes === 1) {
    // Descartes: exactly one positive root, and a simple one — no Sturm sequence needed.
    if (atMin !== 0 && atMin === atMax) return { ok: false, reason: 'rootOutsideRange' };
    return { ok: true, rate: refine(p, atMin, atMax, flows) };
  }

  if (atMin !== 0 && atMax !== 0) {
    // Descartes on pieces of the range usually settles it with a few Taylor shifts, far cheaper
    // than a Sturm sequence: no root inside, exactly one (simple), or two in separate pieces.
    // Close, repeated or nearly-real complex roots exhaust the budget: then Sturm decides.
    const inRange = rootsInOpenInterval(p, V_AT_MAX, V_AT_MIN, DESCARTES_BUDGET);
    if (inRange === 2) return { ok: false, reason: 'severalRoots' };
    if (inRange === 1) return { ok: true, rate: refine(p, atMin, atMax, flows) };
    // No root inside; an odd number of sign changes means a positive root, outside the range.
    if (inRange === 0 && changes % 2 === 1) return { ok: false, reason: 'rootOutsideRange' };
  }

  const sequence = sturmSequence(p);
  const inside = distinctRootsIn(sequence, V_AT_MAX, V_AT_MIN);
  if (inside > 1) return { ok: false, reason: 'severalRoots' };
  if (inside === 0) {
    return { ok: false, reason: distinctPositiveRoots(sequence) > 0 ? 'rootOutsideRange' : 'noRoot' };
  }
  // One distinct root (possibly a repeated one, where P touches 0 without changing sign): it
  // is a simple root of the square-free part, which changes sign there.
  const squareFree = sequence.squareFree;
  const sameAsP = squareFree.length === p.length;
  return {
    ok: true,
    rate: refine(squareFree, signAt(squareFree, V_AT_MIN), signAt(squareFree, V_AT_MAX), sameAsP ? flows : undefined),
  };
}

/**
 * The unique root x of q in [IRR_MIN, IRR_MAX], q changing sign there (signs at the ends exact).
 * `flows`, when given, are q's coefficients as numbers (up to a positive factor).
 */
function refine(q: IntegerPolynomial, signAtMin: number, signAtMax: number, flows?: readonly number[]): number {
  if (signAtMin === 0) return IRR_MIN;
  if (signAtMax === 0) return IRR_MAX;
  if (flows !== undefined) {
    const guess = bisectInFloatingPoint(flows, signAtMin);
    if (Math.abs(guess) <= RELATIVE_TOLERANCE && rootNearZero(q)) return 0;
    const certain = certify(q, guess, signAtMin);
    if (certain !== undefined) return certain;
  }
  if (rootNearZero(q)) return 0;
  return bisectExactly(q, signAtMin);
}

/**
 * Whether the root lies within half of P15's tolerance of 0. Getting the capital back exactly,
 * up to the flows' rounding, then gives an IRR of 0 rather than ±10⁻¹⁷ — within P15's tolerance
 * either way, but "0 %" is what it is, and its sign does not flicker.
 */
function rootNearZero(q: IntegerPolynomial): boolean {
  const below = exactSignAtRate(q, -ZERO_BAND);
  const above = exactSignAtRate(q, ZERO_BAND);
  return below === 0 || above === 0 || below !== above;
}

/** The NPV at rate x in floating point (fast, but its sign is not trusted near a root). */
function npvAt(flows: readonly number[], rate: number): number {
  let value = 0;
  let factor = 1;
  const step = 1 / (1 + rate);
  for (let t = 0; t < flows.length; t++) {
    value += (flows[t] ?? 0) * factor;
    factor *= step;
  }
  return value;
}

function bisectInFloatingPoint(flows: readonly number[], signAtMin: number): number {
  let low = IRR_MIN;
  let high = IRR_MAX;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (mid <= low || mid >= high) break;
    const s = Math.sign(npvAt(flows, mid));
    if (s === 0) return mid;
    if (s === signAtMin) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** `guess` when an exact sign change of q lies within half of P15's tolerance of it; else undefined. */
function certify(q: IntegerPolynomial, guess: number, signAtMin: number): number | undefined {
  const halfWidth = (RELATIVE_TOLERANCE / 2) * (1 + Math.abs(guess));
  const low = Math.max(IRR_MIN, guess - halfWidth);
  const high = Math.min(IRR_MAX, guess + halfWidth);
  const atLow = low === IRR_MIN ? signAtMin : exactSignAtRate(q, low);
  if (atLow === 0) return low;
  const atHigh = high === IRR_MAX ? -signAtMin : exactSignAtRate(q, high);
  if (atHigh === 0) return high;
  return atLow === signAtMin && atHigh !== signAtMin ? guess : undefined;
}

/** Bisection over the floating-point rates with every sign exact: slow, but it cannot be misled. */
function bisectExactly(q: IntegerPolynomial, signAtMin: number): number {
  let low = IRR_MIN;
  let high = IRR_MAX;
  for (;;) {
    const mid = (low + high) / 2;
    // Stop when the midpoint is within half of P15's tolerance of every point of the bracket.
    const nearestToZero = low <= 0 && high >= 0 ? 0 : Math.min(Math.abs(low), Math.abs(high));
    if (high - low <= RELATIVE_TOLERANCE * (1 + nearestToZero) || mid <= low || mid >= high) return mid;
    const s = exactSignAtRate(q, mid);
    if (s === 0) return mid;
    if (s === signAtMin) low = mid;
    else high = mid;
  }
}

/** The sign of q(1/(1+x)) for a floating-point rate x > −1, exactly (x is a binary fraction). */
function exactSignAtRate(q: IntegerPolynomial, rate: number): number {
  const { mantissa, exponent } = binaryFraction(rate);
  // 1 + x = onePlus / 2^k, so v = 2^k / onePlus.
  const scale = exponent < 0 ? 1n << BigInt(-exponent) : 1n;
  const onePlus = exponent < 0 ? mantissa + scale : (mantissa << BigInt(exponent)) + 1n;
  return signAt(q, { num: scale, den: onePlus });
}

/** x = mantissa · 2^exponent exactly, for a finite double x; the mantissa is odd unless x = 0. */
function binaryFraction(x: number): { mantissa: bigint; exponent: number } {
  if (!Number.isFinite(x)) throw new Error(`irr: a cash flow of ${x} is not a number of kroner`);
  if (x === 0) return { mantissa: 0n, exponent: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent: number;
  if (biased === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  while ((mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exponent++;
  }
  return { mantissa: x < 0 ? -mantissa : mantissa, exponent };
}

/** The flows as integers with the same ratios: each times the same power of two. */
function integerCoefficients(flows: readonly number[]): bigint[] {
  const fractions = flows.map(binaryFraction);
  const lowest = Math.min(...fractions.filter((f) => f.mantissa !== 0n).map((f) => f.exponent));
  return fractions.map((f) => (f.mantissa === 0n ? 0n : f.mantissa << BigInt(f.exponent - lowest)));
}
