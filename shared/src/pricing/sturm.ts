/**
 * Exact real-root counting for polynomials with integer coefficients (P15's IRR).
 *
 * A polynomial is a list of BigInt coefficients, lowest degree first. Counting uses a Sturm
 * sequence of the polynomial's square-free part, so a double root counts once and two roots
 * 10⁻⁶ apart count twice: nothing is sampled and nothing is rounded. The sequence is computed
 * as a subresultant pseudo-remainder sequence (Brown–Collins): every division in it is exact in
 * the integers, so coefficients grow like determinants of the inputs instead of exponentially,
 * and no rational arithmetic (no gcd per coefficient) is needed. Each member is kept a positive
 * multiple of the textbook Sturm member −rem(Sᵢ₋₁, Sᵢ), so sign variations can be read directly.
 */

/** Integer coefficients, lowest degree first: c[0] + c[1]·v + c[2]·v² + … */
export type IntegerPolynomial = readonly bigint[];

/** The exact rational num/den, den > 0. */
export type Rational = { readonly num: bigint; readonly den: bigint };

/** A polynomial's square-free part and the Sturm sequence that counts its distinct real roots. */
export type SturmSequence = {
  /** p / gcd(p, p′): the same distinct roots, each simple. */
  readonly squareFree: IntegerPolynomial;
  /** S₀ = squareFree, S₁ = its derivative, then positive multiples of −rem(Sᵢ₋₁, Sᵢ). */
  readonly chain: readonly IntegerPolynomial[];
};

type Sign = -1 | 0 | 1;

const signOf = (x: bigint): Sign => (x > 0n ? 1 : x < 0n ? -1 : 0);
const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** The coefficients without trailing (highest-degree) zeros; [] for the zero polynomial. */
export function trimmed(p: IntegerPolynomial): bigint[] {
  let n = p.length;
  while (n > 0 && p[n - 1] === 0n) n--;
  return p.slice(0, n);
}

function degree(p: IntegerPolynomial): number {
  return p.length - 1;
}

function leading(p: IntegerPolynomial): bigint {
  const lc = p[p.length - 1];
  if (lc === undefined || lc === 0n) throw new Error('sturm: the zero polynomial has no leading coefficient');
  return lc;
}

function derivative(p: IntegerPolynomial): bigint[] {
  return trimmed(p.slice(1).map((c, i) => c * BigInt(i + 1)));
}

/** Descartes: sign changes in the coefficients, an upper bound on the positive roots (of the same parity). */
export function coefficientSignChanges(p: IntegerPolynomial): number {
  let changes = 0;
  let previous: Sign = 0;
  for (const c of p) {
    const s = signOf(c);
    if (s === 0) continue;
    if (previous !== 0 && s !== previous) changes++;
    previous = s;
  }
  return changes;
}

/**
 * Descartes on an interval: the sign changes of (1+u)ⁿ·p((lo + hi·u)/(1+u)), an upper bound on the
 * roots of p in the open interval (lo, hi), counted with multiplicity, of the same parity. 0 or 1
 * is exact: no root, or one simple root. Additions and small multiplications only (Taylor shifts),
 * so it is much cheaper than a Sturm sequence. lo < hi.
 */
export function intervalSignChanges(p: IntegerPolynomial, lo: Rational, hi: Rational): number {
  const n = degree(p);
  // v = (A + w·z)/D for z in (0, 1), with D = lo.den·hi.den, A = lo.num·hi.den, w = (hi − lo)·D.
  const scale = lo.den * hi.den;
  const start = lo.num * hi.den;
  const width = hi.num * lo.den - start;
  if (width <= 0n) throw new Error('sturm: an interval needs lo < hi');
  // Dⁿ·p(x/D), then x = A + y, then y = w·z.
  const q = p.map((c, t) => c * scale ** BigInt(n - t));
  taylorShift(q, start);
  let power = 1n;
  for (let k = 0; k <= n; k++) {
    q[k] = (q[k] as bigint) * power;
    power *= width;
  }
  // z = 1/(1+u): reverse, then shift by 1.
  q.reverse();
  taylorShift(q, 1n);
  return coefficientSignChanges(q);
}

/**
 * The distinct roots of p in the open interval (lo, hi), 0 < lo < hi, capped at 2 ("two or
 * more"), by Descartes on sub-intervals (Vincent–Collins–Akritas): a piece with no sign change
 * has no root, one with one sign change exactly one. Pieces are split at the harmonic mean
 * (for v = 1/(1+x), the midpoint in x). Undefined when `budget` transforms do not settle it —
 * roots close together or repeated, or complex roots near the interval: then ask Sturm.
 */
export function rootsInOpenInterval(
  p: IntegerPolynomial,
  lo: Rational,
  hi: Rational,
  budget: number,
): 0 | 1 | 2 | undefined {
  const pieces: [Rational, Rational][] = [[lo, hi]];
  let found = 0;
  let transforms = 0;
  for (let piece = pieces.pop(); piece !== undefined; piece = pieces.pop()) {
    if (transforms++ >= budget) return undefined;
    const [a, b] = piece;
    const changes = intervalSignChanges(p, a, b);
    if (changes === 0) continue;
    if (changes === 1) {
      found++;
      if (found >= 2) return 2;
      continue;
    }
    const mid = { num: 2n * a.num * b.num, den: a.num * b.den + a.den * b.num };
    if (signAt(p, mid) === 0) return undefined;
    pieces.push([a, mid], [mid, b]);
  }
  return found as 0 | 1;
}

/** p(x) → p(x + by), in place (Horner's synthetic division, n² multiply-adds). */
function taylorShift(p: bigint[], by: bigint): void {
  const n = p.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = n - 1; j >= i; j--) p[j] = (p[j] as bigint) + by * (p[j + 1] as bigint);
  }
}

/** The sign of p(num/den), exactly: Σ cᵢ·numⁱ·den^(n−i) has it, as den > 0. */
export function signAt(p: IntegerPolynomial, at: Rational): Sign {
  if (at.den <= 0n) throw new Error('sturm: a rational point needs a positive denominator');
  const n = degree(p);
  if (n < 0) return 0;
  let value = p[n] as bigint;
  let denPower = 1n;
  for (let i = n - 1; i >= 0; i--) {
    denPower *= at.den;
    value = value * at.num + (p[i] as bigint) * denPower;
  }
  return signOf(value);
}

/**
 * The pseudo-remainder: lc(b)^(deg a − deg b + 1)·a = q·b + r with deg r < deg b. With
 * `quotient`, q instead (for an exact division, r = 0).
 */
function pseudoDivide(a: IntegerPolynomial, b: IntegerPolynomial): { quotient: bigint[]; remainder: bigint[] } {
  const lc = leading(b);
  const db = degree(b);
  const steps = degree(a) - db + 1;
  const r = a.slice();
  const q: bigint[] = new Array(Math.max(steps, 0)).fill(0n);
  for (let k = steps - 1; k >= 0; k--) {
    const top = r[db + k] as bigint;
    for (let j = 0; j < r.length; j++) r[j] = (r[j] as bigint) * lc;
    for (let j = 0; j < q.length; j++) q[j] = (q[j] as bigint) * lc;
    if (top === 0n) continue;
    q[k] = (q[k] as bigint) + top;
    for (let j = 0; j <= db; j++) r[j + k] = (r[j + k] as bigint) - top * (b[j] as bigint);
  }
  return { quotient: trimmed(q), remainder: trimmed(r.slice(0, Math.max(db, 0))) };
}

function divideExactly(p: IntegerPolynomial, by: bigint): bigint[] {
  return p.map((c) => {
    if (c % by !== 0n) throw new Error('sturm: a subresultant division was not exact');
    return c / by;
  });
}

/**
 * The subresultant remainder sequence of p and p′, each member made a positive multiple of the
 * Sturm member. The last member is a constant multiple of gcd(p, p′).
 */
function remainderChain(p: IntegerPolynomial): bigint[][] {
  const chain: bigint[][] = [trimmed(p)];
  const first = derivative(p);
  if (first.length === 0) return chain;
  chain.push(first);
  // Magnitudes of Brown–Collins' β and ψ (their signs are replaced by the Sturm signs below).
  let f = chain[0] as bigint[];
  let g = first;
  let d = degree(f) - degree(g);
  let divisor = 1n;
  let lcG = abs(leading(g));
  let psi = lcG ** BigInt(d);
  for (;;) {
    const { remainder } = pseudoDivide(f, g);
    if (remainder.length === 0) return chain;
    // rem(f, g) = prem(f, g) / lc(g)^(d+1); the Sturm member is −rem, up to a positive factor.
    const lcSign = signOf(leading(g));
    const flip = lcSign < 0 && (d + 1) % 2 === 1 ? 1n : -1n;
    const next = divideExactly(remainder, divisor).map((c) => c * flip);
    chain.push(next);
    f = g;
    g = next;
    d = degree(f) - degree(g);
    divisor = lcG * psi ** BigInt(d);
    lcG = abs(leading(g));
    psi = d > 1 ? lcG ** BigInt(d) / psi ** BigInt(d - 1) : lcG;
  }
}

function content(p: IntegerPolynomial): bigint {
  let g = 0n;
  for (const c of p) {
    let a = abs(c);
    let b = g;
    while (b !== 0n) [a, b] = [b, a % b];
    g = a;
    if (g === 1n) break;
  }
  return g;
}

/** The Sturm sequence of p's square-free part. p must not be the zero polynomial. */
export function sturmSequence(p: IntegerPolynomial): SturmSequence {
  const polynomial = trimmed(p);
  if (polynomial.length === 0) throw new Error('sturm: the zero polynomial has every number as a root');
  const chain = remainderChain(polynomial);
  const gcd = chain[chain.length - 1] as bigint[];
  if (degree(gcd) <= 0) return { squareFree: polynomial, chain };
  // A repeated root: divide it out (exactly; the quotient's constant factor does not matter).
  const { quotient, remainder } = pseudoDivide(polynomial, gcd);
  if (remainder.length > 0) throw new Error('sturm: gcd(p, p′) does not divide p');
  const squareFree = divideExactly(quotient, content(quotient));
  return { squareFree, chain: remainderChain(squareFree) };
}

function variationsAt(chain: readonly IntegerPolynomial[], at: Rational | 'infinity'): number {
  let variations = 0;
  let previous: Sign = 0;
  for (const member of chain) {
    const s = at === 'infinity' ? signOf(leading(member)) : signAt(member, at);
    if (s === 0) continue;
    if (previous !== 0 && s !== previous) variations++;
    previous = s;
  }
  return variations;
}

/** How many distinct real roots lie in the closed interval [lo, hi] (lo ≤ hi), exactly. */
export function distinctRootsIn(sequence: SturmSequence, lo: Rational, hi: Rational): number {
  // Sturm: V(lo) − V(hi) counts the roots in (lo, hi] of a square-free polynomial.
  const inHalfOpen = variationsAt(sequence.chain, lo) - variationsAt(sequence.chain, hi);
  return inHalfOpen + (signAt(sequence.squareFree, lo) === 0 ? 1 : 0);
}

/** How many distinct roots are positive (in (0, ∞)), exactly. */
export function distinctPositiveRoots(sequence: SturmSequence): number {
  const zero = { num: 0n, den: 1n };
  return variationsAt(sequence.chain, zero) - variationsAt(sequence.chain, 'infinity');
}
