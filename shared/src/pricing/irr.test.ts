import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presentValue } from './discounting.ts';
import { IRR_MAX, IRR_MIN, irr, irrOfPolynomial } from './irr.ts';
import { distinctRootsIn, sturmSequence } from './sturm.ts';

/** A rate as the exact fraction num/den (x = num/den). */
type RateFraction = readonly [num: bigint, den: bigint];

/**
 * The cash flows whose NPV polynomial is sign · Π ((den + num)·v − den) over the rates, each
 * (1 + x)·v − 1 scaled to integers: P(v) = 0 exactly at v = 1/(1+x).
 */
function flowsWithRoots(rates: readonly RateFraction[], sign: 1n | -1n = -1n): bigint[] {
  let p: bigint[] = [sign];
  for (const [rawNum, rawDen] of rates) {
    const common = gcd(rawNum < 0n ? -rawNum : rawNum, rawDen);
    const [num, den] = [rawNum / common, rawDen / common];
    const factor = [-den, den + num];
    const product: bigint[] = new Array(p.length + 1).fill(0n);
    p.forEach((c, i) => {
      product[i] = (product[i] as bigint) + c * (factor[0] as bigint);
      product[i + 1] = (product[i + 1] as bigint) + c * (factor[1] as bigint);
    });
    p = product;
  }
  return p;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/** The flows as numbers, refusing any that a double would round (the roots would move). */
function asNumbers(p: readonly bigint[]): number[] {
  return p.map((c) => {
    if (c > BigInt(Number.MAX_SAFE_INTEGER) || -c > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`${c} rounds`);
    return Number(c);
  });
}

const percent = (hundredths: number): RateFraction => [BigInt(hundredths), 10_000n];
const withinP15 = (rate: number, exact: number) => Math.abs(rate - exact) <= 1e-12 * (1 + Math.abs(exact));

describe('[P15] IRR: distinct roots counted exactly, never by a grid', () => {
  it('[P15] a single sign change (−100, 0, 121) gives 10 % exactly to 1e-12', () => {
    const result = irr([-100, 0, 121]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(withinP15(result.rate, 0.1)).toBe(true);
  });

  it('[P15] a single sign change over five years (−1, 0, 0, 0, 0, 2) gives 2^(1/5) − 1 to 1e-12', () => {
    const result = irr([-1, 0, 0, 0, 0, 2]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(withinP15(result.rate, 2 ** 0.2 - 1)).toBe(true);
  });

  it('[P15] a conventional investment gives the rate whose NPV is 0', () => {
    const result = irr([-1000, 300, 400, 500]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Math.abs(presentValue([-1000, 300, 400, 500], result.rate))).toBeLessThan(1e-9);
  });

  it('[P15] roots 10⁻⁶ apart (10 % and 10.0001 %) are two roots: several roots', () => {
    const flows = asNumbers(flowsWithRoots([percent(1000), [100_001n, 1_000_000n]]));
    expect(flows).toEqual([-10_000_000, 22_000_010, -12_100_011]);
    expect(irr(flows)).toEqual({ ok: false, reason: 'severalRoots' });
  });

  it('[P15] roots at 10 % and 10.1 % are several roots, not "outside the range" (issue 12)', () => {
    expect(irr(asNumbers(flowsWithRoots([percent(1000), percent(1010)])))).toEqual({
      ok: false,
      reason: 'severalRoots',
    });
  });

  it('[P15] roots at 5 %, 10 % and 10.1 % are several roots, not 5 % (issue 12)', () => {
    const flows = asNumbers(flowsWithRoots([percent(500), percent(1000), percent(1010)]));
    expect(irr(flows)).toEqual({ ok: false, reason: 'severalRoots' });
  });

  it('[P15] two roots (10 % and 20 %) are several roots', () => {
    expect(irr([-100, 230, -132])).toEqual({ ok: false, reason: 'severalRoots' });
  });

  it('[P15] a double root is one distinct root, so it is the IRR (the rule counts distinct roots)', () => {
    // P(v) = −(11v − 10)²: the NPV touches 0 at 10 % without changing sign.
    const flows = asNumbers(flowsWithRoots([percent(1000), percent(1000)]));
    expect(flows).toEqual([-100, 220, -121]);
    const result = irr(flows);
    expect(result.ok).toBe(true);
    if (result.ok) expect(withinP15(result.rate, 0.1)).toBe(true);
  });

  it('[P15] a double root inside the range and a simple root outside it: the IRR is the double root', () => {
    // −99.5 % lies below the range; 7 % twice inside it.
    const flows = asNumbers(flowsWithRoots([percent(700), percent(700), percent(-9950)]));
    const result = irr(flows);
    expect(result.ok).toBe(true);
    if (result.ok) expect(withinP15(result.rate, 0.07)).toBe(true);
  });

  it('[P15] a double root and a simple root 10⁻⁶ away are two distinct roots: several roots', () => {
    const flows = asNumbers(flowsWithRoots([percent(1000), percent(1000), [100_001n, 1_000_000n]]));
    expect(irr(flows)).toEqual({ ok: false, reason: 'severalRoots' });
  });

  it('[P15] a triple root far away from anything is still one root', () => {
    const result = irr(asNumbers(flowsWithRoots([percent(2500), percent(2500), percent(2500)])));
    expect(result.ok).toBe(true);
    if (result.ok) expect(withinP15(result.rate, 0.25)).toBe(true);
  });

  it('[P15] the only root above the range (9900 %) is "outside the range"', () => {
    expect(irr([-1, 100])).toEqual({ ok: false, reason: 'rootOutsideRange' });
  });

  it('[P15] the only root below the range (−99.5 %) is "outside the range"', () => {
    expect(irr([-200, 1])).toEqual({ ok: false, reason: 'rootOutsideRange' });
  });

  it('[P15] two roots, both outside the range, are "outside the range" (found by the Sturm count)', () => {
    const flows = asNumbers(flowsWithRoots([percent(-9950), percent(150_000)]));
    expect(irr(flows)).toEqual({ ok: false, reason: 'rootOutsideRange' });
  });

  it('[P15] flows whose NPV is never 0 (v² − v + 1 has no real root) have "no root"', () => {
    expect(irr([1, -1, 1])).toEqual({ ok: false, reason: 'noRoot' });
    expect(irr([-3, 2, -1])).toEqual({ ok: false, reason: 'noRoot' });
  });

  it('[P15] the range is closed: a root at exactly −99 % or 1000 % is the IRR', () => {
    expect(irr([-100, 1])).toEqual({ ok: true, rate: IRR_MIN });
    expect(irr([-1, 11])).toEqual({ ok: true, rate: IRR_MAX });
    // The same ends found through the Sturm count (two sign changes, the other root outside).
    expect(irrOfPolynomial(flowsWithRoots([percent(-9900), percent(-9950)]))).toEqual({ ok: true, rate: IRR_MIN });
    expect(irrOfPolynomial(flowsWithRoots([percent(100_000), percent(150_000)]))).toEqual({
      ok: true,
      rate: IRR_MAX,
    });
  });

  it('[P15] no investment, or nothing back, keeps its own reason', () => {
    expect(irr([-100, 0, 0])).toEqual({ ok: false, reason: 'noReturnFlow' });
    expect(irr([0, 100, 10])).toEqual({ ok: false, reason: 'noInvestment' });
    expect(irr([])).toEqual({ ok: false, reason: 'noInvestment' });
  });

  it('[P15] leading zero years and fractional kroner do not change the rate', () => {
    const base = irr([-100, 0, 121]);
    const shifted = irr([0, 0, -100, 0, 121]);
    const fractional = irr([-0.1, 0, 0.121]);
    expect(base.ok && shifted.ok && fractional.ok).toBe(true);
    if (base.ok && shifted.ok && fractional.ok) {
      // Two zero years first: the same ratio two years later, so the same rate.
      expect(withinP15(shifted.rate, 0.1)).toBe(true);
      // 0.1 and 0.121 are not exact binary fractions: the rate is the root of the flows given.
      expect(withinP15(fractional.rate, 0.1)).toBe(true);
    }
  });

  it('[P15] a non-finite cash flow is a bug, not a result', () => {
    expect(() => irr([-100, Number.NaN, 121])).toThrow(/not a number/);
  });
});

// Rates in billionths: x = n / 10⁹, with n from −99 % to 1000 %.
const BILLION = 1_000_000_000n;
const RANGE_MIN = -990_000_000;
const RANGE_MAX = 10_000_000_000;
const MIN_SPACING = 100; // 10⁻⁷

/** Distinct rates inside the range, at least 10⁻⁷ apart: some clustered, some spread out. */
const rootSetArb = fc
  .tuple(
    fc.integer({ min: RANGE_MIN, max: RANGE_MAX }),
    fc.array(fc.oneof(fc.integer({ min: MIN_SPACING, max: 1_000 }), fc.integer({ min: MIN_SPACING, max: 3e9 })), {
      maxLength: 4,
    }),
  )
  .map(([first, gaps]) => {
    const rates = [first];
    for (const gap of gaps) rates.push((rates[rates.length - 1] as number) + gap);
    return rates.filter((r) => r <= RANGE_MAX);
  });

describe('[P15] IRR on random root sets (spacing ≥ 10⁻⁷)', () => {
  it('[P15] counts the distinct roots inside the range exactly, with repeats and roots outside', () => {
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: rootSetArb, weight: 5 }, { arbitrary: fc.constant<number[]>([]), weight: 1 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.constantFrom(-995_000_000, 12_000_000_000, 50_000_000_000), { maxLength: 2 }),
        fc.constantFrom(1n as const, -1n as const),
        (inside, multiplicities, outside, sign) => {
          const rates: RateFraction[] = [];
          inside.forEach((n, i) => {
            for (let k = 0; k < (multiplicities[i] ?? 1); k++) rates.push([BigInt(n), BILLION]);
          });
          for (const n of outside) rates.push([BigInt(n), BILLION]);
          const p = flowsWithRoots(rates, sign);
          const count = distinctRootsIn(sturmSequence(p), { num: 1n, den: 11n }, { num: 100n, den: 1n });
          expect(count).toBe(inside.length);

          const result = irrOfPolynomial(p);
          if (inside.length === 1) {
            const exact = (inside[0] as number) / 1e9;
            expect(result.ok).toBe(true);
            if (result.ok) expect(withinP15(result.rate, exact)).toBe(true);
          } else if (inside.length > 1) {
            expect(result).toEqual({ ok: false, reason: 'severalRoots' });
          } else {
            expect(result).toEqual({ ok: false, reason: outside.length > 0 ? 'rootOutsideRange' : 'noRoot' });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('[P15] random conventional flows: the IRR zeroes the NPV and agrees with the floating-point root', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 5_000_000 }),
        fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 1, maxLength: 50 }),
        (capital, inflows) => {
          const flows = [-capital, ...inflows];
          const result = irr(flows);
          if (!inflows.some((cf) => cf > 0)) {
            expect(result).toEqual({ ok: false, reason: 'noReturnFlow' });
            return;
          }
          if (!result.ok) {
            // One sign change: one positive root, so only "outside the range" can stop it.
            expect(result.reason).toBe('rootOutsideRange');
            const atMin = presentValue(flows, IRR_MIN);
            const atMax = presentValue(flows, IRR_MAX);
            expect(Math.sign(atMin)).toBe(Math.sign(atMax));
            return;
          }
          const tolerance = 1e-12 * (1 + Math.abs(result.rate));
          const below = presentValue(flows, result.rate - 2 * tolerance);
          const above = presentValue(flows, result.rate + 2 * tolerance);
          expect(Math.sign(below) * Math.sign(above)).toBeLessThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('[P15] IRR timing (reported, not asserted)', () => {
  it('[P15] 50-year flows: the Descartes fast path and the Sturm path', () => {
    const random = lcg(42);
    const conventional = Array.from({ length: 200 }, () => [
      -5_000_000,
      ...Array.from({ length: 50 }, () => Math.round(random() * 300_000)),
    ]);
    const mixed = Array.from({ length: 200 }, () =>
      Array.from({ length: 51 }, () => Math.round((random() - 0.45) * 3_000_000)),
    );
    // Capital drawn over the first years while early payments come in, then payments only.
    const staged = Array.from({ length: 200 }, () =>
      Array.from({ length: 51 }, (_, t) =>
        t < 8 ? Math.round((random() - 0.7) * 4_000_000) : Math.round(random() * 400_000),
      ),
    );
    const clustered = flowsWithRoots(
      Array.from({ length: 25 }, (_, i) => [BigInt(50_000_000 + i * 100), BILLION] as const),
    );
    const time = (run: () => unknown, times: number) => {
      const start = performance.now();
      for (let i = 0; i < times; i++) run();
      return (performance.now() - start) / times;
    };
    let ok = 0;
    const fast =
      time(() => {
        for (const f of conventional) if (irr(f).ok) ok++;
      }, 1) / conventional.length;
    const sturm =
      time(() => {
        for (const f of mixed) irr(f);
      }, 1) / mixed.length;
    const stagedTime =
      time(() => {
        for (const f of staged) irr(f);
      }, 1) / staged.length;
    const close = time(() => irrOfPolynomial(clustered), 3);
    expect(ok).toBeGreaterThan(0);
    expect(irrOfPolynomial(clustered)).toEqual({ ok: false, reason: 'severalRoots' });
    console.info(
      `[P15] irr per call, 51 flows: one sign change ${fast.toFixed(3)} ms, capital drawn over 8 years ${stagedTime.toFixed(3)} ms, ` +
        `random signs every year ${sturm.toFixed(3)} ms; ` +
        `25 roots 10⁻⁷ apart (degree 25, ~${clustered.at(-1)?.toString(2).length}-bit coefficients) ${close.toFixed(1)} ms`,
    );
  });
});

/** A small seeded generator (the timing's flows are the same every run). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
