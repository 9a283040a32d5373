import type { DepartmentLevel } from '../model/facts.ts';
import type { PaymentBasis } from '../model/outcome.ts';
import type { DiscountMethod } from './discounting.ts';

/** A cohort: n participants entering in year c (P3, P5). */
export type Cohort = { year: number; participants: number };

/** The inputs `price` needs, all present and numeric (see fromModel.ts for how a case maps here). */
export type PricingInput = {
  /** H: years t = 0 … H−1 count (P1). */
  horizonYears: number;
  /** P2: the Danish schedule or one flat rate; absent = flat (a case stored before the schedule). */
  discountMethod?: DiscountMethod;
  /** P2: r in DF(t) = 1/(1+r)^t — required with the flat method, unused (absent) with the schedule. */
  discountRate?: number;
  /** The contract's duration in years (P11: the guarantee settles at its end); none when undefined. */
  contractYears?: number;
  departments: { id: string; name: string; level: DepartmentLevel }[];
  cohorts: Cohort[];
  intervention: { costPerParticipant: number; fixedCostPerYear: number; durationYears: number };
  outcomes: PricedOutcome[];
  payment: {
    /** Share of each year's payments per paying department (P10, not renormalised). */
    payerShares: Record<string, number>;
    /** f: the investor's share of each year's intervention cost (P4). */
    investorFundedShare: number;
    /** Nominal cap on total payments (P8); none when undefined. */
    paymentCap?: number;
    /** q: annual return cap (P9); none when undefined. */
    returnCap?: number;
    /** Guarantee paid to the investor in the settlement year (P11); none when undefined. */
    guaranteeAmount?: number;
    /** The guarantor's level (P12): municipal money counts for the authority, any public level for the public sector; absent = other (private). */
    guarantorLevel?: DepartmentLevel;
  };
};

/**
 * P7: one measurement point of an outcome's rate card — `months` whole months after intake
 * (0–600), the price per outcome paid there and the basis it pays on.
 */
export type MeasurementPoint = { months: number; price: number; basis: PaymentBasis };

/** An outcome as pricing reads it (P5–P7); it pays at each of its measurement points (at most 12). */
export type PricedOutcome = {
  id: string;
  name: string;
  baselineRate: number;
  expectedRate: number;
  attribution: number;
  lagYears: number;
  durationYears: number;
  persistence: number;
  valuePerDepartment: Record<string, number>;
  /** P7: where and what the outcome pays; a case from before measurement points has one (`legacyPoint`). */
  points: MeasurementPoint[];
};
