import { figureLabel, type SensitivityBar } from '@caseroom/shared';
import { FONT } from '../fonts.ts';
import { decimal } from '../format.ts';
import { INK, type ReportWriter, SIZE } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { bar, legend, linearScale, valueAxisX, zeroLine } from './chartKit.ts';

const ROW = 30;
const LABEL_WIDTH = 130;

/**
 * The tornado (P18): how far the authority NPV moves from the expected case when one input at a
 * time is at its low (hatched) or high (solid) value; the widest swing first, as exported.
 */
export function tornadoChart(
  w: ReportWriter,
  bars: SensitivityBar[],
  baseNpv: number,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const { doc } = w;
  if (bars.length === 0) return;
  const deltas = bars.map((b) => ({
    bar: b,
    atLow: b.authorityNpv.atLow - baseNpv,
    atHigh: b.authorityNpv.atHigh - baseNpv,
  }));
  w.ensureSpace(bars.length * ROW + 80);
  const top = w.y + 16;
  const plotLeft = w.left + LABEL_WIDTH + 8;
  const plotRight = w.left + w.width - 8;
  const plotBottom = top + bars.length * ROW;
  const scale = linearScale(
    deltas.flatMap((d) => [d.atLow, d.atHigh]),
    plotLeft,
    plotRight,
    6,
  );
  valueAxisX(w, scale, top, plotBottom);
  const zero = scale.at(0);
  deltas.forEach((d, i) => {
    const rowTop = top + i * ROW + 5;
    const barHeight = ROW - 12;
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(INK.text);
    const label = `${figureLabel(d.bar.input, lang)} (${text.charts.factor} ${decimal(d.bar.lowFactor)}–${decimal(d.bar.highFactor)})`;
    doc.text(label, w.left, rowTop, { width: LABEL_WIDTH, height: ROW - 6, ellipsis: true });
    bar(doc, zero, rowTop, scale.at(d.atLow) - zero, barHeight / 2, 'hatch');
    bar(doc, zero, rowTop + barHeight / 2, scale.at(d.atHigh) - zero, barHeight / 2, 'solid');
  });
  zeroLine(doc, zero, top - 2, zero, plotBottom);
  doc.font(FONT.italic).fontSize(SIZE.tiny).fillColor(INK.muted);
  doc.text(text.charts.tornadoAxis, w.left, top - 14, { lineBreak: false });
  doc.y = legend(
    w,
    [
      { fill: 'hatch', label: figureLabel('atLow', lang) },
      { fill: 'solid', label: figureLabel('atHigh', lang) },
    ],
    plotBottom + 18,
  );
  w.resetText();
}
