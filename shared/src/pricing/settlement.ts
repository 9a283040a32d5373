/**
 * P11: the year the guarantee settles, counted from t = 0: the contract's last year within the
 * horizon, min(contract years, H) − 1, or H − 1 for a case without contract terms. Outcome
 * payments due after it are not paid, and intake whose capital falls after it is an error.
 */
export function settlementYear(horizonYears: number, contractYears?: number): number {
  const years = contractYears === undefined ? horizonYears : Math.min(contractYears, horizonYears);
  return Math.max(0, years - 1);
}
