import type { DepartmentLevel } from '../model/facts.ts';
import { pricedHorizon } from './absoluteBounds.ts';
import { breakEvenYear } from './breakEven.ts';
import { discountedSum, discountFactors, sum, yearsOf, zeros } from './discounting.ts';
import { interventionCost } from './interventionCost.ts';
import { type IrrResult, irr } from './irr.ts';
import { outcomeEffects } from './outcomeEffects.ts';
import { outcomePayments } from './outcomePayments.ts';
import type { PricingInput } from './pricingInput.ts';

/** One department's account (P17), in present values. */
export type DepartmentAccount = {
  departmentId: string;
  valueGained: number;
  paymentsMade: number;
  ownCost: number;
  net: number;
};

/** Every figure per year, t = 0 … H−1 (P1). */
export type YearlyFigures = {
  years: number[];
  discountFactor: number[];
  interventionCost: number[];
  capital: number[];
  ownFunding: number[];
  valueByDepartment: Record<string, number[]>;
  publicValue: number[];
  paymentsDue: number[];
  paymentsAfterCap: number[];
  paid: number[];
  paymentsByPayer: Record<string, number[]>;
  unallocated: number[];
  guarantee: number[];
  authorityNet: number[];
  publicSectorNet: number[];
  investorCashFlow: number[];
  authorityCumulativeDiscounted: number[];
};

/** The priced business case. */
export type Pricing = {
  yearly: YearlyFigures;
  totals: {
    interventionCost: number;
    capital: number;
    publicValue: number;
    paid: number;
    unallocated: number;
    guarantee: number;
  };
  authorityNpv: number;
  publicSectorNpv: number;
  breakEvenYear: number | undefined;
  benefitCostRatio: number | undefined;
  investor: {
    npv: number;
    irr: IrrResult;
    /** Σ inflows / Σ capital; undefined without capital (P13). */
    multiple: number | undefined;
    /** The nominal sum of the investor's cash flows < 0 (P13). */
    losesMoney: boolean;
    netNominal: number;
  };
  departments: DepartmentAccount[];
  /**
   * P17: the who-pays rows beside the departments', as the PV of what the authority pays: the
   * not-yet-allocated remainder (P10) and a municipal guarantor's payment (P11; 0 for any
   * other guarantor). The municipal departments' nets minus these sum to the authority NPV.
   */
  authorityRows: { unallocated: number; guarantee: number };
  /** P11: the year the guarantee settles; payments due after it are not paid. */
  settlementYear: number;
  /** P11: the nominal sum due after the settlement year within the horizon, not paid. */
  dueAfterSettlement: number;
};

/**
 * Prices a case's inputs by rules P1–P17 and P20 (docs/pricing.md). Pure and deterministic.
 * `irr: false` skips the IRR search (Monte Carlo needs only NPVs and the nominal net). Inputs
 * come from `pricingInputFromModel`, which refuses values outside their bounds; a horizon
 * outside 1–50 years throws here (a bug), and no loop runs past H whatever else was typed.
 */
export function price(input: PricingInput, options: { irr?: boolean } = {}): Pricing {
  const H = pricedHorizon(input.horizonYears);
  const years = yearsOf(H);
  // P2: the Danish schedule or one flat rate.
  const discount = discountFactors(input, H);
  const cost = interventionCost(input);
  const effects = outcomeEffects(input);
  const payments = outcomePayments(input, cost.capital);

  const valueByDepartment: Record<string, number[]> = {};
  for (const effect of effects) {
    for (const [departmentId, series] of Object.entries(effect.valueByDepartment)) {
      const target = valueByDepartment[departmentId] ?? zeros(H);
      valueByDepartment[departmentId] = target;
      series.forEach((value, t) => {
        target[t] = (target[t] ?? 0) + value;
      });
    }
  }
  const publicValue = years.map((t) => sumOver(valueByDepartment, t));

  // P11: in the settlement year s the guarantor covers the investor's nominal loss up to s,
  // up to the amount, outside the cap.
  const s = payments.settlementYear;
  const guarantee = zeros(H);
  if (H > 0 && input.payment.guaranteeAmount !== undefined) {
    const shortfall = Math.max(0, sumTo(cost.capital, s) - sumTo(payments.paid, s));
    guarantee[s] = Math.min(input.payment.guaranteeAmount, shortfall);
  }

  // P12: the authority is the municipal departments; the public sector adds the regional and
  // state ones. Both owe the not-yet-allocated remainder (P10) and the own funding.
  const municipal = departmentsAt(input, MUNICIPAL);
  const publicSector = departmentsAt(input, PUBLIC_LEVELS);
  // The guarantee is theirs too when the guarantor is at one of their levels.
  const guarantorLevel = input.payment.guarantorLevel ?? 'other';
  const netOf = (members: ReadonlySet<string>, levels: ReadonlySet<DepartmentLevel>) =>
    years.map((t) => {
      let net = -(cost.ownFunding[t] ?? 0) - (payments.unallocated[t] ?? 0);
      if (levels.has(guarantorLevel)) net -= guarantee[t] ?? 0;
      for (const [id, series] of Object.entries(valueByDepartment)) if (members.has(id)) net += series[t] ?? 0;
      for (const [id, series] of Object.entries(payments.byPayer)) if (members.has(id)) net -= series[t] ?? 0;
      return net;
    });
  const authorityNet = netOf(municipal, MUNICIPAL);
  const publicSectorNet = netOf(publicSector, PUBLIC_LEVELS);

  // P13: the investor.
  // Flows within rounding noise of zero are zero, so that a fully repaid year is not read as a
  // tiny investment or return by the IRR (P15).
  const capitalTotal = sum(cost.capital);
  const noise = 1e-9 * Math.max(1, capitalTotal);
  const investorCashFlow = years.map((t) => {
    const flow = (payments.paid[t] ?? 0) + (guarantee[t] ?? 0) - (cost.capital[t] ?? 0);
    return Math.abs(flow) < noise ? 0 : flow;
  });
  const inflows = sum(payments.paid) + sum(guarantee);
  const netNominal = sum(investorCashFlow);

  let running = 0;
  const authorityCumulativeDiscounted = authorityNet.map((net, t) => {
    running += net * (discount[t] ?? 1);
    return running;
  });

  const pvCost = discountedSum(cost.total, discount);
  return {
    yearly: {
      years,
      discountFactor: discount,
      interventionCost: cost.total,
      capital: cost.capital,
      ownFunding: cost.ownFunding,
      valueByDepartment,
      publicValue,
      paymentsDue: payments.due,
      paymentsAfterCap: payments.afterCap,
      paid: payments.paid,
      paymentsByPayer: payments.byPayer,
      unallocated: payments.unallocated,
      guarantee,
      authorityNet,
      publicSectorNet,
      investorCashFlow,
      authorityCumulativeDiscounted,
    },
    totals: {
      interventionCost: sum(cost.total),
      capital: capitalTotal,
      publicValue: sum(publicValue),
      paid: sum(payments.paid),
      unallocated: sum(payments.unallocated),
      guarantee: sum(guarantee),
    },
    authorityNpv: discountedSum(authorityNet, discount),
    publicSectorNpv: discountedSum(publicSectorNet, discount),
    breakEvenYear: breakEvenYear(authorityCumulativeDiscounted),
    benefitCostRatio: ratio(discountedSum(publicValue, discount), pvCost),
    investor: {
      npv: discountedSum(investorCashFlow, discount),
      irr: options.irr === false ? { ok: false, reason: 'notComputed' } : irr(investorCashFlow),
      multiple: ratio(inflows, capitalTotal),
      // P13: a nominal net within the same noise of zero is a tie (the XLSX applies the same band).
      losesMoney: netNominal < -noise,
      netNominal,
    },
    departments: departmentAccounts(input, valueByDepartment, payments.byPayer, cost.ownFunding, discount),
    authorityRows: {
      unallocated: discountedSum(payments.unallocated, discount),
      guarantee: guarantorLevel === 'municipal' ? discountedSum(guarantee, discount) : 0,
    },
    settlementYear: s,
    dueAfterSettlement: payments.dueAfterSettlement,
  };
}

const MUNICIPAL: ReadonlySet<DepartmentLevel> = new Set(['municipal']);
/** P12: the levels that are public money; "other" (e.g. a housing association) is private. */
export const PUBLIC_LEVELS: ReadonlySet<DepartmentLevel> = new Set(['municipal', 'regional', 'state']);

function departmentsAt(input: PricingInput, levels: ReadonlySet<DepartmentLevel>): Set<string> {
  return new Set(input.departments.filter((d) => levels.has(d.level)).map((d) => d.id));
}

/**
 * P17: per department, the PV of value gained, of payments made and of own cost, and the net.
 * P17a: the authority's own share of the intervention cost is borne by the municipal payers in
 * proportion to their payer shares (with no municipal payer it is not assigned to anyone).
 */
function departmentAccounts(
  input: PricingInput,
  valueByDepartment: Record<string, number[]>,
  byPayer: Record<string, number[]>,
  ownFunding: number[],
  discount: readonly number[],
): DepartmentAccount[] {
  const municipalShares = input.departments
    .filter((d) => d.level === 'municipal')
    .map((d) => [d.id, Math.max(0, input.payment.payerShares[d.id] ?? 0)] as const);
  const municipalShareSum = municipalShares.reduce((total, [, share]) => total + share, 0);
  const pvOwnFunding = discountedSum(ownFunding, discount);
  return input.departments.map((department) => {
    const valueGained = discountedSum(valueByDepartment[department.id] ?? [], discount);
    const paymentsMade = discountedSum(byPayer[department.id] ?? [], discount);
    const share = municipalShares.find(([id]) => id === department.id)?.[1] ?? 0;
    const ownCost = municipalShareSum > 0 ? (pvOwnFunding * share) / municipalShareSum : 0;
    return {
      departmentId: department.id,
      valueGained,
      paymentsMade,
      ownCost,
      net: valueGained - paymentsMade - ownCost,
    };
  });
}

/**
 * P20: a ratio, or undefined (shown as "–") when the denominator is not positive or so small
 * that the quotient overflows — never Infinity.
 */
function ratio(numerator: number, denominator: number): number | undefined {
  if (!(denominator > 0)) return undefined;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : undefined;
}

/** Σ_{t ≤ last} of a yearly series. */
function sumTo(series: readonly number[], last: number): number {
  let total = 0;
  for (let t = 0; t <= last && t < series.length; t++) total += series[t] ?? 0;
  return total;
}

function sumOver(series: Record<string, number[]>, t: number): number {
  let total = 0;
  for (const values of Object.values(series)) total += values[t] ?? 0;
  return total;
}
