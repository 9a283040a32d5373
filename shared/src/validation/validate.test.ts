import { describe, expect, it } from 'vitest';
import { exampleCase } from '../example/exampleCase.ts';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { emptyRichText } from '../model/primitives.ts';
import type { Finding } from './finding.ts';
import { FINDING_MESSAGES_DA, FINDING_MESSAGES_EN } from './messages.ts';
import { readiness } from './readiness.ts';
import { renderFinding } from './render.ts';
import { validate } from './validate.ts';

/** The example case with changes; the example itself is clean of errors and warnings. */
function makeCase(change: (model: CaseModelDraft) => void): CaseModelDraft {
  const model = exampleCase();
  change(model);
  return model;
}

const byRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const outcome = (model: CaseModelDraft) => model.outcomes[0]!;

describe('validate', () => {
  it('the example case has no errors or warnings, only questions to raise', () => {
    const findings = validate(exampleCase());
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('[V1] a missing required field is an error on its path, named in plain words', () => {
    const findings = validate(makeCase((m) => (outcome(m).expectedRate = undefined)));
    const [finding] = byRule(findings, 'V1');
    expect(finding).toMatchObject({ severity: 'error', path: ['outcomes', 'out-employment', 'expectedRate'] });
    expect(renderFinding(finding!, 'da')).toBe('Forventet andel med indsats mangler.');
    expect(renderFinding(finding!, 'en')).toBe('Expected rate is missing.');
  });

  it('[V1] rates outside 0–100 %, negative money, fractional people and a horizon past 50 years', () => {
    const findings = validate(
      makeCase((m) => {
        outcome(m).baselineRate = 1.2;
        m.interventions.candidates[0]!.costPerParticipant = -5;
        m.targetGroup.intake[0]!.participants = 10.5;
        m.facts.horizonYears = 60;
      }),
    );
    const keys = Object.fromEntries(byRule(findings, 'V1').map((f) => [f.path.join('/'), f.messageKey]));
    expect(keys).toMatchObject({
      'outcomes/out-employment/baselineRate': 'rateRange',
      'interventions/candidates/int-ips/costPerParticipant': 'negative',
      'targetGroup/intake/0/participants': 'notWhole',
      'facts/horizonYears': 'horizonRange',
    });
  });

  it('[V1 P2] the flat rate is needed and checked only with one flat rate, not with the Danish schedule', () => {
    const onRate = (change: (m: CaseModelDraft) => void) =>
      validate(makeCase(change)).filter((f) => f.path.join('/') === 'facts/discountRate');
    const missing = (m: CaseModelDraft) => {
      m.facts.discountRate = undefined;
    };
    expect(
      onRate((m) => {
        m.facts.discountMethod = 'schedule';
        missing(m);
      }),
    ).toEqual([]);
    expect(
      onRate((m) => {
        m.facts.discountMethod = 'schedule';
        m.facts.discountRate = -3;
      }),
    ).toEqual([]);
    expect(
      onRate((m) => {
        m.facts.discountMethod = 'flat';
        missing(m);
      }).map((f) => f.messageKey),
    ).toEqual(['required']);
    // A stored case without a method is priced with its flat rate (P2), so it needs one.
    expect(
      onRate((m) => {
        m.facts.discountMethod = undefined;
        missing(m);
      }).map((f) => f.messageKey),
    ).toEqual(['required']);
  });

  it('[V12 P12] a guarantee whose guarantor has no level is counted as private, and the group is told', () => {
    const withLevel = validate(makeCase((m) => (m.paymentModel.guaranteeAmount = 1_000_000)));
    expect(withLevel.filter((f) => f.messageKey === 'guarantorWithoutLevel')).toEqual([]);
    const without = validate(
      makeCase((m) => {
        m.paymentModel.guaranteeAmount = 1_000_000;
        m.facts.partners.guarantorLevel = undefined;
      }),
    ).filter((f) => f.messageKey === 'guarantorWithoutLevel');
    expect(without).toEqual([
      expect.objectContaining({ rule: 'V12', severity: 'warning', path: ['facts', 'partners', 'guarantorLevel'] }),
    ]);
    const noGuarantee = validate(
      makeCase((m) => {
        m.paymentModel.guaranteeAmount = undefined;
        m.facts.partners.guarantorLevel = undefined;
      }),
    );
    expect(noGuarantee.filter((f) => f.messageKey === 'guarantorWithoutLevel')).toEqual([]);
  });

  it('[V1] an empty list asks for at least one item', () => {
    const findings = validate(makeCase((m) => (m.outcomes = [])));
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'V1', path: ['outcomes'], messageKey: 'listEmpty' }),
    );
  });

  it('[V1] a number below its minimum is out of range, never "missing"', () => {
    for (const rate of [-1.5, -1]) {
      const flat = makeCase((m) => {
        m.facts.discountMethod = 'flat';
        m.facts.discountRate = rate;
      });
      const [finding] = byRule(validate(flat), 'V1');
      expect(finding).toMatchObject({ path: ['facts', 'discountRate'], messageKey: 'rateRange' });
      expect(renderFinding(finding!, 'da')).toBe('Diskonteringsrente skal ligge mellem 0 % og 100 %.');
      expect(renderFinding(finding!, 'en')).toBe('Discount rate must be between 0 % and 100 %.');
    }
    const zero = validate(
      makeCase((m) => {
        m.interventions.candidates[0]!.durationYears = 0;
        m.evaluation.contractYears = 0;
      }),
    );
    const keys = byRule(zero, 'V1').map((f) => [f.path.join('/'), f.messageKey, renderFinding(f, 'da')]);
    expect(keys).toEqual([
      ['interventions/candidates/int-ips/durationYears', 'tooSmall', expect.stringMatching(/skal være mindst 1 år\.$/)],
      ['evaluation/contractYears', 'tooSmall', expect.stringMatching(/skal være mindst 1 år\.$/)],
    ]);
    for (const finding of byRule(zero, 'V1')) {
      expect(renderFinding(finding, 'da')).not.toContain('mangler');
      expect(renderFinding(finding, 'en')).toMatch(/must be at least 1 year\.$/);
    }
  });

  it('[V2] no intervention chosen, or a chosen one that was removed', () => {
    expect(byRule(validate(makeCase((m) => (m.interventions.chosenId = undefined))), 'V2')[0]?.messageKey).toBe(
      'noInterventionChosen',
    );
    expect(byRule(validate(makeCase((m) => (m.interventions.chosenId = 'gone'))), 'V2')[0]?.messageKey).toBe(
      'chosenInterventionMissing',
    );
  });

  it('[V3] an expected rate not better than the baseline', () => {
    const [finding] = byRule(validate(makeCase((m) => (outcome(m).expectedRate = 0.2))), 'V3');
    expect(finding?.severity).toBe('error');
    expect(renderFinding(finding!, 'da')).toContain('(20 %) er ikke bedre end baseline (20 %)');
  });

  it('[V4] intake above the eligible population, in a year or in total', () => {
    expect(byRule(validate(makeCase((m) => (m.targetGroup.intake[1]!.participants = 500))), 'V4')[0]).toMatchObject({
      severity: 'error',
      path: ['targetGroup', 'intake', '1'],
    });
    expect(byRule(validate(makeCase((m) => (m.targetGroup.eligiblePopulation = 200))), 'V4')[0]?.messageKey).toBe(
      'intakeTotalAbovePopulation',
    );
  });

  it('[V5] intake beyond the horizon', () => {
    const findings = validate(makeCase((m) => m.targetGroup.intake.push({ year: 12, participants: 10 })));
    expect(byRule(findings, 'V5')[0]?.path).toEqual(['targetGroup', 'intake', '12']);
  });

  it('[V6] an outcome whose effect starts after the horizon for every cohort, or lasts past it', () => {
    const late = validate(
      makeCase((m) => {
        outcome(m).lagYears = 10;
        outcome(m).points[0]!.months = 120;
      }),
    );
    expect(byRule(late, 'V6').map((f) => [f.severity, f.messageKey])).toEqual([
      ['error', 'outcomeEffectPastHorizon'],
      ['warning', 'outcomePaymentPastHorizon'],
    ]);
    const long = validate(makeCase((m) => (outcome(m).durationYears = 9)));
    expect(byRule(long, 'V6')[0]).toMatchObject({ severity: 'info', messageKey: 'outcomeLastsPastHorizon' });
  });

  it('[V7] value booked to a department not in the case', () => {
    const findings = validate(makeCase((m) => (outcome(m).valuePerDepartment['dep-gone'] = 1000)));
    expect(byRule(findings, 'V7')[0]?.path).toEqual(['outcomes', 'out-employment', 'valuePerDepartment']);
  });

  it('[V8 P10] payer shares not summing to 100 %, and a payer not in the case', () => {
    const under = validate(makeCase((m) => (m.paymentModel.payerShares['dep-social'] = 0.1)));
    expect(byRule(under, 'V8')[0]).toMatchObject({ severity: 'warning', messageKey: 'payerSharesNot100' });
    expect(renderFinding(byRule(under, 'V8')[0]!, 'da')).toBe(
      'Betalingsandelene summer til 90 %, ikke 100 %. Resten (10 % af hver betaling) står som »ikke fordelt endnu« og skal betales af kommunen som myndighed.',
    );
    expect(renderFinding(byRule(under, 'V8')[0]!, 'en')).toBe(
      'The payer shares add up to 90 %, not 100 %. The rest (10 % of each payment) shows as “not yet allocated” and is owed by the municipality as the authority.',
    );
    const over = validate(makeCase((m) => (m.paymentModel.payerShares['dep-social'] = 0.4)));
    expect(byRule(over, 'V8')[0]).toMatchObject({ severity: 'error', messageKey: 'payerSharesOver100' });
    expect(renderFinding(byRule(over, 'V8')[0]!, 'da')).toBe(
      'Betalingsandelene summer til 120 %, mere end 100 %. Ret dem, så de summer til 100 %: indtil da regnes de ned forholdsmæssigt, så der ikke betales mere, end investor får.',
    );
    expect(renderFinding(byRule(over, 'V8')[0]!, 'en')).toBe(
      'The payer shares add up to 120 %, more than 100 %. Correct them so they add up to 100 %: until then they are scaled down pro rata, so no more is paid than the investor receives.',
    );
    // An error blocks closing phase 2 (payment model); the warning below 100 % does not.
    expect(readiness(over).map((r) => r.ready)).toEqual([true, false, false]);
    expect(readiness(under).map((r) => r.ready)).toEqual([true, true, true]);
    const unknown = validate(makeCase((m) => (m.paymentModel.payerShares['dep-gone'] = 0)));
    expect(byRule(unknown, 'V8')[0]?.messageKey).toBe('payerNotInCase');
  });

  it('[V9] an outcome without a data source', () => {
    const findings = validate(makeCase((m) => (outcome(m).dataSource = '')));
    expect(byRule(findings, 'V9')[0]).toMatchObject({ messageKey: 'outcomeNoDataSource', severity: 'error' });
    expect(renderFinding(byRule(findings, 'V9')[0]!, 'en')).toContain('“Ordinær beskæftigelse” has no data source');
  });

  it('[V10] a payer that gains nothing', () => {
    const findings = validate(makeCase((m) => delete outcome(m).valuePerDepartment['dep-social']));
    expect(byRule(findings, 'V10')[0]?.path).toEqual(['paymentModel', 'payerShares', 'dep-social']);
  });

  it('[V11] a department that gains but pays nothing is a question to raise', () => {
    const findings = validate(exampleCase());
    expect(
      byRule(findings, 'V11')
        .map((f) => f.path.at(-1))
        .sort(),
    ).toEqual(['dep-health', 'dep-region', 'dep-state']);
    expect(byRule(findings, 'V11').every((f) => f.severity === 'info')).toBe(true);
  });

  it('[V11 P17] it quotes the PV of value gained, to the krone, not a yearly unit value', () => {
    // Staten gains 80.000 kr. a year per additional employment: 0,2·n achievers for the
    // cohorts 60 (t 0), 80 (t 1), 80 (t 2) in years c+1 … c+4 at persistence 0,85, discounted
    // at 3,5 %: Σ 0,2·n·0,85^j·80.000/1,035^(c+1+j) = 9.993.360,48 kr.
    const state = byRule(validate(exampleCase()), 'V11').find((f) => f.path.at(-1) === 'dep-state')!;
    expect(state.params.value).toEqual({ kind: 'money', value: expect.closeTo(9_993_360.48, 2) });
    expect(renderFinding(state, 'da')).toBe(
      'Staten får værdi af resultaterne (9.993.360 kr. i nutidsværdi), men betaler ikke. Skal Staten bidrage?',
    );
    expect(renderFinding(state, 'en')).toBe(
      'Staten gains value from the outcomes (9.993.360 kr. in present value) but pays nothing. Should Staten contribute?',
    );
    // Fewer admissions first measured after the horizon: Sundhed og Omsorg (10.000 kr. a year
    // per outcome) and the region gain nothing within it, so they are not asked to pay.
    const nothing = validate(
      makeCase((m) => {
        m.outcomes[1]!.lagYears = 10;
        m.outcomes[1]!.points[0]!.months = 120;
      }),
    );
    expect(byRule(nothing, 'V11').map((f) => f.path.at(-1))).toEqual(['dep-state']);
  });

  it('[V12] a department without a level', () => {
    const findings = validate(makeCase((m) => (m.facts.departments[0]!.level = undefined)));
    expect(byRule(findings, 'V12')[0]?.path).toEqual(['facts', 'departments', 'dep-jobcenter', 'level']);
  });

  it('[V13] a scenario range on the wrong side of the expected value', () => {
    const findings = validate(makeCase((m) => (m.paymentModel.scenarios.effect.low = 1.2)));
    expect(renderFinding(byRule(findings, 'V13')[0]!, 'da')).toContain('for effekt');
  });

  it('[V15] a case that cannot be priced yet says why; an incomplete outcome is left out', () => {
    const unpriced = validate(makeCase((m) => (m.interventions.chosenId = undefined)));
    expect(renderFinding(byRule(unpriced, 'V15')[0]!, 'da')).toBe(
      'Business casen kan ikke beregnes endnu: der er ikke valgt en indsats.',
    );
    const partial = validate(makeCase((m) => (outcome(m).lagYears = undefined)));
    expect(byRule(partial, 'V15')[0]).toMatchObject({ path: ['outcomes', 'out-employment'], severity: 'warning' });
  });

  it('[V16] the authority pays more than it saves', () => {
    const findings = validate(
      makeCase((m) => {
        outcome(m).points[0]!.price = 900_000;
        m.paymentModel.paymentCap = undefined;
        m.paymentModel.returnCap = undefined;
      }),
    );
    expect(byRule(findings, 'V16')[0]?.messageKey).toBe('paymentsExceedValue');
  });

  it('[V17] the investor loses money in the expected scenario', () => {
    const findings = validate(makeCase((m) => (outcome(m).points[0]!.price = 50_000)));
    expect(byRule(findings, 'V17')[0]?.messageKey).toBe('investorLosesExpected');
  });

  it('[V18] a cap below the investor’s capital', () => {
    const findings = validate(makeCase((m) => (m.paymentModel.paymentCap = 5_000_000)));
    expect(byRule(findings, 'V18')[0]?.path).toEqual(['paymentModel', 'paymentCap']);
  });

  it('[V19 V20] a return cap that makes the cap irrelevant, or the reverse', () => {
    const capIrrelevant = validate(makeCase((m) => (m.paymentModel.paymentCap = 50_000_000)));
    expect(byRule(capIrrelevant, 'V19')[0]?.messageKey).toBe('capIrrelevant');
    const returnCapIrrelevant = validate(makeCase((m) => (m.paymentModel.paymentCap = 5_000_000)));
    expect(byRule(returnCapIrrelevant, 'V20')[0]?.messageKey).toBe('returnCapIrrelevant');
  });

  it('[V19 P11] the return cap’s reach ends at the settlement year; an amount ends the sentence with one full stop', () => {
    // The example: 8 % return cap, a 5-year contract (s = 4) — capital grown at 8 % to year 4.
    const [finding] = byRule(validate(makeCase(() => {})), 'V19');
    expect(finding?.messageKey).toBe('capIrrelevant');
    expect(renderFinding(finding!, 'da')).toMatch(/højst 11\.786\.052 kr\.$/);
    // A contract as long as the horizon lets the return cap reach further: the 14 mio cap can bind.
    const longContract = validate(makeCase((m) => (m.evaluation.contractYears = 10)));
    expect(byRule(longContract, 'V19')).toEqual([]);
  });

  it('[V21 V22] an empty problem definition, and a choice without a rationale', () => {
    const findings = validate(
      makeCase((m) => {
        m.problem.text = emptyRichText();
        m.interventions.rationale = emptyRichText();
      }),
    );
    expect(byRule(findings, 'V21')[0]?.severity).toBe('error');
    expect(byRule(findings, 'V22')[0]?.severity).toBe('warning');
  });

  it('[V23 P20] a value outside its absolute bound is an error naming the field and the bound', () => {
    const findings = validate(
      makeCase((m) => {
        m.targetGroup.intake[0]!.participants = 20_000_000;
        outcome(m).points[0]!.price = 2e12;
        m.paymentModel.scenarios.cost.high = 1e300;
      }),
    );
    const bound = byRule(findings, 'V23');
    expect(bound.map((f) => [f.path.join('/'), f.severity])).toEqual([
      ['targetGroup/intake/0/participants', 'error'],
      ['outcomes/out-employment/points', 'error'],
      ['paymentModel/scenarios', 'error'],
    ]);
    expect(bound.map((f) => renderFinding(f, 'da'))).toEqual([
      'Deltagere må højst være 10.000.000 (større tal regner Caseroom ikke med).',
      'Pris ved et målepunkt må højst være 1.000.000.000.000 kr. (større tal regner Caseroom ikke med).',
      'Scenarieintervaller må højst være 10 (større tal regner Caseroom ikke med).',
    ]);
    expect(renderFinding(bound[1]!, 'en')).toBe(
      'Price at a measurement point can be at most 1.000.000.000.000 kr. (Caseroom does not calculate with larger numbers).',
    );
    // The business case says why it has no figures.
    expect(renderFinding(byRule(findings, 'V15')[0]!, 'en')).toBe(
      'The business case cannot be calculated yet: a number lies outside the bounds Caseroom calculates with (see the errors).',
    );
  });

  it('[V23 V1] one finding per field: V1 names a horizon of 10¹⁵ years; V23 replaces a bare "too large"', () => {
    const findings = validate(
      makeCase((m) => {
        m.facts.horizonYears = 1e15;
        m.targetGroup.intake[1]!.participants = 1e300;
      }),
    );
    const at = (path: string) => findings.filter((f) => f.path.join('/') === path).map((f) => [f.rule, f.messageKey]);
    expect(at('facts/horizonYears')).toEqual([['V1', 'horizonRange']]);
    expect(at('targetGroup/intake/1/participants')).toEqual([['V23', 'boundAbove']]);
  });

  it('[V24 P20] a duration longer than the whole horizon is cut at H, with a warning instead of V6’s note', () => {
    const findings = validate(
      makeCase((m) => {
        outcome(m).durationYears = 10_000_000;
        m.interventions.candidates[0]!.durationYears = 11;
      }),
    );
    const cut = byRule(findings, 'V24');
    expect(cut.map((f) => [f.path.join('/'), f.severity])).toEqual([
      ['interventions/candidates/int-ips/durationYears', 'warning'],
      ['outcomes/out-employment/durationYears', 'warning'],
    ]);
    expect(renderFinding(cut[1]!, 'da')).toBe(
      'Effektens varighed for »Ordinær beskæftigelse« er længere end hele tidshorisonten (10 år). Kun årene inden for horisonten regnes med.',
    );
    expect(renderFinding(cut[1]!, 'en')).toBe(
      'Effect duration of “Ordinær beskæftigelse” is longer than the whole horizon (10 years). Only the years within the horizon count.',
    );
    expect(byRule(findings, 'V6').filter((f) => f.path.join('/') === 'outcomes/out-employment/durationYears')).toEqual(
      [],
    );
  });

  it('[V3 V8 V11 P20] consistency rules do not compute with values outside their bounds (no ∞ in a message)', () => {
    const findings = validate(
      makeCase((m) => {
        outcome(m).baselineRate = Number.MAX_VALUE;
        m.paymentModel.payerShares['dep-social'] = Number.MAX_VALUE;
        outcome(m).valuePerDepartment['dep-state'] = Number.MAX_VALUE;
        m.outcomes[1]!.valuePerDepartment['dep-state'] = Number.MAX_VALUE;
      }),
    );
    expect(byRule(findings, 'V3')).toEqual([]);
    expect(byRule(findings, 'V8')).toEqual([]);
    for (const finding of findings) expect(renderFinding(finding, 'da')).not.toMatch(/∞|NaN/);
  });

  it('lists errors before warnings before information', () => {
    const findings = validate(makeCase((m) => (outcome(m).expectedRate = 0.1)));
    const order = findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('readiness per phase', () => {
  it('an error in the problem blocks phase 1 and everything after it; an outcome error only phase 2 on', () => {
    const problem = readiness(validate(makeCase((m) => (m.problem.text = emptyRichText()))));
    expect(problem.map((r) => r.ready)).toEqual([false, false, false]);
    const outcomeError = readiness(validate(makeCase((m) => (outcome(m).expectedRate = 0.1))));
    expect(outcomeError.map((r) => r.ready)).toEqual([true, false, false]);
    const evaluation = readiness(validate(makeCase((m) => (m.evaluation.design = undefined))));
    expect(evaluation.map((r) => r.ready)).toEqual([true, true, false]);
  });
});

describe('message catalogues', () => {
  it('every message key has Danish and English text, with the same placeholders', () => {
    for (const [key, da] of Object.entries(FINDING_MESSAGES_DA)) {
      const en = FINDING_MESSAGES_EN[key as keyof typeof FINDING_MESSAGES_DA];
      expect(en, key).toBeTruthy();
      expect(da.trim(), key).not.toBe('');
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(en), key).toEqual(placeholders(da));
    }
  });

  it('every finding the rules can produce renders with no placeholder left over', () => {
    const cases = [
      makeCase((m) => (outcome(m).expectedRate = undefined)),
      makeCase((m) => (m.outcomes = [])),
      makeCase((m) => (m.paymentModel.payerShares['dep-social'] = 0.5)),
      makeCase((m) => (m.interventions.chosenId = undefined)),
      makeCase((m) => (m.paymentModel.paymentCap = 5_000_000)),
      exampleCase(),
    ];
    for (const model of cases) {
      for (const finding of validate(model)) {
        for (const lang of ['da', 'en'] as const) expect(renderFinding(finding, lang)).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe('[V1 P7] a rate card’s findings name the outcome and what is wrong', () => {
  const v1 = (change: (m: CaseModelDraft) => void) =>
    validate(makeCase(change))
      .filter((f) => f.rule === 'V1')
      .map((f) => [f.path.join('/'), renderFinding(f, 'da')]);

  it('no point, a point without months, months past 600, a negative price, no basis', () => {
    expect(v1((m) => (m.outcomes[1]!.points = []))).toEqual([
      [
        'outcomes/out-admissions/points',
        'Resultatmålet »Færre psykiatriske indlæggelser« har ingen målepunkter: hvornår måles der, og hvad betales der?',
      ],
    ]);
    expect(v1((m) => delete m.outcomes[0]!.points[0]!.months)).toEqual([
      ['outcomes/out-employment/points', 'Et målepunkt for »Ordinær beskæftigelse« mangler antal måneder efter start.'],
    ]);
    expect(v1((m) => (m.outcomes[0]!.points[0]!.months = 700))).toEqual([
      [
        'outcomes/out-employment/points',
        'Et målepunkt for »Ordinær beskæftigelse« skal ligge et helt antal måneder fra 0 til 600 efter start.',
      ],
    ]);
    expect(v1((m) => (m.outcomes[0]!.points[0]!.price = -1))).toEqual([
      ['outcomes/out-employment/points', 'Prisen ved et målepunkt for »Ordinær beskæftigelse« kan ikke være negativ.'],
    ]);
    expect(v1((m) => delete m.outcomes[0]!.points[0]!.basis)[0]?.[1]).toMatch(/^Vælg for et målepunkt for »Ordinær/);
  });
});
