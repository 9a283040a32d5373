import { describe, expect, it } from 'vitest';
import { irr } from './irr.ts';
import { price } from './price.ts';
import { makeOutcome, makePricingInput } from './testing.ts';

const r = 0.035;
const df = (t: number) => 1 / (1 + r) ** t;
/** To the krone: within half a krone. */
const krone = 0;

describe('worked examples (docs/pricing.md)', () => {
  it('[P3 P5 P6 P7 P12 P13 P14 P16] one cohort and one outcome', () => {
    const p = price(makePricingInput());
    // 100 × 10.000 kr. in year 0, all funded by the investor.
    expect(p.yearly.interventionCost).toEqual([1_000_000, 0, 0, 0, 0]);
    // additional = 100 × (0,4 − 0,2) × 1 = 20 in year 1, then 20 × 0,5 = 10 in year 2.
    expect(p.yearly.publicValue).toEqual([0, 1_000_000, 500_000, 0, 0]);
    // paid once, in year c+lag = 1: 40.000 × 20.
    expect(p.yearly.paid).toEqual([0, 800_000, 0, 0, 0]);
    expect(p.yearly.authorityNet).toEqual([0, 200_000, 500_000, 0, 0]);
    expect(p.authorityNpv).toBeCloseTo(200_000 * df(1) + 500_000 * df(2), krone);
    expect(p.investor.netNominal).toBe(-200_000);
    expect(p.investor.losesMoney).toBe(true);
    expect(p.investor.multiple).toBeCloseTo(0.8, 10);
    expect(p.investor.irr).toEqual({ ok: true, rate: expect.closeTo(-0.2, 8) });
    expect(p.benefitCostRatio).toBeCloseTo((1_000_000 * df(1) + 500_000 * df(2)) / 1_000_000, 10);
    expect(p.breakEvenYear).toBe(0);
  });

  it('[P5 P1] several cohorts with lag and decay; nothing at or past H counts', () => {
    const p = price(
      makePricingInput({
        cohorts: [
          { year: 0, participants: 50 },
          { year: 1, participants: 80 },
        ],
        outcomes: [
          makeOutcome({
            baselineRate: 0.1,
            expectedRate: 0.3,
            attribution: 0.5,
            lagYears: 2,
            durationYears: 3,
            persistence: 0.8,
            valuePerDepartment: { job: 100_000 },
          }),
        ],
      }),
    );
    // cohort 0: 50 × 0,2 × 0,5 = 5 in years 2, 3, 4 as 5; 4; 3,2.
    // cohort 1: 80 × 0,2 × 0,5 = 8 in years 3, 4, (5) as 8; 6,4; (5,12 — past H = 5).
    const achievers = [0, 0, 5, 4 + 8, 3.2 + 6.4];
    p.yearly.publicValue.forEach((value, t) => {
      expect(value).toBeCloseTo((achievers[t] ?? 0) * 100_000, krone);
    });
  });

  it('[P3] a multi-year intervention spreads each cohort cost; fixed cost runs first intake … last intake + d − 1', () => {
    const p = price(
      makePricingInput({
        cohorts: [
          { year: 0, participants: 60 },
          { year: 1, participants: 80 },
        ],
        intervention: { costPerParticipant: 60_000, fixedCostPerYear: 400_000, durationYears: 2 },
      }),
    );
    // 60 × 60.000 = 3,6 mio over years 0–1; 80 × 60.000 = 4,8 mio over years 1–2; fixed in years 0–2.
    expect(p.yearly.interventionCost).toEqual([
      1_800_000 + 400_000,
      1_800_000 + 2_400_000 + 400_000,
      2_400_000 + 400_000,
      0,
      0,
    ]);
  });

  it('[P8] a cap that binds cuts the year it binds pro rata and nothing is paid after', () => {
    const p = price(
      makePricingInput({
        cohorts: [
          { year: 0, participants: 100 },
          { year: 1, participants: 100 },
        ],
        outcomes: [
          makeOutcome({ id: 'a', pricePerOutcome: 30_000 }), // 20 achievers → 600.000 in years 1 and 2
          makeOutcome({ id: 'b', pricePerOutcome: 20_000 }), // 20 achievers → 400.000 in years 1 and 2
        ],
        payment: { payerShares: { job: 1 }, investorFundedShare: 1, paymentCap: 1_500_000 },
      }),
    );
    expect(p.yearly.paymentsDue).toEqual([0, 1_000_000, 1_000_000, 0, 0]);
    expect(p.yearly.paid).toEqual([0, 1_000_000, 500_000, 0, 0]);
    expect(p.totals.paid).toBe(1_500_000);
  });

  it('[P7] payment on all achieved outcomes vs only the additional ones', () => {
    const outcome = { expectedRate: 0.4, baselineRate: 0.2, attribution: 0.5, pricePerOutcome: 10_000 };
    const all = price(makePricingInput({ outcomes: [makeOutcome({ ...outcome, paymentBasis: 'all' })] }));
    const additional = price(makePricingInput({ outcomes: [makeOutcome({ ...outcome, paymentBasis: 'additional' })] }));
    expect(all.yearly.paid[1]).toBeCloseTo(100 * 0.4 * 10_000, krone); // attribution not applied
    expect(additional.yearly.paid[1]).toBeCloseTo(100 * 0.2 * 0.5 * 10_000, krone);
  });

  it('[P7] a worse-than-baseline outcome pays nothing rather than a negative amount', () => {
    const p = price(makePricingInput({ outcomes: [makeOutcome({ expectedRate: 0.1 })] }));
    expect(p.totals.paid).toBe(0);
  });

  it('[P9] a return cap that binds: paid = the balance grown at q, and the IRR equals q', () => {
    const p = price(
      makePricingInput({
        outcomes: [makeOutcome({ lagYears: 2, pricePerOutcome: 100_000 })], // 2 mio due in year 2
        payment: { payerShares: { job: 1 }, investorFundedShare: 1, returnCap: 0.05 },
      }),
    );
    expect(p.yearly.paymentsDue[2]).toBe(2_000_000);
    expect(p.yearly.paid[2]).toBeCloseTo(1_000_000 * 1.05 ** 2, krone);
    expect(p.investor.irr).toEqual({ ok: true, rate: expect.closeTo(0.05, 9) });
  });

  it('[P11] without contract terms a guarantee pays the investor its loss up to the amount, in year H−1', () => {
    const p = price(
      makePricingInput({
        outcomes: [makeOutcome({ pricePerOutcome: 15_000 })], // 300.000 paid
        payment: { payerShares: { job: 1 }, investorFundedShare: 1, guaranteeAmount: 500_000 },
      }),
    );
    expect(p.yearly.guarantee).toEqual([0, 0, 0, 0, 500_000]);
    expect(p.investor.netNominal).toBe(-1_000_000 + 300_000 + 500_000);
    // The guarantee is outside the cap and not a public payment.
    expect(p.yearly.authorityNet[4]).toBe(0);
  });

  it('[P11] a contract shorter than H: the guarantee settles at its end, and payments due after it are not paid', () => {
    const p = price(
      makePricingInput({
        contractYears: 2, // s = min(2, 5) − 1 = 1
        cohorts: [
          { year: 0, participants: 100 },
          { year: 1, participants: 100 },
        ],
        payment: { payerShares: { job: 1 }, investorFundedShare: 1, guaranteeAmount: 2_000_000 },
      }),
    );
    expect(p.settlementYear).toBe(1);
    // Capital 1 mio in years 0 and 1; 800.000 due in year 1 (cohort 0) and in year 2 (cohort 1).
    expect(p.yearly.paymentsDue).toEqual([0, 800_000, 800_000, 0, 0]);
    // Year 2 is after s: not paid.
    expect(p.yearly.paid).toEqual([0, 800_000, 0, 0, 0]);
    expect(p.dueAfterSettlement).toBe(800_000);
    // Guarantee in year 1 = min(2.000.000, 2.000.000 capital − 800.000 paid) = 1.200.000.
    expect(p.yearly.guarantee).toEqual([0, 1_200_000, 0, 0, 0]);
    expect(p.investor.netNominal).toBe(0);
    // A guarantor without a level is private: the authority's net is value − payments only.
    // Year 1: 1.000.000 − 800.000; year 2: 1.000.000 + 500.000; year 3: 500.000.
    expect(p.yearly.authorityNet).toEqual([0, 200_000, 1_500_000, 500_000, 0]);
    // 200.000/1,035 + 1.500.000/1,035² + 500.000/1,035³ = 2.044.474 kr.
    expect(p.authorityNpv).toBeCloseTo(2_044_474.12, krone);
  });

  it('[P11 P12] a contract longer than H settles in year H−1', () => {
    const p = price(
      makePricingInput({
        contractYears: 8,
        payment: { payerShares: { job: 1 }, investorFundedShare: 1, guaranteeAmount: 500_000 },
      }),
    );
    expect(p.settlementYear).toBe(4);
    expect(p.yearly.guarantee[4]).toBe(200_000);
  });

  it('[P12 P17] a public guarantor: a state guarantee counts in the public-sector total, a municipal one also in the authority’s', () => {
    const base = {
      outcomes: [makeOutcome({ pricePerOutcome: 15_000 })], // 300.000 paid in year 1
      payment: { payerShares: { job: 1 }, investorFundedShare: 1, guaranteeAmount: 500_000 },
    };
    const state = price(makePricingInput({ ...base, payment: { ...base.payment, guarantorLevel: 'state' } }));
    // Guarantee 500.000 in year 4 (H − 1, no contract): the state pays it.
    expect(state.yearly.guarantee[4]).toBe(500_000);
    expect(state.yearly.authorityNet[4]).toBe(0);
    expect(state.yearly.publicSectorNet[4]).toBe(-500_000);
    // Public sector: 700.000/1,035 + 500.000/1,035² − 500.000/1,035⁴ = 1.143.084 − 435.721 = 707.363 kr.
    expect(state.publicSectorNpv).toBeCloseTo(707_362.74, krone);
    expect(state.authorityRows.guarantee).toBe(0);

    const foundation = price(makePricingInput({ ...base, payment: { ...base.payment, guarantorLevel: 'other' } }));
    expect(foundation.publicSectorNpv).toBeCloseTo(1_143_083.85, krone);
    expect(foundation.authorityNpv).toBeCloseTo(1_143_083.85, krone);

    const municipal = price(makePricingInput({ ...base, payment: { ...base.payment, guarantorLevel: 'municipal' } }));
    expect(municipal.yearly.authorityNet[4]).toBe(-500_000);
    expect(municipal.authorityNpv).toBeCloseTo(707_362.74, krone);
    expect(municipal.authorityRows.guarantee).toBeCloseTo(435_721.11, krone);
    // P17: the municipal rows minus the guarantor's row sum to the authority NPV.
    const municipalNets = municipal.departments
      .filter((d) => d.departmentId !== 'region')
      .reduce((total, d) => total + d.net, 0);
    expect(municipalNets - municipal.authorityRows.unallocated - municipal.authorityRows.guarantee).toBeCloseTo(
      municipal.authorityNpv,
      krone,
    );
  });

  it('[P11] a guarantee larger than the loss pays only the loss', () => {
    const p = price(
      makePricingInput({ payment: { payerShares: { job: 1 }, investorFundedShare: 1, guaranteeAmount: 5_000_000 } }),
    );
    expect(p.totals.guarantee).toBe(200_000);
    expect(p.investor.netNominal).toBe(0);
  });

  it('[P4 P12] an investor-funded share below 100 %: the authority funds the rest itself', () => {
    const p = price(makePricingInput({ payment: { payerShares: { job: 1 }, investorFundedShare: 0.6 } }));
    expect(p.yearly.capital[0]).toBe(600_000);
    expect(p.yearly.ownFunding[0]).toBe(400_000);
    expect(p.yearly.authorityNet[0]).toBe(-400_000);
    expect(p.investor.multiple).toBeCloseTo(800_000 / 600_000, 10);
  });

  it('[P12 P17] a regional department gains but is not part of the authority net', () => {
    const p = price(
      makePricingInput({
        outcomes: [makeOutcome({ valuePerDepartment: { job: 50_000, region: 30_000 } })],
      }),
    );
    expect(p.yearly.authorityNet[1]).toBe(1_000_000 - 800_000);
    expect(p.yearly.publicSectorNet[1]).toBe(1_000_000 + 600_000 - 800_000);
    const region = p.departments.find((d) => d.departmentId === 'region')!;
    expect(region.valueGained).toBeCloseTo(600_000 * df(1) + 300_000 * df(2), krone);
    expect(region.paymentsMade).toBe(0);
    expect(region.net).toBeCloseTo(region.valueGained, 6);
  });

  it('[P10 P12 P17] unallocated 10 % is owed by the authority: its NPV is lower by the PV of 10 % of payments', () => {
    // Shares: Jobcenter (municipal) 60 %, Regionen (regional) 30 % → 10 % not yet allocated.
    const p = price(makePricingInput({ payment: { payerShares: { job: 0.6, region: 0.3 }, investorFundedShare: 1 } }));
    // 800.000 kr. paid in year 1: 480.000 by the Jobcenter, 240.000 by the region, 80.000 not allocated.
    expect(p.yearly.paymentsByPayer.job?.[1]).toBeCloseTo(480_000, krone);
    expect(p.yearly.paymentsByPayer.region?.[1]).toBeCloseTo(240_000, krone);
    expect(p.yearly.unallocated[1]).toBeCloseTo(80_000, krone);
    // Authority net year 1 = 1.000.000 value − 480.000 − 80.000 = 440.000; year 2 = 500.000.
    expect(p.yearly.authorityNet[1]).toBeCloseTo(440_000, krone);
    // 440.000/1,035 + 500.000/1,035² = 891.876 kr.; without the remainder it was 969.171 kr.,
    // 77.295 kr. (= 80.000/1,035) too high.
    expect(p.authorityNpv).toBeCloseTo(891_876.12, krone);
    expect(p.authorityRows.unallocated).toBeCloseTo(77_294.69, krone);
    // Public sector net year 1 = 1.000.000 − (480.000 + 240.000) − 80.000 = 200.000.
    expect(p.yearly.publicSectorNet[1]).toBeCloseTo(200_000, krone);
    expect(p.publicSectorNpv).toBeCloseTo(659_992.07, krone);
    // P17: the municipal departments' nets minus the unallocated row sum to the authority NPV.
    const municipalNets = p.departments
      .filter((d) => d.departmentId === 'job' || d.departmentId === 'social')
      .reduce((total, d) => total + d.net, 0);
    expect(municipalNets - p.authorityRows.unallocated).toBeCloseTo(p.authorityNpv, krone);
  });

  it('[P10] shares at 120 % are priced pro rata to 100 %: departments pay exactly what the investor receives', () => {
    const p = price(makePricingInput({ payment: { payerShares: { job: 0.8, social: 0.4 }, investorFundedShare: 1 } }));
    // 800.000 × 0,8/1,2 = 533.333 kr. and 800.000 × 0,4/1,2 = 266.667 kr. — not 640.000 + 320.000 = 960.000.
    expect(p.yearly.paymentsByPayer.job?.[1]).toBeCloseTo(533_333.33, krone);
    expect(p.yearly.paymentsByPayer.social?.[1]).toBeCloseTo(266_666.67, krone);
    const paidByPayers = p.yearly.years.map(
      (t) => (p.yearly.paymentsByPayer.job?.[t] ?? 0) + (p.yearly.paymentsByPayer.social?.[t] ?? 0),
    );
    paidByPayers.forEach((amount, t) => {
      expect(amount).toBeCloseTo(p.yearly.paid[t] ?? 0, 6);
    });
    expect(p.totals.unallocated).toBe(0);
    expect(p.yearly.authorityNet[1]).toBeCloseTo(1_000_000 - 800_000, krone);
  });

  it('[P17a] the authority’s own cost is borne by the municipal payers pro rata to their shares', () => {
    const p = price(
      makePricingInput({ payment: { payerShares: { job: 0.75, social: 0.25 }, investorFundedShare: 0 } }),
    );
    const job = p.departments.find((d) => d.departmentId === 'job')!;
    const social = p.departments.find((d) => d.departmentId === 'social')!;
    expect(job.ownCost).toBeCloseTo(750_000, krone);
    expect(social.ownCost).toBeCloseTo(250_000, krone);
  });

  it('[P15] a case with no IRR says why', () => {
    const noPayments = price(makePricingInput({ outcomes: [makeOutcome({ pricePerOutcome: 0 })] }));
    expect(noPayments.investor.irr).toEqual({ ok: false, reason: 'noReturnFlow' });
    expect(noPayments.investor.multiple).toBe(0);
    const noCapital = price(makePricingInput({ payment: { payerShares: { job: 1 }, investorFundedShare: 0 } }));
    expect(noCapital.investor.irr).toEqual({ ok: false, reason: 'noInvestment' });
    expect(noCapital.investor.multiple).toBeUndefined();
  });

  it('[P16] break-even is the first year from which the cumulative discounted net stays ≥ 0', () => {
    const p = price(makePricingInput({ payment: { payerShares: { job: 1 }, investorFundedShare: 0.5 } }));
    // Year 0: −500.000; year 1: +200.000 → cumulative still negative; year 2: +500.000 → positive.
    expect(p.breakEvenYear).toBe(2);
    const never = price(makePricingInput({ payment: { payerShares: { job: 1 }, investorFundedShare: 0 } }));
    expect(never.authorityNpv).toBeLessThan(0);
    expect(never.breakEvenYear).toBeUndefined();
  });
});

describe('[P15] IRR root finding', () => {
  it('finds the single root of a conventional investment', () => {
    const result = irr([-1000, 300, 400, 500]);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(-1000 + 300 / (1 + result.rate) + 400 / (1 + result.rate) ** 2 + 500 / (1 + result.rate) ** 3).toBeCloseTo(
        0,
        6,
      );
  });

  it('gives no IRR for cash flows with two roots (10 % and 20 %)', () => {
    expect(irr([-100, 230, -132])).toEqual({ ok: false, reason: 'severalRoots' });
  });

  it('gives no IRR when the root lies outside [−99 %, 1000 %] (P15: outside the range)', () => {
    expect(irr([-1, 100])).toEqual({ ok: false, reason: 'rootOutsideRange' });
  });

  it('handles a total loss', () => {
    expect(irr([-100, 0, 0])).toEqual({ ok: false, reason: 'noReturnFlow' });
  });
});
