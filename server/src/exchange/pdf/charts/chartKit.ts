import { FONT } from '../fonts.ts';
import { millions } from '../format.ts';
import { INK, type ReportWriter, SIZE } from '../layout.ts';
import { oneLine } from '../safeText.ts';

/**
 * Drawing helpers shared by the report's charts. Series are told apart by fill — solid dark,
 * diagonal hatch, light dots — and by a legend in words, never by colour alone, so a chart
 * reads the same from a black-and-white printer.
 */

/** How a series is filled. */
export type Fill = 'solid' | 'hatch' | 'light';

/** A linear scale from values to positions, with round tick values (in kroner). */
export type Scale = { min: number; max: number; ticks: number[]; at: (value: number) => number };

/** A scale over [from, to] (points) that covers every value and zero, with about `count` round ticks. */
export function linearScale(values: number[], from: number, to: number, count = 5): Scale {
  let min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  if (min === max) max = min + 1;
  const step = niceStep((max - min) / count);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Math.abs(v) < step / 1e6 ? 0 : v);
  const at = (value: number) => from + ((value - min) / (max - min)) * (to - from);
  return { min, max, ticks, at };
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** A filled rectangle in one of the print-safe fills, outlined in black. */
export function bar(doc: PDFKit.PDFDocument, x: number, y: number, width: number, height: number, fill: Fill): void {
  const left = Math.min(x, x + width);
  const top = Math.min(y, y + height);
  const w = Math.abs(width);
  const h = Math.abs(height);
  if (w < 0.01 || h < 0.01) return;
  doc.save();
  if (fill === 'solid') {
    doc.rect(left, top, w, h).fill(INK.dark);
  } else {
    doc.rect(left, top, w, h).fill('#ffffff');
    doc.rect(left, top, w, h).clip();
    if (fill === 'hatch') {
      doc.lineWidth(0.7).strokeColor(INK.text);
      for (let d = -h; d < w; d += 3.5)
        doc
          .moveTo(left + d, top + h)
          .lineTo(left + d + h, top)
          .stroke();
    } else {
      doc.fillColor(INK.muted);
      for (let yy = top + 1.5; yy < top + h; yy += 3) {
        for (let xx = left + 1.5; xx < left + w; xx += 3) doc.circle(xx, yy, 0.45).fill();
      }
    }
  }
  doc.restore();
  doc.rect(left, top, w, h).lineWidth(0.5).strokeColor(INK.text).stroke();
}

/** A legend row under a chart: a swatch and the series' name, for each series. */
export function legend(w: ReportWriter, items: { fill: Fill | 'line' | 'dash'; label: string }[], y: number): number {
  const { doc } = w;
  let x = w.left;
  let row = y;
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(INK.text);
  for (const item of items) {
    const label = oneLine(item.label, 80);
    const width = 16 + doc.widthOfString(label) + 14;
    if (x + width > w.left + w.width) {
      x = w.left;
      row += 13;
    }
    if (item.fill === 'line') {
      doc
        .moveTo(x, row + 5)
        .lineTo(x + 11, row + 5)
        .lineWidth(2)
        .strokeColor(INK.text)
        .stroke();
    } else if (item.fill === 'dash') {
      doc.save().lineWidth(1.6).strokeColor('#000000').dash(3, { space: 2 });
      doc
        .moveTo(x, row + 5)
        .lineTo(x + 12, row + 5)
        .stroke();
      doc.undash().restore();
      doc.circle(x + 6, row + 5, 2).fill('#000000');
    } else {
      bar(doc, x, row, 11, 9, item.fill);
    }
    doc.fillColor(INK.text).text(label, x + 15, row, { lineBreak: false });
    x += width;
  }
  return row + 16;
}

/** A vertical value axis with tick labels in DKK million (Danish format) and light grid lines. */
export function valueAxisY(w: ReportWriter, scale: Scale, x: number, right: number): void {
  const { doc } = w;
  doc.font(FONT.regular).fontSize(SIZE.tiny).fillColor(INK.text);
  for (const tick of scale.ticks) {
    const y = scale.at(tick);
    doc.moveTo(x, y).lineTo(right, y).lineWidth(0.3).strokeColor(INK.light).stroke();
    doc.text(millions(tick), x - 46, y - 3.5, { width: 42, align: 'right', lineBreak: false });
  }
}

/** A horizontal value axis with tick labels in DKK million below `y`. */
export function valueAxisX(w: ReportWriter, scale: Scale, top: number, y: number): void {
  const { doc } = w;
  doc.font(FONT.regular).fontSize(SIZE.tiny).fillColor(INK.text);
  for (const tick of scale.ticks) {
    const x = scale.at(tick);
    doc.moveTo(x, top).lineTo(x, y).lineWidth(0.3).strokeColor(INK.light).stroke();
    // Centred under the tick, but never past the margins.
    const left = Math.min(Math.max(x - 25, w.left), w.left + w.width - 50);
    doc.text(millions(tick), left, y + 3, { width: 50, align: 'center', lineBreak: false });
  }
}

/** The zero line, heavier than the grid. */
export function zeroLine(doc: PDFKit.PDFDocument, x1: number, y1: number, x2: number, y2: number): void {
  doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(1.2).strokeColor(INK.text).stroke();
}
