import {
  businessCase,
  type CaseModelDraft,
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  type FigureKey,
  figureLabel,
  formatDanish,
  type Language,
  messageTemplate,
  noIrrText,
  renderFinding,
  riskAnalysis,
} from '@caseroom/shared';
import { say } from './messages.ts';
import { table } from './table.ts';

/** Exit codes: 0 valid, 1 the model has errors, 2 the file cannot be read or is not a case. */
export const EXIT = { valid: 0, modelErrors: 1, badFile: 2 } as const;

export type CommandOptions = { lang: Language; json: boolean; seed: number; iterations: number };

/** `caseroom validate`: the findings, and whether the case has errors. */
export function validateCommand(model: CaseModelDraft, options: CommandOptions): { output: string; exitCode: number } {
  const { findings, readiness } = businessCase(model);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const exitCode = errors > 0 ? EXIT.modelErrors : EXIT.valid;
  if (options.json) {
    const rendered = findings.map((f) => ({ ...f, message: renderFinding(f, options.lang) }));
    return { output: JSON.stringify({ valid: errors === 0, findings: rendered, readiness }, null, 2), exitCode };
  }
  const lines = [errors > 0 ? say(options.lang, 'errorsFound', { count: errors }) : say(options.lang, 'valid')];
  lines.push(...renderFindings(model, options));
  for (const phase of readiness) {
    lines.push(
      say(options.lang, 'readiness', { phase: phase.phase, ready: say(options.lang, phase.ready ? 'yes' : 'no') }),
    );
  }
  return { output: lines.join('\n'), exitCode };
}

/** `caseroom price`: the business case as tables (or JSON), with the findings. */
export function priceCommand(model: CaseModelDraft, options: CommandOptions): { output: string; exitCode: number } {
  const analysis = businessCase(model);
  const errors = analysis.findings.filter((f) => f.severity === 'error').length;
  const exitCode = errors > 0 ? EXIT.modelErrors : EXIT.valid;
  const { lang } = options;
  if (!analysis.priced.ok) {
    const reason = messageTemplate(
      `reason${analysis.priced.reason[0]!.toUpperCase()}${analysis.priced.reason.slice(1)}`,
      lang,
    );
    // P20: a value outside its bound is named in the findings (V1, V23); JSON also lists it.
    const violations = analysis.priced.reason === 'outOfBounds' ? { violations: analysis.priced.violations } : {};
    const output = options.json
      ? JSON.stringify(
          { priced: false, reason: analysis.priced.reason, ...violations, findings: analysis.findings },
          null,
          2,
        )
      : [say(lang, 'notPriceable', { reason }), ...renderFindings(model, options)].join('\n');
    return { output, exitCode: errors > 0 ? EXIT.modelErrors : EXIT.valid };
  }
  const { pricing, input, ranges } = analysis.priced;
  const risk = riskAnalysis(input, ranges, { seed: options.seed, iterations: options.iterations });
  if (options.json) {
    const { authorityNpvSamples: _samples, ...monteCarlo } = risk.monteCarlo;
    return {
      output: JSON.stringify(
        {
          priced: true,
          pricing,
          scenarios: risk.scenarios,
          sensitivity: risk.sensitivity,
          monteCarlo,
          candidates: analysis.candidates,
          findings: analysis.findings,
        },
        null,
        2,
      ),
      exitCode,
    };
  }
  const label = (key: FigureKey) => figureLabel(key, lang);
  const startYear = model.facts.startYear ?? 0;
  const kr = (value: number) => formatDanish(value, 'money');
  const irrText = (irr: (typeof pricing.investor)['irr']) =>
    irr.ok ? formatDanish(irr.rate, 'percent') : noIrrText(irr.reason, lang);
  const headline = table(
    [say(lang, 'headline'), ''],
    [
      [label('authorityNpv'), kr(pricing.authorityNpv)],
      [label('publicSectorNpv'), kr(pricing.publicSectorNpv)],
      [
        label('breakEvenYear'),
        pricing.breakEvenYear === undefined ? label('noBreakEven') : String(startYear + pricing.breakEvenYear),
      ],
      [label('investorIrr'), irrText(pricing.investor.irr)],
      [
        label('investorMultiple'),
        pricing.investor.multiple === undefined ? '–' : `${formatDanish(pricing.investor.multiple, 'decimal')}×`,
      ],
      [label('probabilityInvestorLoses'), formatDanish(risk.monteCarlo.probabilityInvestorLoses, 'percent')],
      [
        label('benefitCostRatio'),
        pricing.benefitCostRatio === undefined ? '–' : formatDanish(pricing.benefitCostRatio, 'decimal'),
      ],
    ],
  );
  const rows: [FigureKey, number[]][] = [
    ['interventionCost', pricing.yearly.interventionCost],
    ['capital', pricing.yearly.capital],
    ['publicValue', pricing.yearly.publicValue],
    ['paid', pricing.yearly.paid],
    ['guarantee', pricing.yearly.guarantee],
    ['authorityNet', pricing.yearly.authorityNet],
    ['investorCashFlow', pricing.yearly.investorCashFlow],
  ];
  const yearly = table(
    [say(lang, 'yearly'), ...pricing.yearly.years.map((t) => String(startYear + t))],
    rows.map(([key, series]) => [label(key), ...series.map((v) => formatDanish(v, 'money').replace(' kr.', ''))]),
  );
  const scenarioLabel = { low: label('scenarioLow'), expected: label('scenarioExpected'), high: label('scenarioHigh') };
  const scenarioTable = table(
    [say(lang, 'scenarios'), label('authorityNpv'), label('investorIrr')],
    risk.scenarios.map((s) => [scenarioLabel[s.scenario], kr(s.authorityNpv), irrText(s.investorIrr)]),
  );
  const tornado = table(
    [
      say(lang, 'sensitivity'),
      `${label('authorityNpv')}, ${label('atLow')}`,
      `${label('authorityNpv')}, ${label('atHigh')}`,
    ],
    risk.sensitivity.map((bar) => [label(bar.input), kr(bar.authorityNpv.atLow), kr(bar.authorityNpv.atHigh)]),
  );
  const mc = risk.monteCarlo;
  const monteCarlo = table(
    [say(lang, 'monteCarlo', { iterations: mc.iterations, seed: mc.seed }), ''],
    [
      [label('probabilityInvestorLoses'), formatDanish(mc.probabilityInvestorLoses, 'percent')],
      [label('probabilityAuthorityNpvNegative'), formatDanish(mc.probabilityAuthorityNpvNegative, 'percent')],
      [`${label('authorityNpv')}, ${label('percentile5')}`, kr(mc.authorityNpv.p5)],
      [`${label('authorityNpv')}, ${label('percentile50')}`, kr(mc.authorityNpv.p50)],
      [`${label('authorityNpv')}, ${label('percentile95')}`, kr(mc.authorityNpv.p95)],
    ],
  );
  const output = [headline, yearly, scenarioTable, tornado, monteCarlo, renderFindings(model, options).join('\n')]
    .filter(Boolean)
    .join('\n\n');
  return { output, exitCode };
}

function renderFindings(model: CaseModelDraft, options: CommandOptions): string[] {
  const { findings } = businessCase(model);
  if (findings.length === 0) return [];
  const mark = { error: '✖', warning: '!', info: 'i' } as const;
  return [
    `${say(options.lang, 'findings')}:`,
    ...findings.map((f) => `  ${mark[f.severity]} [${f.rule}] ${f.path.join('/')}: ${renderFinding(f, options.lang)}`),
  ];
}

export const defaults = { seed: DEFAULT_SEED, iterations: DEFAULT_ITERATIONS };
