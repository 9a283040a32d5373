import type {
  CaseModelDraft,
  DepartmentLevel,
  DiscountMethod,
  PaymentBasis,
  PricingInput,
  RangedInput,
} from '@caseroom/shared';

/** A department row of the inputs sheet: a department of the case, or an id only a payer share or value names. */
export type InputDepartment = {
  id: string;
  name: string;
  level: DepartmentLevel | undefined;
  /** False for an id that a payer share or an outcome value names but the case does not list. */
  known: boolean;
  payerShare: number | undefined;
};

/** An outcome row of the inputs sheet. */
export type InputOutcome = {
  id: string;
  name: string;
  baselineRate: number | undefined;
  expectedRate: number | undefined;
  attribution: number | undefined;
  lagYears: number | undefined;
  durationYears: number | undefined;
  persistence: number | undefined;
  /** P7: the rate card, one row per measurement point (a draft's values may be missing). */
  points: InputPoint[];
  valuePerDepartment: Record<string, number>;
};

/** A measurement point of the rate card (P7): months after intake, price per outcome, basis. */
export type InputPoint = {
  months: number | undefined;
  price: number | undefined;
  basis: PaymentBasis | undefined;
};

/** What the inputs sheet shows; a missing value is an empty cell. */
export type InputValues = {
  /** The calendar year of t = 0 (not a pricing input; labels the year columns). */
  startYear: number | undefined;
  horizonYears: number | undefined;
  /** P2: the Danish schedule or one flat rate (absent = flat). */
  discountMethod: DiscountMethod | undefined;
  discountRate: number | undefined;
  investorFundedShare: number | undefined;
  paymentCap: number | undefined;
  returnCap: number | undefined;
  guaranteeAmount: number | undefined;
  /** P12: the guarantor's level (absent = other, private). */
  guarantorLevel: DepartmentLevel | undefined;
  /** P11: the contract's duration in years (sets the settlement year). */
  contractYears: number | undefined;
  interventionName: string | undefined;
  costPerParticipant: number | undefined;
  fixedCostPerYear: number | undefined;
  durationYears: number | undefined;
  ranges: Record<RangedInput, { low: number | undefined; high: number | undefined }>;
  cohorts: { year: number; participants: number }[];
  departments: InputDepartment[];
  outcomes: InputOutcome[];
};

/** The inputs exactly as `price` uses them (P0 defaults applied by `pricingInputFromModel`). */
export function inputValuesFromPricing(
  input: PricingInput,
  ranges: Record<RangedInput, { low: number; high: number }>,
  labels: { interventionName: string | undefined; startYear: number | undefined },
): InputValues {
  const { payment, intervention } = input;
  return {
    startYear: labels.startYear,
    horizonYears: input.horizonYears,
    discountMethod: input.discountMethod,
    discountRate: input.discountRate,
    investorFundedShare: payment.investorFundedShare,
    paymentCap: payment.paymentCap,
    returnCap: payment.returnCap,
    guaranteeAmount: payment.guaranteeAmount,
    guarantorLevel: payment.guarantorLevel,
    contractYears: input.contractYears,
    interventionName: labels.interventionName,
    costPerParticipant: intervention.costPerParticipant,
    fixedCostPerYear: intervention.fixedCostPerYear,
    durationYears: intervention.durationYears,
    ranges,
    cohorts: input.cohorts.map((c) => ({ year: c.year, participants: c.participants })),
    departments: departmentRows(
      input.departments.map((d) => ({ id: d.id, name: d.name, level: d.level })),
      payment.payerShares,
      input.outcomes.map((o) => o.valuePerDepartment),
    ),
    outcomes: input.outcomes.map((o) => ({
      ...o,
      points: o.points.map(({ months, price, basis }) => ({ months, price, basis })),
      valuePerDepartment: { ...o.valuePerDepartment },
    })),
  };
}

/** The inputs a draft has, without defaults, for a case that cannot be priced yet. */
export function inputValuesFromDraft(model: CaseModelDraft): InputValues {
  const { facts, paymentModel: payment } = model;
  const chosen = model.interventions.candidates.find((c) => c.id === model.interventions.chosenId);
  const range = (name: RangedInput) => ({
    low: payment.scenarios[name].low,
    high: payment.scenarios[name].high,
  });
  return {
    startYear: facts.startYear,
    horizonYears: facts.horizonYears,
    discountMethod: facts.discountMethod,
    discountRate: facts.discountRate,
    investorFundedShare: payment.investorFundedShare,
    paymentCap: payment.paymentCap,
    returnCap: payment.returnCap,
    guaranteeAmount: payment.guaranteeAmount,
    guarantorLevel: facts.partners.guarantorLevel,
    contractYears: model.evaluation.contractYears,
    interventionName: chosen?.name,
    costPerParticipant: chosen?.costPerParticipant,
    fixedCostPerYear: chosen?.fixedCostPerYear,
    durationYears: chosen?.durationYears,
    ranges: { effect: range('effect'), cost: range('cost'), persistence: range('persistence') },
    cohorts: model.targetGroup.intake.map((c) => ({ year: c.year, participants: c.participants })),
    departments: departmentRows(
      facts.departments.map((d) => ({ id: d.id, name: d.name ?? '', level: d.level })),
      payment.payerShares,
      model.outcomes.map((o) => o.valuePerDepartment),
    ),
    outcomes: model.outcomes.map((o) => ({
      id: o.id,
      name: o.name ?? '',
      baselineRate: o.baselineRate,
      expectedRate: o.expectedRate,
      attribution: o.attribution,
      lagYears: o.lagYears,
      durationYears: o.durationYears,
      persistence: o.persistence,
      points: o.points.map(({ months, price, basis }) => ({ months, price, basis })),
      valuePerDepartment: { ...o.valuePerDepartment },
    })),
  };
}

/**
 * The case's departments, then (sorted) every id a payer share or an outcome value names that
 * the case does not list: `price` counts those in the public value (P12a) and in the share sum
 * (P10), so the workbook must too.
 */
function departmentRows(
  departments: { id: string; name: string; level: DepartmentLevel | undefined }[],
  payerShares: Record<string, number>,
  values: Record<string, number>[],
): InputDepartment[] {
  const known = new Set(departments.map((d) => d.id));
  const unknown = new Set<string>();
  for (const id of Object.keys(payerShares)) if (!known.has(id)) unknown.add(id);
  for (const record of values) for (const id of Object.keys(record)) if (!known.has(id)) unknown.add(id);
  return [
    ...departments.map((d) => ({ ...d, known: true, payerShare: payerShares[d.id] })),
    ...[...unknown].sort().map((id) => ({ id, name: id, level: undefined, known: false, payerShare: payerShares[id] })),
  ];
}
