import { pricedHorizon, pricedPoints, spanInHorizon } from '../pricing/absoluteBounds.ts';
import { discountFactors } from '../pricing/discounting.ts';
import { interventionCost } from '../pricing/interventionCost.ts';
import { payerShareSplit } from '../pricing/outcomePayments.ts';
import type { PricingInput } from '../pricing/pricingInput.ts';
import { settlementYear } from '../pricing/settlement.ts';
import type { ScenarioFactors } from './scenarioInputs.ts';

/** The two figures Monte Carlo needs per draw. */
export type FastFigures = { authorityNpv: number; investorNet: number };

/**
 * A pricer specialised for Monte Carlo: the same rules as `price(applyFactors(input, f))`
 * (P3–P14, P18a: P7 per measurement point, the
 * settlement year and guarantor level of P11/P12, the payer-share split of P10) but with everything that does not depend on the factors computed once, and
 * only the authority NPV and the investor's nominal net computed per draw. A test checks it
 * against `price` on random inputs. Like `price`, it refuses a horizon outside 1–50 years and
 * never loops past H (P20).
 */
export function compileFastPricer(input: PricingInput): (factors: ScenarioFactors) => FastFigures {
  const H = pricedHorizon(input.horizonYears);
  const discount = Float64Array.from(discountFactors(input, H));
  const baseCost = interventionCost({ ...input, payment: { ...input.payment, investorFundedShare: 1 } }).total;
  const f = input.payment.investorFundedShare;
  const municipal = new Set(input.departments.filter((d) => d.level === 'municipal').map((d) => d.id));
  // P10, P12: the authority pays its municipal payers' shares (pro rata to 100 % when they sum
  // past it) and the not-yet-allocated remainder.
  const { scale, unallocatedShare } = payerShareSplit(input.payment.payerShares);
  let authorityShare = unallocatedShare;
  for (const [id, share] of Object.entries(input.payment.payerShares))
    if (municipal.has(id)) authorityShare += share * scale;
  const outcomes = input.outcomes.map((o) => {
    let municipalValue = 0;
    for (const [id, value] of Object.entries(o.valuePerDepartment)) if (municipal.has(id)) municipalValue += value;
    // P7: where each point falls does not depend on the factors; what it pays does.
    const points = pricedPoints(o).map((point) => {
      const yearsAfterIntake = Math.floor(point.months / 12);
      const effectYear = yearsAfterIntake - o.lagYears;
      return {
        price: point.price,
        basis: point.basis,
        yearsAfterIntake,
        effectYear,
        inEffect: effectYear >= 0 && effectYear < o.durationYears,
      };
    });
    return { ...o, municipalValue, points };
  });
  const cohorts = input.cohorts;
  const { paymentCap: cap, returnCap: q, guaranteeAmount } = input.payment;
  // P11: nothing is paid after the settlement year s; the guarantee settles in s. P12: it is the
  // authority's when the guarantor is municipal.
  const s = settlementYear(H, input.contractYears);
  const municipalGuarantor = input.payment.guarantorLevel === 'municipal';
  const value = new Float64Array(H);
  const due = new Float64Array(H);

  return (factors) => {
    value.fill(0);
    due.fill(0);
    for (const o of outcomes) {
      const expected = Math.min(1, Math.max(0, o.baselineRate + (o.expectedRate - o.baselineRate) * factors.effect));
      const persistence = Math.min(1, Math.max(0, o.persistence * factors.persistence));
      const change = expected - o.baselineRate;
      const additionalRate = change * o.attribution;
      // P7 per measurement point, as `paymentDue` computes it under these factors.
      for (const point of o.points) {
        const retained = point.inEffect ? persistence ** point.effectYear : 0;
        const paymentRate =
          point.basis === 'all' ? expected - change * (1 - retained) : change * o.attribution * retained;
        for (const { year, participants } of cohorts) {
          const payYear = year + point.yearsAfterIntake;
          if (payYear >= 0 && payYear < H)
            due[payYear] = (due[payYear] ?? 0) + Math.max(0, point.price * (participants * paymentRate));
        }
      }
      if (o.municipalValue === 0) continue;
      for (const { year, participants } of cohorts) {
        const start = year + o.lagYears;
        const span = spanInHorizon(start, o.durationYears, H);
        let achievers = participants * additionalRate * persistence ** (span.from - start);
        for (let y = span.from; y < span.to; y++) {
          value[y] = (value[y] ?? 0) + achievers * o.municipalValue;
          achievers *= persistence;
        }
      }
    }
    let remainingCap = cap ?? Number.POSITIVE_INFINITY;
    let balance = 0;
    let npv = 0;
    let paidTotal = 0;
    let capitalTotal = 0;
    let guarantee = 0;
    for (let t = 0; t < H; t++) {
      const cost = (baseCost[t] ?? 0) * factors.cost;
      const capital = cost * f;
      capitalTotal += capital;
      let paid = t <= s ? Math.min(due[t] ?? 0, Math.max(0, remainingCap)) : 0;
      remainingCap -= paid;
      if (q !== undefined) {
        balance = balance * (1 + q) + capital;
        paid = Math.min(paid, Math.max(0, balance));
        balance -= paid;
      }
      paidTotal += paid;
      let net = (value[t] ?? 0) - paid * authorityShare - cost * (1 - f);
      if (t === s && guaranteeAmount !== undefined) {
        guarantee = Math.min(guaranteeAmount, Math.max(0, capitalTotal - paidTotal));
        if (municipalGuarantor) net -= guarantee;
      }
      npv += net * (discount[t] ?? 1);
    }
    return { authorityNpv: npv, investorNet: paidTotal + guarantee - capitalTotal };
  };
}
