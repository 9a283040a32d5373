import { pricedPoints } from './absoluteBounds.ts';
import { addInYear, zeros } from './discounting.ts';
import type { MeasurementPoint, PricedOutcome, PricingInput } from './pricingInput.ts';
import { settlementYear } from './settlement.ts';

export type OutcomePayments = {
  /** P7: payments due per outcome per year (summed over its measurement points and cohorts), before any limit. */
  dueByOutcome: Record<string, number[]>;
  /** Total due per year (P7). */
  due: number[];
  /** P11: the settlement year s; payments due after it are not paid. */
  settlementYear: number;
  /** P11: the nominal sum due after s within the horizon, not paid. */
  dueAfterSettlement: number;
  /** After the nominal cap (P8), and nothing after the settlement year (P11). */
  afterCap: number[];
  /** Paid to the investor per year, after the return cap (P9). */
  paid: number[];
  /** Paid per outcome per year (P8 and P9 cut pro rata across outcomes and their points). */
  paidByOutcome: Record<string, number[]>;
  /** P10: paid per year by each paying department (shares over 100 % scaled down pro rata to 100 %). */
  byPayer: Record<string, number[]>;
  /** P10: the part of the payments no payer's share covers — still owed by the authority (P12). */
  unallocated: number[];
  /** The investor's balance after each year's payment under the return cap (P9), if any. */
  returnCapBalance?: number[];
};

/** P7: where a measurement point falls for a cohort that entered in year c. */
export type PointTiming = {
  /** y = c + floor(m/12): the year the point falls in, and is paid in. */
  year: number;
  /** j = y − c − lag: how far into the effect the point falls (negative: before it starts). */
  effectYear: number;
};

/** P7: the year y = c + floor(m/12) a point falls in for a cohort of year c, and j = y − c − lag. */
export function pointTiming(outcome: PricedOutcome, point: MeasurementPoint, cohortYear: number): PointTiming {
  const yearsAfterIntake = Math.floor(point.months / 12);
  return { year: cohortYear + yearsAfterIntake, effectYear: yearsAfterIntake - outcome.lagYears };
}

/**
 * P7: what one measurement point pays for one cohort of n, floored at 0. Within the effect
 * (0 ≤ j < duration) the additional achievers are n·(e−b)·a·p^j (P5's number for that year);
 * basis "additional" pays price × those, basis "all achieved" price × n·(b + (e−b)·p^j) —
 * attribution not applied. Outside the effect "additional" pays nothing and "all achieved"
 * price × n·b. A point at j = 0 pays exactly what the one payment at c + lag paid before
 * measurement points (n·(e−b)·a, or n·e).
 */
export function paymentDue(outcome: PricedOutcome, point: MeasurementPoint, participants: number): number {
  const j = Math.floor(point.months / 12) - outcome.lagYears;
  const inEffect = j >= 0 && j < outcome.durationYears;
  // p^j is only raised within the effect, where j is a whole number ≥ 0: never above 1.
  const retained = inEffect ? outcome.persistence ** j : 0;
  const change = outcome.expectedRate - outcome.baselineRate;
  const achievers =
    point.basis === 'all'
      ? // b + (e−b)·p^j written as e − (e−b)·(1 − p^j), so that j = 0 gives e to the last bit.
        participants * (outcome.expectedRate - change * (1 - retained))
      : participants * change * outcome.attribution * retained;
  return Math.max(0, point.price * achievers);
}

/**
 * P7 → (P11: nothing due after the settlement year) → P8 → P9 → P10, in that order. `capital` is the investor's capital per year (P4), which
 * the return cap's balance accrues on. Each outcome pays at each of its measurement points for
 * each cohort; a point that falls outside t = 0 … H−1 is not computed (P20: the work is
 * outcomes × cohorts × points, whatever months, lags and durations were typed).
 */
export function outcomePayments(input: PricingInput, capital: readonly number[]): OutcomePayments {
  const H = input.horizonYears;
  const dueByOutcome: Record<string, number[]> = {};
  for (const outcome of input.outcomes) {
    const series = zeros(H);
    for (const point of pricedPoints(outcome)) {
      for (const cohort of input.cohorts) {
        const { year } = pointTiming(outcome, point, cohort.year);
        if (year >= 0 && year < H) addInYear(series, year, paymentDue(outcome, point, cohort.participants));
      }
    }
    dueByOutcome[outcome.id] = series;
  }
  const due = zeros(H).map((_, t) => sumAt(dueByOutcome, t));

  // P11: payments due after the settlement year are not paid (as for points past H).
  const s = settlementYear(H, input.contractYears);
  let dueAfterSettlement = 0;
  for (let t = s + 1; t < H; t++) dueAfterSettlement += due[t] ?? 0;
  // P8: the nominal cap is used up in year order; the year it binds is cut pro rata across
  // outcomes and points (paidByOutcome below).
  const afterCap = due.map((amount, t) => (t <= s ? amount : 0));
  const cap = input.payment.paymentCap;
  if (cap !== undefined) {
    let remaining = cap;
    for (let t = 0; t < H; t++) {
      const amount = afterCap[t] ?? 0;
      afterCap[t] = Math.min(amount, Math.max(0, remaining));
      remaining -= afterCap[t] ?? 0;
    }
  }

  // P9: the investor's balance accrues at q on capital; payments beyond it are not paid.
  const paid = [...afterCap];
  let returnCapBalance: number[] | undefined;
  const q = input.payment.returnCap;
  if (q !== undefined) {
    returnCapBalance = zeros(H);
    let balance = 0;
    for (let t = 0; t < H; t++) {
      balance = balance * (1 + q) + (capital[t] ?? 0);
      paid[t] = Math.min(afterCap[t] ?? 0, Math.max(0, balance));
      balance -= paid[t] ?? 0;
      returnCapBalance[t] = balance;
    }
  }

  const paidByOutcome: Record<string, number[]> = {};
  for (const [id, series] of Object.entries(dueByOutcome)) {
    paidByOutcome[id] = series.map((amount, t) => {
      const total = due[t] ?? 0;
      return total > 0 ? (amount * (paid[t] ?? 0)) / total : 0;
    });
  }

  // P10: split by payer shares. Below 100 % the remainder is not yet allocated (the authority
  // still owes it); above 100 % (an error, V8) the shares are scaled to 100 %, so the payers
  // never pay more than the investor receives.
  const { scale, unallocatedShare } = payerShareSplit(input.payment.payerShares);
  const byPayer: Record<string, number[]> = {};
  for (const [departmentId, share] of Object.entries(input.payment.payerShares)) {
    byPayer[departmentId] = paid.map((amount) => amount * share * scale);
  }
  const unallocated = paid.map((amount) => amount * unallocatedShare);

  return {
    dueByOutcome,
    due,
    settlementYear: s,
    dueAfterSettlement,
    afterCap,
    paid,
    paidByOutcome,
    byPayer,
    unallocated,
    returnCapBalance,
  };
}

/**
 * P10: how payer shares split a payment. Shares summing to S ≤ 1 pay their share each and leave
 * 1 − S unallocated; S > 1 scales every share by 1/S and leaves nothing unallocated.
 */
export function payerShareSplit(payerShares: Record<string, number>): { scale: number; unallocatedShare: number } {
  let shareSum = 0;
  for (const share of Object.values(payerShares)) shareSum += share;
  return shareSum > 1 ? { scale: 1 / shareSum, unallocatedShare: 0 } : { scale: 1, unallocatedShare: 1 - shareSum };
}

function sumAt(series: Record<string, number[]>, t: number): number {
  let total = 0;
  for (const values of Object.values(series)) total += values[t] ?? 0;
  return total;
}
