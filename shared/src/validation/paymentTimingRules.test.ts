import { describe, expect, it } from 'vitest';
import { exampleCase } from '../example/exampleCase.ts';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { makeOutcome } from '../pricing/testing.ts';
import type { Finding } from './finding.ts';
import { paymentTimingFindings, scheduledPayments } from './paymentTimingRules.ts';
import { readiness } from './readiness.ts';
import { renderFinding } from './render.ts';
import { validate } from './validate.ts';

/*
 * Hand-computed on the example case: H = 10, a 5-year contract (settlement year s = 4, "år 5"),
 * intake 60 (t 0), 80 (t 1), 80 (t 2). "Ordinær beskæftigelse" pays 250.000 kr. per additional
 * outcome (baseline 20 %, expected 40 %, attribution 100 %): 60·0,2 = 12 → 3.000.000 kr. for the
 * first cohort, 80·0,2 = 16 → 4.000.000 kr. for each of the others, due in year c + lag (P7: the
 * example's outcomes have one measurement point each, at lag × 12 months).
 */
function makeCase(change: (model: CaseModelDraft) => void): CaseModelDraft {
  const model = exampleCase();
  change(model);
  return model;
}
const employment = (m: CaseModelDraft) => m.outcomes[0]!;
/** A lag with the outcome's one measurement point at its start (m = lag × 12, j = 0), as a case from before rate cards. */
function lagWithPoint(outcome: CaseModelDraft['outcomes'][number], lag: number): void {
  outcome.lagYears = lag;
  for (const point of outcome.points) point.months = lag * 12;
}
const v6 = (findings: Finding[]) => findings.filter((f) => f.rule === 'V6');
const summary = (f: Finding) => [f.severity, f.messageKey, f.params.cohorts?.value, f.params.amount?.value];

describe('V6: one finding per outcome and cause', () => {
  it('[V6 P11] a payment due after the contract is settled is a warning naming the cohorts and the amount', () => {
    // lag 3: due in years 3, 4, 5; the third cohort's 4.000.000 kr. falls due after s = 4.
    const findings = v6(validate(makeCase((m) => lagWithPoint(employment(m), 3))));
    expect(findings.map(summary)).toEqual([['warning', 'outcomePaymentAfterSettlement', [3], 4_000_000]]);
    expect(findings[0]!.path).toEqual(['outcomes', 'out-employment', 'points']);
    expect(renderFinding(findings[0]!, 'da')).toBe(
      'Betalingen for »Ordinær beskæftigelse« for optaget i år 3 forfalder efter det år, kontrakten gøres op (år 5), og udbetales derfor ikke: 4.000.000 kr. (før loftet). Forlæng kontrakten eller gør forsinkelsen kortere, hvis resultaterne skal betales.',
    );
    expect(renderFinding(findings[0]!, 'en')).toBe(
      'The payment for “Ordinær beskæftigelse” for the intake of year 3 falls due after the year the contract is settled (year 5), so it is not paid: 4.000.000 kr. (before the cap). Extend the contract or shorten the lag if these outcomes are to be paid for.',
    );
  });

  it('[V6 P7] the amount is the one P7 computes with the outcome’s basis: all achieved pays n·e', () => {
    // Basis "all achieved": 80 · 40 % · 250.000 = 8.000.000 kr. for the third cohort.
    const findings = v6(
      validate(
        makeCase((m) => {
          lagWithPoint(employment(m), 3);
          employment(m).points[0]!.basis = 'all';
        }),
      ),
    );
    expect(findings.map(summary)).toEqual([['warning', 'outcomePaymentAfterSettlement', [3], 8_000_000]]);
  });

  it('[V6 P20] a later cohort’s payment past the horizon is a warning, not only a note on the effect', () => {
    // No contract terms (s = H − 1 = 9), lag 8: due in years 8, 9, 10 — the third cohort's
    // 4.000.000 kr. falls past the horizon. The effect lasting past H is a separate note.
    const findings = v6(
      validate(
        makeCase((m) => {
          m.evaluation.contractYears = undefined;
          lagWithPoint(employment(m), 8);
        }),
      ),
    );
    expect(findings.map(summary)).toEqual([
      ['warning', 'outcomeEffectPastHorizon', [3], undefined],
      ['warning', 'outcomePaymentPastHorizon', [3], 4_000_000],
      ['info', 'outcomeLastsPastHorizon', undefined, undefined],
    ]);
    expect(renderFinding(findings[1]!, 'da')).toBe(
      'Et målepunkt for »Ordinær beskæftigelse« ligger ved eller efter tidshorisontens slutning for optaget i år 3: betalingen på 4.000.000 kr. (før loftet) udbetales ikke inden for horisonten.',
    );
    expect(renderFinding(findings[1]!, 'en')).toBe(
      'A measurement point of “Ordinær beskæftigelse” lies at or after the end of the horizon for the intake of year 3: the payment of 4.000.000 kr. (before the cap) is not paid within the horizon.',
    );
  });

  it('[V6 P11 P20] past the horizon and after settlement are separate findings for the same outcome', () => {
    // 5-year contract, lag 8: years 8 and 9 are after s = 4 (3.000.000 + 4.000.000 kr.),
    // year 10 is past H (4.000.000 kr.).
    const findings = v6(validate(makeCase((m) => lagWithPoint(employment(m), 8))));
    expect(findings.map(summary)).toEqual([
      ['warning', 'outcomeEffectPastHorizon', [3], undefined],
      ['warning', 'outcomePaymentPastHorizon', [3], 4_000_000],
      ['warning', 'outcomePaymentAfterSettlement', [1, 2], 7_000_000],
      ['info', 'outcomeLastsPastHorizon', undefined, undefined],
    ]);
    expect(renderFinding(findings[2]!, 'da')).toContain('for optaget i år 1 og 2 forfalder');
    expect(renderFinding(findings[2]!, 'da')).toContain(': 7.000.000 kr. (før loftet)');
    expect(renderFinding(findings[2]!, 'en')).toContain('for the intake of years 1 and 2 falls due');
  });

  it('[V6 P20] an effect starting past the horizon for every cohort is an error; a point past it without payment is no finding', () => {
    const findings = v6(
      validate(
        makeCase((m) => {
          lagWithPoint(employment(m), 10);
          lagWithPoint(m.outcomes[1]!, 12);
        }),
      ),
    );
    expect(findings.map(summary)).toEqual([
      ['error', 'outcomeEffectPastHorizon', [1, 2, 3], undefined],
      ['error', 'outcomeEffectPastHorizon', [1, 2, 3], undefined],
      ['warning', 'outcomePaymentPastHorizon', [1, 2, 3], 11_000_000],
    ]);
    expect(renderFinding(findings[2]!, 'da')).toContain('for optaget i år 1, 2 og 3');
    expect(renderFinding(findings[2]!, 'da')).toContain('betalingen på 11.000.000 kr. (før loftet)');
    expect(renderFinding(findings[1]!, 'da')).toBe(
      'Effekten af »Færre psykiatriske indlæggelser« begynder først ved eller efter tidshorisontens slutning for optaget i år 1, 2 og 3: den tæller ikke med i business casen.',
    );
    expect(renderFinding(findings[1]!, 'en')).toBe(
      'The effect of “Færre psykiatriske indlæggelser” starts at or after the end of the horizon for the intake of years 1, 2 and 3: it is not in the business case.',
    );
  });

  it('[V6 P7] one scheduled payment per measurement point and cohort, each with its year, j and amount', () => {
    // b = 20 %, e = 40 %, a = 100 %, lag 1, duration 3, persistence 50 %; cohorts of 100 (t 0),
    // 50 (t 1) and 0 (t 2, no one: no payment). H = 6, a 4-year contract (s = 3).
    //   6 months, 1.000 kr., all achieved: y = c, j = −1 → n·b: 20 → 20.000; 10 → 10.000
    //   36 months, 10.000 kr., additional: y = c + 3, j = 2 → n·0,2·0,5² : 5 → 50.000; 2,5 → 25.000
    //   72 months, 1.000 kr., all achieved: y = c + 6 ≥ H, j = 5 ≥ duration → n·b: 20.000; 10.000
    const outcome = makeOutcome({
      id: 'out-x',
      name: 'Bolig',
      lagYears: 1,
      durationYears: 3,
      persistence: 0.5,
      points: [
        { months: 6, price: 1_000, basis: 'all' },
        { months: 36, price: 10_000, basis: 'additional' },
        { months: 72, price: 1_000, basis: 'all' },
      ],
    });
    const payments = scheduledPayments(outcome, [
      { year: 0, participants: 100 },
      { year: 1, participants: 50 },
      { year: 2, participants: 0 },
    ]);
    expect(payments.map((p) => [p.cohortYear, p.year, p.effectYear, Math.round(p.amount)])).toEqual([
      [0, 0, -1, 20_000],
      [1, 1, -1, 10_000],
      [0, 3, 2, 50_000],
      [1, 4, 2, 25_000],
      [0, 6, 5, 20_000],
      [1, 7, 5, 10_000],
    ]);
    // Per point: past H (the 72-month point, not every point: a warning), after s = 3 (cohort
    // 2's 36-month point in year 4) and before the effect (both cohorts' 6-month point).
    const findings = paymentTimingFindings(outcome, payments, 6, 3);
    expect(findings.map(summary)).toEqual([
      ['warning', 'outcomePaymentPastHorizon', [1, 2], 30_000],
      ['warning', 'outcomePaymentAfterSettlement', [2], 25_000],
      ['warning', 'outcomePaymentBeforeEffect', [1, 2], 30_000],
    ]);
  });

  it('[V6 P7] a payment before the effect starts (j < 0) is a warning listing the cohorts and the amount', () => {
    // The rule over scheduled payments: two cohorts paid a year before their effect starts.
    const findings = paymentTimingFindings(
      { id: 'out-x', name: 'Bolig' },
      [
        { cohortYear: 0, year: 0, effectYear: -1, amount: 1_200_000 },
        { cohortYear: 1, year: 1, effectYear: -1, amount: 300_000 },
        { cohortYear: 2, year: 3, effectYear: 0, amount: 900_000 },
      ],
      10,
      9,
    );
    expect(findings.map(summary)).toEqual([['warning', 'outcomePaymentBeforeEffect', [1, 2], 1_500_000]]);
    expect(findings[0]!.path).toEqual(['outcomes', 'out-x', 'points']);
    expect(renderFinding(findings[0]!, 'da')).toBe(
      'Et målepunkt for »Bolig« falder før effekten begynder for optaget i år 1 og 2: der betales 1.500.000 kr. (før loftet) for resultater, indsatsen endnu ikke kan have skabt. Tjek målepunktet og forsinkelsen.',
    );
    expect(renderFinding(findings[0]!, 'en')).toBe(
      'A measurement point for “Bolig” falls before the effect starts for the intake of years 1 and 2: 1.500.000 kr. (before the cap) is paid for outcomes the intervention cannot have created yet. Check the measurement point and the lag.',
    );
  });

  it('[V6 V5] the example case has no timing finding; intake past the horizon is V5’s alone', () => {
    expect(v6(validate(exampleCase()))).toEqual([]);
    const beyond = validate(makeCase((m) => m.targetGroup.intake.push({ year: 12, participants: 10 })));
    expect(beyond.filter((f) => f.rule === 'V5').map((f) => f.path.join('/'))).toEqual(['targetGroup/intake/12']);
    expect(v6(beyond)).toEqual([]);
  });
});

describe('V25: intake whose capital falls after the settlement year', () => {
  it('[V25 P11] a cohort funded by the investor after the contract is settled is an error', () => {
    // A 4-year intervention: the third cohort (t 2) costs money in years 2 … 5, past s = 4.
    const findings = validate(makeCase((m) => (m.interventions.candidates[0]!.durationYears = 4)));
    const late = findings.filter((f) => f.rule === 'V25');
    expect(late.map((f) => [f.severity, f.path.join('/')])).toEqual([['error', 'targetGroup/intake/2']]);
    expect(renderFinding(late[0]!, 'da')).toBe(
      'Optaget i år 3 koster investor penge helt til år 6, efter det år, kontrakten gøres op (år 5). De penge kan investor ikke få betalt tilbage under kontrakten. Flyt optaget eller forlæng kontrakten.',
    );
    expect(renderFinding(late[0]!, 'en')).toBe(
      'The intake in year 3 costs the investor money until year 6, after the year the contract is settled (year 5). The investor cannot be repaid that money under the contract. Move the intake or extend the contract.',
    );
    expect(readiness(findings).map((r) => r.ready)).toEqual([false, false, false]);
  });

  it('[V25 P11] none when the capital ends in the settlement year, or when the investor funds nothing', () => {
    const v25 = (model: CaseModelDraft) => validate(model).filter((f) => f.rule === 'V25');
    expect(v25(makeCase((m) => (m.interventions.candidates[0]!.durationYears = 3)))).toEqual([]);
    expect(
      v25(
        makeCase((m) => {
          m.interventions.candidates[0]!.durationYears = 4;
          m.paymentModel.investorFundedShare = 0;
        }),
      ),
    ).toEqual([]);
    // Without contract terms s = H − 1: a cohort in year 9 with a 2-year intervention reaches past it.
    const noContract = v25(
      makeCase((m) => {
        m.evaluation.contractYears = undefined;
        m.interventions.candidates[0]!.durationYears = 2;
        m.targetGroup.intake.push({ year: 9, participants: 10 });
      }),
    );
    expect(noContract.map((f) => f.path.join('/'))).toEqual(['targetGroup/intake/9']);
  });
});
