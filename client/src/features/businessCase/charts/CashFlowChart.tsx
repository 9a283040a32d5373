import { figureLabel, type Pricing } from '@caseroom/shared';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useMessages } from '../../../i18n/messages.ts';
import { useUiStore } from '../../../store.ts';
import { amount, calendarYear, millions, money } from '../format.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { CHART_COLORS, LEGEND_STYLE, legendText, TICK } from './chartColors.tsx';

/**
 * Per year: the authority's net and the investor's cash flow as bars, and the authority's
 * cumulative present value as a line (where it crosses zero is the break-even year).
 */
export function CashFlowChart({ pricing, startYear }: { pricing: Pricing; startYear: number | undefined }) {
  const m = useMessages();
  const lang = useUiStore((state) => state.language);
  const t = m.businessCase.charts.cashFlow;
  const y = pricing.yearly;
  const data = y.years.map((offset) => ({
    year: calendarYear(offset, startYear, m.businessCase.yearOffset),
    authorityNet: Math.round(y.authorityNet[offset] ?? 0),
    investorCashFlow: Math.round(y.investorCashFlow[offset] ?? 0),
    cumulative: Math.round(y.authorityCumulativeDiscounted[offset] ?? 0),
  }));
  const labels = {
    authorityNet: figureLabel('authorityNet', lang),
    investorCashFlow: figureLabel('investorCashFlow', lang),
    cumulative: figureLabel('authorityCumulativeDiscounted', lang),
  };
  const summary = summarise(data, t.summary);
  return (
    <ChartFigure
      id="cashFlow"
      title={t.title}
      summary={summary}
      axisNote={m.businessCase.charts.moneyAxis}
      chart={
        <ComposedChart
          responsive
          style={{ width: '100%', height: 260 }}
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="year" tick={TICK} tickLine={false} interval="preserveStartEnd" />
          <YAxis tick={TICK} tickFormatter={millions} width={64} />
          <ReferenceLine y={0} stroke={CHART_COLORS.axis} />
          <Tooltip formatter={(value) => money(Number(value))} />
          <Legend wrapperStyle={LEGEND_STYLE} formatter={legendText} />
          <Bar dataKey="authorityNet" name={labels.authorityNet} fill={CHART_COLORS.blue} isAnimationActive={false} />
          <Bar
            dataKey="investorCashFlow"
            name={labels.investorCashFlow}
            fill={CHART_COLORS.vermillion}
            isAnimationActive={false}
          />
          <Line
            dataKey="cumulative"
            name={labels.cumulative}
            stroke={CHART_COLORS.black}
            strokeWidth={3}
            strokeDasharray="6 3"
            dot={{ r: 3, fill: CHART_COLORS.black }}
            isAnimationActive={false}
          />
        </ComposedChart>
      }
      table={
        <table className="data-table">
          <caption className="visually-hidden">{t.title}</caption>
          <thead>
            <tr>
              <th scope="col">{m.businessCase.explanation.year}</th>
              <th scope="col">{labels.authorityNet} (kr.)</th>
              <th scope="col">{labels.investorCashFlow} (kr.)</th>
              <th scope="col">{labels.cumulative} (kr.)</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.year}>
                <th scope="row">{row.year}</th>
                <td>{amount(row.authorityNet)}</td>
                <td>{amount(row.investorCashFlow)}</td>
                <td>{amount(row.cumulative)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

type Row = { year: string; authorityNet: number; cumulative: number };

function summarise(data: Row[], text: (...parts: string[]) => string): string {
  if (data.length === 0) return '';
  let worst = data[0] as Row;
  let best = data[0] as Row;
  for (const row of data) {
    if (row.authorityNet < worst.authorityNet) worst = row;
    if (row.authorityNet > best.authorityNet) best = row;
  }
  const last = data.at(-1) as Row;
  return text(
    (data[0] as Row).year,
    last.year,
    money(worst.authorityNet),
    worst.year,
    money(best.authorityNet),
    best.year,
    money(last.cumulative),
  );
}
