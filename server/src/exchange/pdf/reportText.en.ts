import { isoParts } from './format.ts';
import type { ReportText } from './reportText.da.ts';

/** The report's English text (same keys as the Danish reference). */
export const en: ReportText = {
  documentSubject: 'Business case for a social investment',
  reportKind: 'Business case report',
  untitled: '(untitled)',
  page: (n, total) => `Page ${n} of ${total}`,
  version: 'Version',
  yes: 'Yes',
  no: 'No',
  yearOffset: (n) => `year ${n}`,
  years: 'years',
  noIrr: 'No IRR',
  seed: (seed, iterations) => `Monte Carlo: seed ${seed}, ${iterations} draws`,
  moneyNote: 'Amounts in DKK, fixed prices.',
  moneyAxis: 'Amounts in DKK million.',
  empty: 'Not filled in.',
  effectNotEntered: 'Effect not entered',
  dateTime: (iso) => {
    const d = isoParts(iso);
    return d ? `${d.year}-${d.month}-${d.day} ${d.hour}:${d.minute} (UTC)` : iso;
  },
  sections: {
    facts: 'Facts',
    problem: 'Problem',
    targetGroup: 'Target group',
    intervention: 'Intervention',
    outcomes: 'Outcome targets',
    paymentModel: 'Payment model',
    charts: 'The business case in charts',
    risk: 'Risk',
    evaluation: 'Evaluation & contract',
    findings: 'Validation findings',
    decisions: 'Decisions',
    signoffs: 'Sign-offs',
    assumptions: 'Assumptions behind the figures',
  },
  cover: {
    source: 'Source',
    current: 'The current version',
    snapshot: (name) => `Saved version "${name}"`,
    contentHash: 'Content hash',
    agreed: 'Agreed',
    agreedYes: 'Yes – everyone who must sign has signed this version',
    agreedNo: 'No – not everyone who must sign has signed this version',
    exportedAt: 'Exported',
    signedBy: 'Signed by',
    nobody: 'Nobody yet',
    figures: 'Key figures',
    notPriceable: 'The business case cannot be computed yet:',
    notPriceableAfter:
      'The report therefore shows no key figures, charts or risk analysis – only the case and its record.',
    excludedOutcomes: (n) =>
      n === 1
        ? '1 outcome is left out of the figures because it lacks numbers.'
        : `${n} outcomes are left out of the figures because they lack numbers.`,
  },
  reasons: {
    noHorizon: 'the horizon is missing (under Facts).',
    noDiscountRate: 'the discount rate is missing (under Facts).',
    noIntervention: 'no intervention has been chosen (under Interventions).',
    outOfBounds: 'a number lies outside the bounds Caseroom calculates with (see the errors).',
  },
  targetGroup: {
    year: 'Year',
    participants: 'Participants',
  },
  intervention: {
    noneChosen: 'No intervention has been chosen yet.',
    chosenMark: '(chosen)',
  },
  comparison: {
    heading: 'Intervention candidates compared',
    intro:
      'Each intervention is priced on its own, with its own costs, duration and expected rate on each outcome; the rest of the case is the same. Present values (PV) in DKK, fixed prices.',
    candidate: 'Intervention',
    evidence: (level) => `Evidence: ${level}`,
    effectNotEntered: (outcomes) => `effect not entered: ${outcomes} (priced without)`,
    notPriced: (reason) => `Cannot be priced: ${reason}`,
    probabilityNote: (seed, iterations) =>
      `Probability of a negative NPV: ${iterations} Monte Carlo draws within the case's scenario ranges, seed ${seed} – the same as the case's own risk analysis.`,
    rates: 'Expected rate per outcome',
    outcome: 'Outcome',
  },
  outcomes: {
    none: 'No outcome targets have been set.',
    details: 'The outcome targets in detail',
    excluded: 'Left out of the figures (lacks numbers)',
    sources: 'Sources',
  },
  payment: {
    payers: 'Who pays',
    total: 'Total',
    ranges: 'Scenario ranges (factor on the expected value)',
    input: 'Input',
    low: 'Low',
    high: 'High',
    noPayers: 'Payments have not been split across departments.',
  },
  charts: {
    cashFlow: 'Cash flows per year',
    cashFlowHelp:
      'The authority net and the investor cash flow per year (fixed prices, undiscounted) as bars; the authority’s cumulative present value as a dashed line – where it turns positive is break-even. Above the zero line: money in; below: money out.',
    departments: 'Who pays, who gains',
    departmentsHelp:
      'Present value per department: value to the right, payments and own cost to the left, net as a black line.',
    tornado: 'Sensitivity: authority NPV',
    tornadoHelp: 'How much the authority NPV changes when one input at a time is set to its low or high value.',
    tornadoAxis: 'Change in NPV, DKK million',
    factor: 'factor',
  },
  risk: {
    scenarios: 'Scenarios',
    scenario: 'Scenario',
    investorLoses: 'Investor loses',
    scenarioNote: 'Low: low effect, high cost, low persistence. High: the reverse.',
    monteCarlo: 'Monte Carlo simulation',
    monteCarloNote: (seed, iterations) =>
      `${iterations} random combinations of effect, cost and persistence within the scenario ranges (triangular distribution), seed ${seed}. The same seed gives the same figures in the browser, the CLI and the exports.`,
    figure: 'Figure',
  },
  evaluation: {
    signatories: 'Signatories',
  },
  findings: {
    none: 'Validation has no findings.',
    severity: { error: 'Errors', warning: 'Warnings', info: 'To consider' },
    rule: 'Rule',
  },
  decisions: {
    none: 'No decisions have been recorded.',
    number: 'No.',
    text: 'Decision',
    about: 'About',
    who: 'Recorded by',
    when: 'When',
    imported: 'imported history',
  },
  signoffs: {
    intro:
      'A sign-off holds for exactly the version the party saw – known by its content hash. If the case changes afterwards, the sign-off no longer holds.',
    none: 'Nobody has signed yet.',
    party: 'Party',
    when: 'When',
    hash: 'Signed content hash',
    status: 'Holds for this version?',
    matches: 'Yes',
    other: 'No – another version',
    history: 'History – does not count (imported)',
    historyNote:
      'Sign-offs and decisions an imported case brought along are shown as history and do not count as sign-offs of this case.',
  },
  assumptions: {
    intro:
      'All amounts are in fixed prices of the price year. Present values use the discount factor DF(t) = DF(t−1)/(1+r(t)), year 0 undiscounted: r(t) from the Danish schedule or one flat rate, as the case says.',
    frame: 'The frame of the calculation',
    rules: 'Rules',
    formula: 'How it is computed',
    inputs: 'Inputs',
    value: 'Value',
    year: 'Year',
    total: 'Total',
    probability:
      'The probability of investor loss is the share of Monte Carlo draws in which the sum of the investor’s cash flows (nominal) is below 0.',
    rulesNote: 'Rules P1–P18 are described in docs/pricing.md.',
    sources: 'Where the numbers come from',
    where: 'Where',
    field: 'Field',
    note: 'Source',
  },
};
