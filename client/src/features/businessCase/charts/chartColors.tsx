/**
 * Chart colours from the Okabe-Ito palette (told apart with the common forms of colour
 * blindness), limited to those with at least 3:1 contrast on white (WCAG 1.4.11). Colour is
 * never the only cue: each series also differs in form (bar, line, position) and is named in
 * the legend and the table beside the chart.
 */
export const CHART_COLORS = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  black: '#1B1F24',
  grid: '#D5DBE3',
  axis: '#4A5360',
} as const;

/** Shared look of axis ticks: readable on a projector. */
export const TICK = { fill: CHART_COLORS.axis, fontSize: 14 } as const;

/** Legends in dark text (the coloured swatch beside it carries the colour). */
export const LEGEND_STYLE = { fontSize: 14, lineHeight: 1.3 } as const;
export const legendText = (value: string) => <span style={{ color: CHART_COLORS.black }}>{value}</span>;
