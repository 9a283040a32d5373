import { type DepartmentAccount, figureLabel } from '@caseroom/shared';
import { FONT } from '../fonts.ts';
import { INK, type ReportWriter, SIZE } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine } from '../safeText.ts';
import { bar, legend, linearScale, valueAxisX, zeroLine } from './chartKit.ts';

const ROW = 26;
const LABEL_WIDTH = 120;

/**
 * Who pays, who gains (P17): per department, the PV of value gained to the right of zero
 * (solid), payments made (hatched) and own cost (dotted) to the left, the net as a black tick.
 */
export function departmentChart(
  w: ReportWriter,
  accounts: DepartmentAccount[],
  names: Map<string, string>,
  text: ReportText,
  lang: ReportLanguage,
): void {
  if (accounts.length === 0) return;
  const values = accounts.flatMap((a) => [a.valueGained, -(a.paymentsMade + a.ownCost), a.net]);
  // Many departments: the chart continues on the next page, on the same scale.
  let from = 0;
  while (from < accounts.length) {
    let fits = Math.floor((w.bottom - w.y - 70) / ROW);
    if (fits < Math.min(3, accounts.length - from)) {
      w.newPage();
      fits = Math.floor((w.bottom - w.y - 70) / ROW);
    }
    const count = Math.max(1, fits);
    chartBlock(w, accounts.slice(from, from + count), values, names, text);
    from += count;
  }
  w.doc.y = legend(
    w,
    [
      { fill: 'solid', label: figureLabel('valueGained', lang) },
      { fill: 'hatch', label: figureLabel('paymentsMade', lang) },
      { fill: 'light', label: figureLabel('ownCost', lang) },
      { fill: 'line', label: figureLabel('net', lang) },
    ],
    w.y,
  );
  w.resetText();
}

function chartBlock(
  w: ReportWriter,
  accounts: DepartmentAccount[],
  values: number[],
  names: Map<string, string>,
  text: ReportText,
): void {
  const { doc } = w;
  const top = w.y + 16;
  const plotLeft = w.left + LABEL_WIDTH + 8;
  const plotRight = w.left + w.width - 8;
  const plotBottom = top + accounts.length * ROW;
  const scale = linearScale(values, plotLeft, plotRight, 6);
  valueAxisX(w, scale, top, plotBottom);
  const zero = scale.at(0);
  accounts.forEach((account, i) => {
    const rowTop = top + i * ROW + 4;
    const barHeight = ROW - 10;
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(INK.text);
    doc.text(oneLine(names.get(account.departmentId) ?? account.departmentId, 120), w.left, rowTop + 3, {
      width: LABEL_WIDTH,
      height: SIZE.small * 1.3,
      ellipsis: true,
    });
    bar(doc, zero, rowTop, scale.at(account.valueGained) - zero, barHeight, 'solid');
    const paidEnd = scale.at(-account.paymentsMade);
    bar(doc, zero, rowTop, paidEnd - zero, barHeight, 'hatch');
    bar(doc, paidEnd, rowTop, scale.at(-(account.paymentsMade + account.ownCost)) - paidEnd, barHeight, 'light');
    const net = scale.at(account.net);
    doc
      .moveTo(net, rowTop - 3)
      .lineTo(net, rowTop + barHeight + 3)
      .lineWidth(2.2)
      .strokeColor('#000000')
      .stroke();
  });
  zeroLine(doc, zero, top, zero, plotBottom);
  doc.font(FONT.italic).fontSize(SIZE.tiny).fillColor(INK.muted);
  doc.text(text.moneyAxis, w.left, top - 14, { lineBreak: false });
  doc.y = plotBottom + 18;
  w.resetText();
}
