import { type BuiltCaseExport, figureLabel, noIrrText } from '@caseroom/shared';
import { tornadoChart } from '../charts/tornadoChart.ts';
import { count, decimal, irrText, money, percent } from '../format.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { table } from '../table.ts';

const SCENARIO_LABEL = { low: 'scenarioLow', expected: 'scenarioExpected', high: 'scenarioHigh' } as const;

/** Risk (P18): the three scenarios, the Monte Carlo percentiles with seed and iterations, and the tornado. */
export function riskSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText, lang: ReportLanguage) {
  if (!exported.pricing.ok) return;
  const { risk, pricing } = exported.pricing;
  const t = text.risk;
  w.heading(text.sections.risk, 1);

  w.heading(t.scenarios, 3);
  table(
    w,
    [
      { header: t.scenario, width: 1.2 },
      { header: figureLabel('authorityNpv', lang), width: 2, align: 'right' },
      { header: figureLabel('publicSectorNpv', lang), width: 2, align: 'right' },
      { header: figureLabel('investorIrr', lang), width: 2 },
      { header: t.investorLoses, width: 1.1 },
    ],
    risk.scenarios.map((s) => [
      { text: figureLabel(SCENARIO_LABEL[s.scenario], lang), bold: true },
      money(s.authorityNpv),
      money(s.publicSectorNpv),
      irrText(s.investorIrr) ?? (s.investorIrr.ok ? '' : noIrrText(s.investorIrr.reason, lang)),
      s.investorLosesMoney ? text.yes : text.no,
    ]),
  );
  w.note(t.scenarioNote);

  const mc = risk.monteCarlo;
  w.heading(t.monteCarlo, 3);
  w.note(t.monteCarloNote(mc.seed, count(mc.iterations)));
  table(
    w,
    [
      { header: t.figure, width: 2.4 },
      { header: figureLabel('percentile5', lang), width: 1.3, align: 'right' },
      { header: figureLabel('percentile50', lang), width: 1.3, align: 'right' },
      { header: figureLabel('percentile95', lang), width: 1.3, align: 'right' },
    ],
    [
      [
        figureLabel('authorityNpv', lang),
        money(mc.authorityNpv.p5),
        money(mc.authorityNpv.p50),
        money(mc.authorityNpv.p95),
      ],
      [
        figureLabel('investorNet', lang),
        money(mc.investorNet.p5),
        money(mc.investorNet.p50),
        money(mc.investorNet.p95),
      ],
    ],
  );
  table(
    w,
    [
      { header: t.figure, width: 3 },
      { header: '', width: 1, align: 'right' },
    ],
    [
      [figureLabel('probabilityInvestorLoses', lang), percent(mc.probabilityInvestorLoses)],
      [figureLabel('probabilityAuthorityNpvNegative', lang), percent(mc.probabilityAuthorityNpvNegative)],
    ],
    { header: false },
  );

  w.heading(text.charts.tornado, 3);
  w.note(text.charts.tornadoHelp);
  tornadoChart(w, risk.sensitivity, pricing.authorityNpv, text, lang);
  table(
    w,
    [
      { header: text.payment.input, width: 2 },
      { header: `${text.payment.low} – ${text.payment.high}`, width: 1.2, align: 'right' },
      { header: `${figureLabel('authorityNpv', lang)} ${figureLabel('atLow', lang)}`, width: 1.8, align: 'right' },
      { header: `${figureLabel('authorityNpv', lang)} ${figureLabel('atHigh', lang)}`, width: 1.8, align: 'right' },
    ],
    risk.sensitivity.map((bar) => [
      figureLabel(bar.input, lang),
      `${decimal(bar.lowFactor)} – ${decimal(bar.highFactor)}`,
      money(bar.authorityNpv.atLow),
      money(bar.authorityNpv.atHigh),
    ]),
  );
}
