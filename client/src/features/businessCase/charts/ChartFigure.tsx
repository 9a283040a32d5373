import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/messages.ts';
import { TableScroll } from '../TableScroll.tsx';

type Props = {
  id: string;
  title: string;
  help?: string;
  /** The unit of the chart's money axis, e.g. "Beløb i mio. kr.". */
  axisNote?: string;
  /** The chart in words: its accessible name, and `data-summary` for tests and tools. */
  summary: string;
  chart: ReactNode;
  /** The chart's figures as a table, behind a disclosure. */
  table: ReactNode;
  busy?: boolean;
};

/**
 * A chart with its text alternatives: a spoken summary (the drawing is one image to assistive
 * technology) and the figures as a table anyone can open.
 */
export function ChartFigure({ id, title, help, axisNote, summary, chart, table, busy = false }: Props) {
  const m = useMessages();
  return (
    <figure className="chart" data-chart={id} data-summary={summary} aria-busy={busy || undefined}>
      <figcaption>
        <h3 className="chart-title">{title}</h3>
        {help && <p className="help chart-help">{help}</p>}
        {axisNote && <p className="help chart-help">{axisNote}</p>}
      </figcaption>
      <div className="chart-canvas" role="img" aria-label={summary}>
        {chart}
      </div>
      <details className="chart-table">
        <summary>{m.businessCase.charts.showTable}</summary>
        <TableScroll label={title}>{table}</TableScroll>
      </details>
    </figure>
  );
}
