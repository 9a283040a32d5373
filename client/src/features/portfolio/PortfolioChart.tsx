import { formatFigure, type PortfolioRow } from '@caseroom/shared';
import { useId } from 'react';
import { useLanguage, useMessages } from '../../i18n/messages.ts';

const BAR_HEIGHT = 14;
const ROW_GAP = 14;
const LABEL_WIDTH = 200;
const PLOT_WIDTH = 520;

/**
 * A small chart of the portfolio (issue 15): per priced case, two bars from a common zero —
 * investor capital and the authority's NPV in the expected scenario (negative to the left). The
 * numbers are in the table too; the chart carries a text description and each bar a title.
 */
export function PortfolioChart({ rows }: { rows: readonly PortfolioRow[] }) {
  const m = useMessages();
  const c = m.portfolio.chart;
  const lang = useLanguage();
  const id = useId();
  const priced = rows.flatMap((row) => (row.figures ? [{ row, figures: row.figures }] : []));
  if (priced.length === 0) {
    return (
      <section className="portfolio-chart" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{c.heading}</h2>
        <p className="empty">{c.none}</p>
      </section>
    );
  }
  const values = priced.flatMap(({ figures }) => [figures.capitalNeeded, figures.authorityNpv, 0]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (value: number) => LABEL_WIDTH + ((value - min) / span) * PLOT_WIDTH;
  const rowHeight = 2 * BAR_HEIGHT + ROW_GAP;
  const height = priced.length * rowHeight + 8;
  const bar = (value: number, y: number, className: string, label: string) => {
    const from = Math.min(x(0), x(value));
    return (
      <rect x={from} y={y} width={Math.max(1, Math.abs(x(value) - x(0)))} height={BAR_HEIGHT} className={className}>
        <title>{`${label}: ${formatFigure('authorityNpv', value, { lang })}`}</title>
      </rect>
    );
  };
  return (
    <section className="portfolio-chart" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{c.heading}</h2>
      <p id={`${id}-d`} className="help">
        {c.description}
      </p>
      <ul className="chart-legend">
        <li>
          <span className="swatch capital" aria-hidden="true" /> {c.capital}
        </li>
        <li>
          <span className="swatch value" aria-hidden="true" /> {c.value}
        </li>
      </ul>
      <svg
        viewBox={`0 0 ${LABEL_WIDTH + PLOT_WIDTH + 10} ${height}`}
        role="img"
        aria-labelledby={`${id}-h`}
        aria-describedby={`${id}-d`}
        className="portfolio-bars"
      >
        <title>{c.heading}</title>
        <line x1={x(0)} x2={x(0)} y1={0} y2={height} className="zero-line" />
        {priced.map(({ row, figures }, i) => {
          const y = i * rowHeight + 4;
          return (
            <g key={row.caseId}>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT + 4} textAnchor="end" className="bar-label">
                {row.title.length > 28 ? `${row.title.slice(0, 27)}…` : row.title}
              </text>
              {bar(figures.capitalNeeded, y, 'bar capital', c.capital)}
              {bar(figures.authorityNpv, y + BAR_HEIGHT, 'bar value', c.value)}
            </g>
          );
        })}
      </svg>
    </section>
  );
}
