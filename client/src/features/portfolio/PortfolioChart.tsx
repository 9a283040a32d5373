import { formatFigure, type PortfolioRow } from '@caseroom/shared';
import { useId } from 'react';
import { useLanguage, useMessages } from '../../i18n/messages.ts';
import { shownTitle } from './portfolioView.ts';

const BAR_HEIGHT = 16;
const ROW_GAP = 16;
const LABEL_WIDTH = 240;
const PLOT_WIDTH = 520;

/**
 * A small chart of the portfolio (issue 15): per priced case, two bars from a common zero —
 * investor capital and the authority's NPV in the expected scenario (negative to the left). The
 * numbers are in the table too, and the description says so: the chart is one image with a name
 * and a description (its bars' titles are for the mouse). The NPV bars are hatched, so the two
 * kinds differ by more than their colour (WCAG 1.4.1).
 */
export function PortfolioChart({ rows }: { rows: readonly PortfolioRow[] }) {
  const m = useMessages();
  const c = m.portfolio.chart;
  const lang = useLanguage();
  const id = useId();
  // A pattern's id goes into url(#…): React's ids carry characters that would need escaping there.
  const hatch = `portfolio-hatch-${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
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
  const bar = (value: number, y: number, className: string, label: string, fill?: string) => {
    const from = Math.min(x(0), x(value));
    return (
      <rect
        x={from}
        y={y}
        width={Math.max(1, Math.abs(x(value) - x(0)))}
        height={BAR_HEIGHT}
        className={className}
        fill={fill}
      >
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
        <defs>
          <pattern id={hatch} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} className="hatch-ground" />
            <line x1={0} y1={0} x2={0} y2={6} className="hatch-line" />
          </pattern>
        </defs>
        <line x1={x(0)} x2={x(0)} y1={0} y2={height} className="zero-line" />
        {priced.map(({ row, figures }, i) => {
          const y = i * rowHeight + 4;
          return (
            <g key={row.caseId}>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT + 4} textAnchor="end" className="bar-label">
                {clipped(shownTitle(row, m.room.untitled))}
              </text>
              {bar(figures.capitalNeeded, y, 'bar capital', c.capital)}
              {bar(figures.authorityNpv, y + BAR_HEIGHT, 'bar value', c.value, `url(#${hatch})`)}
            </g>
          );
        })}
      </svg>
    </section>
  );
}

/** A title short enough for the chart's label column; the whole title is in the table. */
function clipped(title: string): string {
  return title.length > 28 ? `${title.slice(0, 27)}…` : title;
}
