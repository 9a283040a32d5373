import { figureLabel, type SensitivityBar } from '@caseroom/shared';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useMessages } from '../../../i18n/messages.ts';
import { useUiStore } from '../../../store.ts';
import { decimal, millions, money } from '../format.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { CHART_COLORS, LEGEND_STYLE, legendText, TICK } from './chartColors.tsx';

/**
 * The tornado (P18): how far the authority NPV moves from the expected case when one input at
 * a time is set to its low or its high value; the widest swing first.
 */
export function TornadoChart({ bars, baseNpv, busy }: { bars: SensitivityBar[]; baseNpv: number; busy: boolean }) {
  const m = useMessages();
  const lang = useUiStore((state) => state.language);
  const t = m.businessCase.charts.tornado;
  const data = bars.map((bar) => ({
    name: `${figureLabel(bar.input, lang)} (${decimal(bar.lowFactor)}–${decimal(bar.highFactor)})`,
    input: figureLabel(bar.input, lang),
    atLow: Math.round(bar.authorityNpv.atLow - baseNpv),
    atHigh: Math.round(bar.authorityNpv.atHigh - baseNpv),
    npvAtLow: bar.authorityNpv.atLow,
    npvAtHigh: bar.authorityNpv.atHigh,
  }));
  const atLow = `${figureLabel('atLow', lang)}`;
  const atHigh = `${figureLabel('atHigh', lang)}`;
  const summary = t.summary(data.map((row) => t.part(row.input, money(row.npvAtLow), money(row.npvAtHigh))));
  return (
    <ChartFigure
      id="tornado"
      title={t.title}
      help={t.help}
      summary={summary}
      axisNote={m.businessCase.charts.moneyAxis}
      busy={busy}
      chart={
        <BarChart
          responsive
          layout="vertical"
          stackOffset="sign"
          style={{ width: '100%', height: 80 + data.length * 56 }}
          data={data}
          margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
          <XAxis type="number" tick={TICK} tickFormatter={millions} />
          <YAxis type="category" dataKey="name" tick={TICK} width={120} />
          <ReferenceLine x={0} stroke={CHART_COLORS.black} strokeWidth={2} />
          <Tooltip formatter={(value) => money(Number(value))} />
          <Legend wrapperStyle={LEGEND_STYLE} formatter={legendText} />
          <Bar dataKey="atLow" name={atLow} stackId="swing" fill={CHART_COLORS.vermillion} isAnimationActive={false} />
          <Bar dataKey="atHigh" name={atHigh} stackId="swing" fill={CHART_COLORS.blue} isAnimationActive={false} />
        </BarChart>
      }
      table={
        <table className="data-table">
          <caption className="visually-hidden">{t.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.input}</th>
              <th scope="col">
                {figureLabel('authorityNpv', lang)} {atLow}
              </th>
              <th scope="col">
                {figureLabel('authorityNpv', lang)} {atHigh}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{money(row.npvAtLow)}</td>
                <td>{money(row.npvAtHigh)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
