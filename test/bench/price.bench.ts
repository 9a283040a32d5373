/**
 * `pnpm bench:price`: how long the business case takes on a large case — 12 outcomes, a
 * 15-year horizon, 5 cohorts and 6 departments. Prints median and p95 per call. Targets
 * (issue 3): price ≪ 1 ms, validate < 1 ms, sensitivity < 20 ms, 10.000 Monte Carlo draws
 * < 200 ms on one core.
 */
import {
  type CaseModelDraft,
  exampleCase,
  monteCarlo,
  price,
  pricingInputFromModel,
  scenarioRangesFromModel,
  sensitivity,
  validate,
} from '@caseroom/shared';

function largeCase(): CaseModelDraft {
  const model = exampleCase();
  model.facts.horizonYears = 15;
  model.facts.departments.push({ id: 'dep-children', order: 'a5', name: 'Børn og Unge', level: 'municipal' });
  model.targetGroup.eligiblePopulation = 2000;
  model.targetGroup.intake = [0, 1, 2, 3, 4].map((year) => ({ year, participants: 80 + 10 * year }));
  const template = model.outcomes[0]!;
  model.outcomes = Array.from({ length: 12 }, (_, i) => ({
    ...template,
    id: `out-${i}`,
    order: `a${i}`,
    name: `Resultatmål ${i + 1}`,
    baselineRate: 0.1 + 0.01 * i,

    lagYears: 1 + (i % 3),
    durationYears: 3 + (i % 4),
    valuePerDepartment: Object.fromEntries(model.facts.departments.map((d, j) => [d.id, 10_000 * (j + 1)])),
    points: [{ id: 'point-1', months: (1 + (i % 3)) * 12, price: 20_000, basis: 'additional' as const }],
  }));
  // P19: each outcome's expected rate is the chosen candidate's.
  for (const candidate of model.interventions.candidates) {
    candidate.expectedRates = Object.fromEntries(model.outcomes.map((o, i) => [o.id, 0.25 + 0.01 * i]));
  }
  model.paymentModel.paymentCap = 40_000_000;
  return model;
}

function measure(name: string, runs: number, fn: () => void): { name: string; median: number; p95: number } {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, median: times[Math.floor(runs / 2)] ?? 0, p95: times[Math.floor(runs * 0.95)] ?? 0 };
}

const model = largeCase();
const result = pricingInputFromModel(model);
if (!result.ok) throw new Error(`bench case cannot be priced: ${result.reason}`);
const { input } = result;
const ranges = scenarioRangesFromModel(model.paymentModel.scenarios);

const rows = [
  { ...measure('price', 2000, () => price(input)), target: 1 },
  { ...measure('validate', 2000, () => validate(model)), target: 1 },
  { ...measure('sensitivity', 200, () => sensitivity(input, ranges)), target: 20 },
  {
    ...measure('monteCarlo 10.000', 10, () => monteCarlo(input, ranges, { seed: 1, iterations: 10_000 })),
    target: 200,
  },
];

console.log('bench:price — 12 outcomes, 15 years, 5 cohorts, 6 departments (one core)');
for (const row of rows) {
  // Judged on the median: the p95 of sub-millisecond calls is mostly GC pauses and other load.
  const verdict = row.median < row.target ? 'ok' : 'OVER TARGET';
  console.log(
    `${row.name.padEnd(20)} median ${row.median.toFixed(3).padStart(8)} ms   p95 ${row.p95.toFixed(3).padStart(8)} ms   target < ${row.target} ms   ${verdict}`,
  );
}
