/** Why an investor's cash flows have no IRR (P15). */
export const NO_IRR_REASONS = ['noInvestment', 'noReturnFlow', 'noRoot', 'severalRoots', 'notComputed'] as const;
export type NoIrrReason = (typeof NO_IRR_REASONS)[number];

export type IrrResult = { ok: true; rate: number } | { ok: false; reason: NoIrrReason };

/** P15's range for the IRR. */
export const IRR_MIN = -0.99;
export const IRR_MAX = 10;

const GRID = 600;
const TOLERANCE = 1e-12;

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

/**
 * P15: the rate in [−99 %, 1000 %] at which the cash flows' NPV is 0 (year 0 undiscounted).
 * Brackets every sign change of the NPV over a grid in log(1+r) and bisects each one. No
 * bracket, or more than one, gives no IRR with the reason — never NaN, never a spurious root.
 */
export function irr(flows: readonly number[]): IrrResult {
  const hasOutflow = flows.some((cf) => cf < 0);
  const hasInflow = flows.some((cf) => cf > 0);
  if (!hasOutflow) return { ok: false, reason: 'noInvestment' };
  if (!hasInflow) return { ok: false, reason: 'noReturnFlow' };

  const lo = Math.log(1 + IRR_MIN);
  const hi = Math.log(1 + IRR_MAX);
  const roots: number[] = [];
  let previousRate = IRR_MIN;
  let previousValue = npvAt(flows, previousRate);
  if (previousValue === 0) roots.push(previousRate);
  for (let i = 1; i <= GRID; i++) {
    const rate = Math.exp(lo + ((hi - lo) * i) / GRID) - 1;
    const value = npvAt(flows, rate);
    if (value === 0) {
      roots.push(rate);
    } else if (previousValue !== 0 && Math.sign(value) !== Math.sign(previousValue)) {
      roots.push(bisect(flows, previousRate, rate));
    }
    previousRate = rate;
    previousValue = value;
  }
  if (roots.length === 0) return { ok: false, reason: 'noRoot' };
  if (roots.length > 1) return { ok: false, reason: 'severalRoots' };
  return { ok: true, rate: roots[0] as number };
}

function bisect(flows: readonly number[], a: number, b: number): number {
  let low = a;
  let high = b;
  let lowValue = npvAt(flows, low);
  for (let i = 0; i < 200 && high - low > TOLERANCE; i++) {
    const mid = (low + high) / 2;
    const value = npvAt(flows, mid);
    if (value === 0) return mid;
    if (Math.sign(value) === Math.sign(lowValue)) {
      low = mid;
      lowValue = value;
    } else {
      high = mid;
    }
  }
  return (low + high) / 2;
}
