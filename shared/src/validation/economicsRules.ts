import type { CaseModelDraft } from '../model/caseModel.ts';
import { presentValue, sum } from '../pricing/discounting.ts';
import { pricingInputFromModel } from '../pricing/fromModel.ts';
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
 * Economics rules V15–V20 (docs/validation.md): the model is complete enough to price, and
 * the priced business case holds a problem the group should see.
 */
export function economicsFindings(model: CaseModelDraft): Finding[] {
  const findings: Finding[] = [];
  const result = pricingInputFromModel(model);
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
  const r = input.discountRate;

  // V16: the authority pays more than it saves (municipal payments vs municipal value, in PV).
  const municipal = new Set(input.departments.filter((d) => d.level === 'municipal').map((d) => d.id));
  let pvPayments = 0;
  let pvValue = 0;
  for (const [id, series] of Object.entries(pricing.yearly.paymentsByPayer)) {
    if (municipal.has(id)) pvPayments += presentValue(series, r);
  }
  for (const [id, series] of Object.entries(pricing.yearly.valueByDepartment)) {
    if (municipal.has(id)) pvValue += presentValue(series, r);
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
      // V19: the most the return cap lets through is all capital grown at q to year H−1.
      const H = input.horizonYears;
      const maxUnderReturnCap = sum(pricing.yearly.capital.map((c, t) => c * (1 + q) ** (H - 1 - t)));
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
