import type { CaseModelDraft } from '../model/caseModel.ts';
import { sum } from '../pricing/discounting.ts';
import { type PricingInputResult, pricingInputFromModel } from '../pricing/fromModel.ts';
import { price } from '../pricing/price.ts';
import type { Finding, FindingParam } from './finding.ts';
import { text } from './finding.ts';

const money = (value: number): FindingParam => ({ kind: 'money', value });
const REASON_KEYS = {
  noHorizon: 'reasonNoHorizon',
  noDiscountRate: 'reasonNoDiscountRate',
  noIntervention: 'reasonNoIntervention',
  outOfBounds: 'reasonOutOfBounds',
} as const;

/**
 * Economics rules V11 and V15–V20 (docs/validation.md): the model is complete enough to price, and
 * the priced business case holds a problem the group should see.
 */
export function economicsFindings(
  model: CaseModelDraft,
  result: PricingInputResult = pricingInputFromModel(model),
): Finding[] {
  const findings: Finding[] = [];
  if (!result.ok) {
    findings.push({
      rule: 'V15',
      severity: 'info',
      section: 'paymentModel',
      path: ['paymentModel'],
      messageKey: 'notPriceable',
      params: { reason: { kind: 'message', value: REASON_KEYS[result.reason] } },
    });
    return findings;
  }
  for (const id of result.excludedOutcomeIds) {
    const outcome = model.outcomes.find((o) => o.id === id);
    findings.push({
      rule: 'V15',
      severity: 'warning',
      section: 'outcomes',
      path: ['outcomes', id],
      messageKey: 'outcomeNotPriced',
      params: { item: text(outcome?.name) },
    });
  }
  const { input } = result;
  const pricing = price(input);
  // Present values with the discount factors the pricing used (P2), year by year.
  const pv = (series: readonly number[]) =>
    series.reduce((total, amount, t) => total + amount * (pricing.yearly.discountFactor[t] ?? 0), 0);

  // V16: the authority pays more than it saves (municipal payments and the not-yet-allocated
  // remainder the authority owes, P10, vs municipal value, in PV).
  const municipal = new Set(input.departments.filter((d) => d.level === 'municipal').map((d) => d.id));
  let pvPayments = pv(pricing.yearly.unallocated);
  let pvValue = 0;
  for (const [id, series] of Object.entries(pricing.yearly.paymentsByPayer)) {
    if (municipal.has(id)) pvPayments += pv(series);
  }
  for (const [id, series] of Object.entries(pricing.yearly.valueByDepartment)) {
    if (municipal.has(id)) pvValue += pv(series);
  }
  if (pvPayments > pvValue + 0.5) {
    findings.push({
      rule: 'V16',
      severity: 'warning',
      section: 'paymentModel',
      path: ['paymentModel'],
      messageKey: 'paymentsExceedValue',
      params: { payments: money(pvPayments), value: money(pvValue) },
    });
  }

  // V11: a department that gains but pays nothing — a "who pays" question. It quotes the PV of
  // value gained from the priced business case (P17), so a department whose outcomes create
  // no value within the horizon gains nothing and is not asked.
  for (const account of pricing.departments) {
    const share = input.payment.payerShares[account.departmentId] ?? 0;
    if (account.valueGained >= 0.5 && !(share > 0)) {
      const department = input.departments.find((d) => d.id === account.departmentId);
      findings.push({
        rule: 'V11',
        severity: 'info',
        section: 'paymentModel',
        path: ['paymentModel', 'payerShares', account.departmentId],
        messageKey: 'gainsButPaysNothing',
        params: { department: text(department?.name || account.departmentId), value: money(account.valueGained) },
      });
    }
  }

  // V17: the investor loses money in the expected scenario.
  if (pricing.investor.losesMoney && pricing.totals.capital > 0) {
    findings.push({
      rule: 'V17',
      severity: 'warning',
      section: 'paymentModel',
      path: ['paymentModel'],
      messageKey: 'investorLosesExpected',
      params: { net: money(pricing.investor.netNominal) },
    });
  }

  const cap = input.payment.paymentCap;
  const capital = pricing.totals.capital;
  if (cap !== undefined && capital > 0) {
    // V18: a cap below the investor's capital.
    if (cap < capital) {
      findings.push({
        rule: 'V18',
        severity: 'warning',
        section: 'paymentModel',
        path: ['paymentModel', 'paymentCap'],
        messageKey: 'capBelowCapital',
        params: { cap: money(cap), capital: money(capital) },
      });
    }
    const q = input.payment.returnCap;
    if (q !== undefined) {
      // V19: the most the return cap lets through is the capital deployed up to the settlement
      // year s grown at q to s: payments after s are not paid (P11), and s ≤ H − 1.
      const s = pricing.settlementYear;
      const maxUnderReturnCap = sum(pricing.yearly.capital.map((c, t) => (t <= s ? c * (1 + q) ** (s - t) : 0)));
      if (cap >= maxUnderReturnCap) {
        findings.push({
          rule: 'V19',
          severity: 'info',
          section: 'paymentModel',
          path: ['paymentModel', 'paymentCap'],
          messageKey: 'capIrrelevant',
          params: { cap: money(cap), max: money(maxUnderReturnCap) },
        });
      } else if (cap <= capital) {
        // V20: the reverse — the cap binds before the investor has even its capital back.
        findings.push({
          rule: 'V20',
          severity: 'info',
          section: 'paymentModel',
          path: ['paymentModel', 'returnCap'],
          messageKey: 'returnCapIrrelevant',
          params: { cap: money(cap) },
        });
      }
    }
  }
  return findings;
}
