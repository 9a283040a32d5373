import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coefficientSignChanges,
  distinctPositiveRoots,
  distinctRootsIn,
  type IntegerPolynomial,
  intervalSignChanges,
  type Rational,
  rootsInOpenInterval,
  signAt,
  sturmSequence,
} from './sturm.ts';

function multiply(a: IntegerPolynomial, b: IntegerPolynomial): bigint[] {
  const product: bigint[] = new Array(a.length + b.length - 1).fill(0n);
  a.forEach((x, i) => {
    b.forEach((y, j) => {
      product[i + j] = (product[i + j] as bigint) + x * y;
    });
  });
  return product;
}

const product = (factors: readonly IntegerPolynomial[], scale: bigint) =>
  factors.reduce<bigint[]>((p, f) => multiply(p, f), [scale]);

/** The root ±√k as a comparable: whether it lies in [lo, hi], decided in integers. */
function sqrtIn(k: bigint, sign: 1 | -1, lo: Rational, hi: Rational): boolean {
  // s·√k ≥ lo and s·√k ≤ hi, each squared with care for the signs.
  const atLeast = (r: Rational) =>
    sign > 0 ? r.num <= 0n || k * r.den * r.den >= r.num * r.num : r.num < 0n && k * r.den * r.den <= r.num * r.num;
  const atMost = (r: Rational) =>
    sign > 0 ? r.num >= 0n && k * r.den * r.den <= r.num * r.num : r.num >= 0n || k * r.den * r.den >= r.num * r.num;
  return atLeast(lo) && atMost(hi);
}

const rationalIn = (a: Rational, lo: Rational, hi: Rational) =>
  a.num * lo.den >= lo.num * a.den && a.num * hi.den <= hi.num * a.den;

/** A rational as [num, den], den > 0, in lowest terms: the reference counter's arithmetic. */
type Fraction = readonly [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function fraction(num: bigint, den: bigint): Fraction {
  const g = gcd(num, den) || 1n;
  const sign = den < 0n ? -1n : 1n;
  return [(sign * num) / g, (sign * den) / g];
}
const sub = (a: Fraction, b: Fraction) => fraction(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Fraction, b: Fraction) => fraction(a[0] * b[0], a[1] * b[1]);
const div = (a: Fraction, b: Fraction) => fraction(a[0] * b[1], a[1] * b[0]);

/** The textbook Sturm chain p, p′, −rem(…) over the rationals: slow, and independent of sturm.ts. */
function referenceCount(p: IntegerPolynomial, lo: Rational, hi: Rational): number {
  const trim = (q: Fraction[]) => {
    while (q.length > 0 && (q[q.length - 1] as Fraction)[0] === 0n) q.pop();
    return q;
  };
  const remainder = (a: Fraction[], b: Fraction[]) => {
    const r = a.slice();
    while (r.length >= b.length) {
      const factor = div(r[r.length - 1] as Fraction, b[b.length - 1] as Fraction);
      const shift = r.length - b.length;
      b.forEach((c, i) => {
        r[i + shift] = sub(r[i + shift] as Fraction, mul(factor, c));
      });
      r.pop();
      trim(r);
    }
    return r;
  };
  const chain: Fraction[][] = [trim(p.map((c) => fraction(c, 1n)))];
  chain.push(trim(p.slice(1).map((c, i) => fraction(c * BigInt(i + 1), 1n))));
  for (;;) {
    const next = remainder(chain[chain.length - 2] as Fraction[], chain[chain.length - 1] as Fraction[]);
    if (next.length === 0) break;
    chain.push(next.map(([n, d]) => fraction(-n, d)));
  }
  const variations = (at: Rational) => {
    let count = 0;
    let previous = 0;
    for (const q of chain) {
      let value: Fraction = [0n, 1n];
      for (let i = q.length - 1; i >= 0; i--)
        value = fraction(
          value[0] * at.num * (q[i] as Fraction)[1] + (q[i] as Fraction)[0] * value[1] * at.den,
          value[1] * at.den * (q[i] as Fraction)[1],
        );
      const sign = value[0] > 0n ? 1 : value[0] < 0n ? -1 : 0;
      if (sign !== 0 && previous !== 0 && sign !== previous) count++;
      if (sign !== 0) previous = sign;
    }
    return count;
  };
  return variations(lo) - variations(hi);
}

describe('[P15] exact root counting (Sturm)', () => {
  it('[P15] counts a double root once and two roots 10⁻⁶ apart twice', () => {
    const double = product(
      [
        [-10n, 11n],
        [-10n, 11n],
      ],
      1n,
    );
    const close = product(
      [
        [-1_000_000n, 1_000_001n],
        [-1_000_001n, 1_000_002n],
      ],
      1n,
    );
    const all: Rational = { num: 0n, den: 1n };
    const big: Rational = { num: 10n, den: 1n };
    expect(distinctRootsIn(sturmSequence(double), all, big)).toBe(1);
    expect(distinctRootsIn(sturmSequence(close), all, big)).toBe(2);
    expect(distinctPositiveRoots(sturmSequence(close))).toBe(2);
  });

  it('[P15] the square-free part keeps each root once', () => {
    const p = product(
      [
        [-1n, 1n],
        [-1n, 1n],
        [-1n, 1n],
        [2n, 0n, 1n],
      ],
      -6n,
    );
    const { squareFree } = sturmSequence(p);
    expect(squareFree.length - 1).toBe(3);
    expect(signAt(squareFree, { num: 1n, den: 1n })).toBe(0);
  });

  it('[P15] Descartes counts sign changes, skipping zeros', () => {
    expect(coefficientSignChanges([-100n, 0n, 121n])).toBe(1);
    expect(coefficientSignChanges([1n, -1n, 0n, 1n])).toBe(2);
  });

  it('[P15] on sparse products (degree drops of 2 and more, negative leading terms) the count is exact', () => {
    // Factors v² − k (roots ±√k, irrational unless k is a square), v² + c (no real root) and
    // v − a/b, with repeats: the remainder sequence skips degrees, which is where a sign or a
    // subresultant factor would go wrong.
    const factorArb = fc.oneof(
      fc.record({ kind: fc.constant('square' as const), k: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('none' as const), c: fc.integer({ min: 1, max: 9 }) }),
      fc.record({
        kind: fc.constant('linear' as const),
        a: fc.integer({ min: -30, max: 30 }),
        b: fc.integer({ min: 1, max: 7 }),
      }),
    );
    const rationalArb = fc
      .tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 1, max: 5 }))
      .map(([num, den]): Rational => ({ num: BigInt(num), den: BigInt(den) }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(factorArb, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 5 }),
        rationalArb,
        rationalArb,
        fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0),
        (factors, a, b, scale) => {
          const [lo, hi] = a.num * b.den <= b.num * a.den ? [a, b] : [b, a];
          const polynomials: bigint[][] = [];
          const roots: string[] = [];
          let expected = 0;
          for (const [factor, times] of factors) {
            for (let i = 0; i < times; i++) {
              if (factor.kind === 'square') polynomials.push([BigInt(-factor.k), 0n, 1n]);
              else if (factor.kind === 'none') polynomials.push([BigInt(factor.c), 0n, 1n]);
              else polynomials.push([BigInt(-factor.a), BigInt(factor.b)]);
            }
            // Each distinct root once, by a key that identifies it exactly.
            if (factor.kind === 'square') {
              const k = BigInt(factor.k);
              for (const sign of [1, -1] as const) {
                const root = Math.sqrt(factor.k);
                const key = Number.isInteger(root) ? `r${sign * root}` : `s${sign}√${factor.k}`;
                if (roots.includes(key)) continue;
                roots.push(key);
                if (sqrtIn(k, sign, lo, hi)) expected++;
              }
            } else if (factor.kind === 'linear') {
              const value = factor.a / factor.b;
              const key = Number.isInteger(value) ? `r${value}` : `q${factor.a * (420 / factor.b)}`;
              if (roots.includes(key)) continue;
              roots.push(key);
              if (rationalIn({ num: BigInt(factor.a), den: BigInt(factor.b) }, lo, hi)) expected++;
            }
          }
          const p = product(polynomials, BigInt(scale));
          expect(distinctRootsIn(sturmSequence(p), lo, hi)).toBe(expected);
        },
      ),
      { numRuns: 400, seed: 12 },
    );
  });

  it('[P15] on random sparse polynomials the count equals the textbook rational Sturm count', () => {
    // Mostly-zero coefficients make the remainder sequence skip degrees (v⁴ − v + c: 3 → 1),
    // with leading terms of either sign — the cases the subresultant factors and signs are for.
    const coefficientArb = fc.oneof(
      { arbitrary: fc.constant(0), weight: 3 },
      { arbitrary: fc.integer({ min: -4, max: 4 }), weight: 2 },
    );
    fc.assert(
      fc.property(
        fc.array(coefficientArb, { minLength: 2, maxLength: 9 }),
        fc.integer({ min: -4, max: 4 }).filter((c) => c !== 0),
        fc.tuple(fc.integer({ min: -60, max: 60 }), fc.integer({ min: 1, max: 7 })),
        fc.tuple(fc.integer({ min: -60, max: 60 }), fc.integer({ min: 1, max: 7 })),
        (lower, top, [an, ad], [bn, bd]) => {
          const p = [...lower.map(BigInt), BigInt(top)];
          const a = { num: BigInt(an), den: BigInt(ad) };
          const b = { num: BigInt(bn), den: BigInt(bd) };
          const [lo, hi] = a.num * b.den <= b.num * a.den ? [a, b] : [b, a];
          // The textbook count (of p, not its square-free part) holds where neither end is a root.
          fc.pre(signAt(p, lo) !== 0 && signAt(p, hi) !== 0);
          const expected = referenceCount(p, lo, hi);
          expect(distinctRootsIn(sturmSequence(p), lo, hi)).toBe(expected);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('[P15] Descartes on an interval bounds the roots inside with their multiplicity, of the same parity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 5 }),
        fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 4 })),
        fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 4 })),
        fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 })),
        (rootNumerators, [an, ad], [bn, bd], [c1, c2]) => {
          // Roots k/4 (repeats allowed) and a quadratic with complex roots near the interval.
          const factors: bigint[][] = rootNumerators.map((k) => [BigInt(-k), 4n]);
          factors.push([BigInt(c1 * c2), BigInt(-2 * c1), 1n]);
          const p = product(factors, 1n);
          const a = { num: BigInt(an), den: BigInt(ad) };
          const b = { num: BigInt(bn), den: BigInt(bd) };
          fc.pre(a.num * b.den !== b.num * a.den);
          const [lo, hi] = a.num * b.den < b.num * a.den ? [a, b] : [b, a];
          const inside = rootNumerators.filter((k) => {
            const root = { num: BigInt(k), den: 4n };
            return root.num * lo.den > lo.num * root.den && root.num * hi.den < hi.num * root.den;
          });
          // The quadratic v² − 2c₁v + c₁c₂ has real roots when c₂ ≤ c₁: leave those cases out.
          fc.pre(c2 > c1);
          const changes = intervalSignChanges(p, lo, hi);
          expect(changes).toBeGreaterThanOrEqual(inside.length);
          expect((changes - inside.length) % 2).toBe(0);
        },
      ),
      { numRuns: 400, seed: 3 },
    );
  });

  it('[P15] Descartes on sub-intervals, when it settles, agrees with the Sturm count (capped at two)', () => {
    let settled = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2_000, max: 2_000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 0, maxLength: 4 }),
        (rootsInThousandths, extra) => {
          // Roots at k/1000 (some repeated, some negative) times a random factor.
          const factors: bigint[][] = rootsInThousandths.map((k) => [BigInt(-k), 1000n]);
          factors.push([...extra.map(BigInt), 1n]);
          const p = product(factors, 1n);
          const lo = { num: 1n, den: 11n };
          const hi = { num: 100n, den: 1n };
          fc.pre(signAt(p, lo) !== 0 && signAt(p, hi) !== 0);
          const fast = rootsInOpenInterval(p, lo, hi, 10);
          if (fast === undefined) return;
          settled++;
          expect(fast).toBe(Math.min(2, distinctRootsIn(sturmSequence(p), lo, hi)));
        },
      ),
      { numRuns: 400, seed: 5 },
    );
    expect(settled).toBeGreaterThan(100);
  });
});
