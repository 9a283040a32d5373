import { figureLabel, type Pricing } from '@caseroom/shared';
import { FONT } from '../fonts.ts';
import { calendarYear } from '../format.ts';
import { INK, type ReportWriter, SIZE } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { bar, legend, linearScale, valueAxisY, zeroLine } from './chartKit.ts';

const HEIGHT = 190;

/**
 * Per year: the authority's net (solid) and the investor's cash flow (hatched) as bars around a
 * zero line, and the authority's cumulative present value as a dashed line with dots (as in the
 * panel); the value axis in DKK million, Danish number format.
 */
export function cashFlowChart(
  w: ReportWriter,
  pricing: Pricing,
  startYear: number | undefined,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const { doc } = w;
  const y = pricing.yearly;
  const authority = y.years.map((t) => y.authorityNet[t] ?? 0);
  const investor = y.years.map((t) => y.investorCashFlow[t] ?? 0);
  const cumulative = y.years.map((t) => y.authorityCumulativeDiscounted[t] ?? 0);
  w.ensureSpace(HEIGHT + 60);
  const top = w.y + 16;
  const plotLeft = w.left + 50;
  const plotRight = w.left + w.width;
  const plotBottom = top + HEIGHT - 18;
  const scale = linearScale([...authority, ...investor, ...cumulative], plotBottom, top);
  valueAxisY(w, scale, plotLeft, plotRight);
  const slot = (plotRight - plotLeft) / Math.max(1, y.years.length);
  const barWidth = Math.min(18, slot * 0.36);
  const zero = scale.at(0);
  const labelEvery = Math.max(1, Math.ceil(26 / slot));
  doc.font(FONT.regular).fontSize(SIZE.tiny).fillColor(INK.text);
  y.years.forEach((t, i) => {
    const centre = plotLeft + slot * (i + 0.5);
    bar(doc, centre - barWidth - 1, zero, barWidth, scale.at(authority[i] ?? 0) - zero, 'solid');
    bar(doc, centre + 1, zero, barWidth, scale.at(investor[i] ?? 0) - zero, 'hatch');
    // A long horizon: label every few years so the labels do not run into each other.
    if (i % labelEvery === 0) {
      doc
        .fillColor(INK.text)
        .text(calendarYear(t, startYear, text.yearOffset), Math.min(centre - 20, plotRight - 40), plotBottom + 4, {
          width: 40,
          align: 'center',
          lineBreak: false,
        });
    }
  });
  zeroLine(doc, plotLeft, zero, plotRight, zero);
  // The authority's cumulative present value: where it crosses zero for good is the break-even year.
  const points = cumulative.map((value, i) => [plotLeft + slot * (i + 0.5), scale.at(value)] as const);
  doc.save().lineWidth(1.6).strokeColor('#000000').dash(5, { space: 3 });
  points.forEach(([x, yy], i) => {
    if (i === 0) doc.moveTo(x, yy);
    else doc.lineTo(x, yy);
  });
  doc.stroke().undash().restore();
  for (const [x, yy] of points) doc.circle(x, yy, 2).fill('#000000');
  doc.font(FONT.italic).fontSize(SIZE.tiny).fillColor(INK.muted);
  doc.text(text.moneyAxis, w.left, top - 14, { lineBreak: false });
  const after = legend(
    w,
    [
      { fill: 'solid', label: figureLabel('authorityNet', lang) },
      { fill: 'hatch', label: figureLabel('investorCashFlow', lang) },
      { fill: 'dash', label: figureLabel('authorityCumulativeDiscounted', lang) },
    ],
    plotBottom + 18,
  );
  doc.y = after;
  w.resetText();
}
