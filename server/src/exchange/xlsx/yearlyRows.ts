/** The row of each yearly concept on a business-case sheet. */
export type YearlyRows = {
  year: number;
  calendarYear: number;
  rate: number;
  df: number;
  cost: number;
  capital: number;
  ownFunding: number;
  achievers: number[];
  valueByDepartment: number[];
  publicValue: number;
  dueByOutcome: number[];
  dueTotal: number;
  afterCap: number;
  balanceBefore: number;
  paid: number;
  balanceAfter: number;
  paidByOutcome: number[];
  paidByPayer: number[];
  unallocated: number;
  guarantee: number;
  authorityNet: number;
  publicSectorNet: number;
  investorCashFlow: number;
  discountedNet: number;
  cumulative: number;
  staysPositive: number;
};

/**
 * Lays the yearly rows out from `firstRow` down, in the order a reader follows the rules:
 * discounting, cost, outcomes and value, payments through cap and return cap, who pays, the
 * guarantee, then the authority's, the public sector's and the investor's flows.
 */
export function yearlyRowPlan(firstRow: number, outcomes: number, departments: number): YearlyRows {
  let next = firstRow;
  const one = () => next++;
  const many = (n: number) => Array.from({ length: n }, () => next++);
  return {
    year: one(),
    calendarYear: one(),
    rate: one(),
    df: one(),
    cost: one(),
    capital: one(),
    ownFunding: one(),
    achievers: many(outcomes),
    valueByDepartment: many(departments),
    publicValue: one(),
    dueByOutcome: many(outcomes),
    dueTotal: one(),
    afterCap: one(),
    balanceBefore: one(),
    paid: one(),
    balanceAfter: one(),
    paidByOutcome: many(outcomes),
    paidByPayer: many(departments),
    unallocated: one(),
    guarantee: one(),
    authorityNet: one(),
    publicSectorNet: one(),
    investorCashFlow: one(),
    discountedNet: one(),
    cumulative: one(),
    staysPositive: one(),
  };
}
