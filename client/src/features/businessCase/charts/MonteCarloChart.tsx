import { figureLabel, type MonteCarloResult } from '@caseroom/shared';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useMessages } from '../../../i18n/messages.ts';
import { useUiStore } from '../../../store.ts';
import { count, millions, money, percent } from '../format.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { CHART_COLORS, TICK } from './chartColors.tsx';

const BINS = 24;

type Bin = { label: string; from: number; to: number; count: number; negative: boolean };

/** Sorted samples into equal-width bins between the smallest and the largest. */
export function histogram(sorted: readonly number[], bins = BINS): Bin[] {
  if (sorted.length === 0) return [];
  const min = sorted[0] as number;
  const max = sorted.at(-1) as number;
  const width = max > min ? (max - min) / bins : 1;
  const result: Bin[] = Array.from({ length: max > min ? bins : 1 }, (_, i) => {
    const from = min + i * width;
    const to = from + width;
    return { label: millions((from + to) / 2), from, to, count: 0, negative: to <= 0 };
  });
  for (const value of sorted) {
    const index = Math.min(result.length - 1, Math.floor((value - min) / width));
    const bin = result[index] as Bin;
    bin.count++;
  }
  return result;
}

/**
 * The Monte Carlo distribution of the authority NPV (P18): a histogram with the bins below 0
 * in vermillion and the 5 / 50 / 95 % percentiles marked, and the probabilities beside it.
 */
export function MonteCarloChart({ result, busy }: { result: MonteCarloResult; busy: boolean }) {
  const m = useMessages();
  const lang = useUiStore((state) => state.language);
  const t = m.businessCase.charts.monteCarlo;
  const bins = histogram(result.authorityNpvSamples);
  const binOf = (value: number) => bins.find((bin) => value >= bin.from && value <= bin.to)?.label;
  const percentiles = [
    { key: 'percentile5', value: result.authorityNpv.p5 },
    { key: 'percentile50', value: result.authorityNpv.p50 },
    { key: 'percentile95', value: result.authorityNpv.p95 },
  ] as const;
  const summary = t.summary(
    money(result.authorityNpv.p5),
    money(result.authorityNpv.p50),
    money(result.authorityNpv.p95),
    percent(result.probabilityAuthorityNpvNegative),
  );
  return (
    <div className="monte-carlo" data-seed={result.seed}>
      <ChartFigure
        id="monteCarlo"
        title={t.title}
        help={t.help}
        summary={summary}
        axisNote={m.businessCase.charts.moneyAxis}
        busy={busy}
        chart={
          <BarChart
            responsive
            style={{ width: '100%', height: 240 }}
            data={bins}
            margin={{ top: 24, right: 8, bottom: 0, left: 0 }}
            barCategoryGap={1}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="label" tick={TICK} interval="preserveStartEnd" minTickGap={24} />
            <YAxis tick={TICK} width={52} tickFormatter={(value) => count(Number(value))} />
            <Tooltip formatter={(value) => count(Number(value))} />
            <Bar dataKey="count" name={t.count} isAnimationActive={false}>
              {bins.map((bin) => (
                <Cell key={bin.from} fill={bin.negative ? CHART_COLORS.vermillion : CHART_COLORS.blue} />
              ))}
            </Bar>
            {percentiles.map((p) => {
              const x = binOf(p.value);
              return x === undefined ? null : (
                <ReferenceLine
                  key={p.key}
                  x={x}
                  stroke={CHART_COLORS.black}
                  strokeWidth={2}
                  strokeDasharray={p.key === 'percentile50' ? undefined : '5 3'}
                  label={{
                    value: p.key === 'percentile50' ? 'P50' : p.key === 'percentile5' ? 'P5' : 'P95',
                    position: 'top',
                    fill: CHART_COLORS.black,
                    fontSize: 14,
                  }}
                />
              );
            })}
          </BarChart>
        }
        table={
          <table className="data-table">
            <caption className="visually-hidden">{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.from} (kr.)</th>
                <th scope="col">{t.to} (kr.)</th>
                <th scope="col">{t.count}</th>
              </tr>
            </thead>
            <tbody>
              {bins.map((bin) => (
                <tr key={bin.from}>
                  <td>{money(bin.from)}</td>
                  <td>{money(bin.to)}</td>
                  <td>{count(bin.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <dl className="risk-figures">
        <div data-figure="probabilityInvestorLoses">
          <dt>{figureLabel('probabilityInvestorLoses', lang)}</dt>
          <dd>{percent(result.probabilityInvestorLoses)}</dd>
        </div>
        <div data-figure="probabilityAuthorityNpvNegative">
          <dt>{figureLabel('probabilityAuthorityNpvNegative', lang)}</dt>
          <dd>{percent(result.probabilityAuthorityNpvNegative)}</dd>
        </div>
        {percentiles.map((p) => (
          <div key={p.key}>
            <dt>
              {figureLabel(p.key, lang)} ({figureLabel('authorityNpv', lang)})
            </dt>
            <dd>{money(p.value)}</dd>
          </div>
        ))}
      </dl>
      <p className="help">{m.businessCase.seed(result.seed, count(result.iterations))}</p>
    </div>
  );
}
