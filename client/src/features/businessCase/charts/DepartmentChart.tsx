import { figureLabel, type Pricing } from '@caseroom/shared';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useMessages } from '../../../i18n/messages.ts';
import { useUiStore } from '../../../store.ts';
import { amount, millions, money } from '../format.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { CHART_COLORS, LEGEND_STYLE, legendText, TICK } from './chartColors.tsx';

/**
 * Who pays, who gains (P17): per department the present value gained (to the right), the
 * payments made and own cost (to the left) and the net (a thin black bar); then the
 * not-yet-allocated remainder and a municipal guarantor's payment, which the authority owes.
 */
export function DepartmentChart({ pricing, names }: { pricing: Pricing; names: ReadonlyMap<string, string> }) {
  const m = useMessages();
  const lang = useUiStore((state) => state.language);
  const t = m.businessCase.charts.departments;
  const data = pricing.departments.map((account, index) => ({
    name: names.get(account.departmentId) || m.list.departmentTitle(index + 1),
    valueGained: Math.round(account.valueGained),
    paymentsMade: -Math.round(account.paymentsMade),
    ownCost: -Math.round(account.ownCost),
    net: Math.round(account.net),
  }));
  // P10, P11, P17: what the authority owes beyond its departments' shares, as rows of their own.
  for (const key of ['unallocated', 'guarantee'] as const) {
    const owed = Math.round(pricing.authorityRows[key]);
    if (owed === 0) continue;
    data.push({ name: figureLabel(key, lang), valueGained: 0, paymentsMade: -owed, ownCost: 0, net: -owed });
  }
  const labels = {
    valueGained: figureLabel('valueGained', lang),
    paymentsMade: figureLabel('paymentsMade', lang),
    ownCost: figureLabel('ownCost', lang),
    net: figureLabel('net', lang),
  };
  const summary = t.summary(data.map((row) => `${row.name} ${money(row.net)}`));
  return (
    <ChartFigure
      id="departments"
      title={t.title}
      help={t.help}
      summary={summary}
      axisNote={m.businessCase.charts.moneyAxis}
      chart={
        <BarChart
          responsive
          layout="vertical"
          stackOffset="sign"
          style={{ width: '100%', height: 90 + data.length * 64 }}
          data={data}
          margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
          barCategoryGap="18%"
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
          <XAxis type="number" tick={TICK} tickFormatter={millions} />
          <YAxis type="category" dataKey="name" tick={TICK} width={150} />
          <ReferenceLine x={0} stroke={CHART_COLORS.axis} />
          <Tooltip formatter={(value) => money(Math.abs(Number(value)))} />
          <Legend wrapperStyle={LEGEND_STYLE} formatter={legendText} />
          <Bar
            dataKey="valueGained"
            name={labels.valueGained}
            stackId="account"
            fill={CHART_COLORS.green}
            isAnimationActive={false}
          />
          <Bar
            dataKey="paymentsMade"
            name={labels.paymentsMade}
            stackId="account"
            fill={CHART_COLORS.vermillion}
            isAnimationActive={false}
          />
          <Bar
            dataKey="ownCost"
            name={labels.ownCost}
            stackId="account"
            fill={CHART_COLORS.purple}
            isAnimationActive={false}
          />
          <Bar dataKey="net" name={labels.net} fill={CHART_COLORS.black} barSize={8} isAnimationActive={false} />
        </BarChart>
      }
      table={
        <table className="data-table">
          <caption className="visually-hidden">{t.title}</caption>
          <thead>
            <tr>
              <th scope="col">{figureLabel('department', lang)}</th>
              <th scope="col">{labels.valueGained} (kr.)</th>
              <th scope="col">{labels.paymentsMade} (kr.)</th>
              <th scope="col">{labels.ownCost} (kr.)</th>
              <th scope="col">{labels.net} (kr.)</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{amount(row.valueGained)}</td>
                <td>{amount(-row.paymentsMade)}</td>
                <td>{amount(-row.ownCost)}</td>
                <td>{amount(row.net)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
