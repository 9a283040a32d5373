import type { BuiltCaseExport } from '@caseroom/shared';
import { ALL_RECORDS, exportFields, recordValue } from '../../fieldRows.ts';
import { versionLabel } from '../../versionLabel.ts';
import { fieldBlock } from '../fieldBlocks.ts';
import { FONT } from '../fonts.ts';
import { type HeadlineFigure, headlineFigures } from '../headlineFigures.ts';
import { INK, type ReportWriter, SIZE } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine, safeText } from '../safeText.ts';
import { keyValues } from '../table.ts';

/**
 * The first page: the title, which version this is (source, content hash, agreed, when it was
 * exported, who signed it), and the headline figures — or why there are none.
 */
export function summarySection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText, lang: ReportLanguage) {
  const { doc } = w;
  const { model, version } = exported;
  doc.font(FONT.bold).fontSize(SIZE.small).fillColor(INK.muted);
  doc.text(text.reportKind.toUpperCase(), w.left, w.y, { width: w.width, characterSpacing: 0.8 });
  w.gap(4);
  doc.font(FONT.bold).fontSize(SIZE.title).fillColor(INK.text);
  doc.text(safeText(exported.case.title, 600) || text.untitled, w.left, w.y, { width: w.width, lineGap: 2 });
  if (model.facts.municipality) {
    w.gap(2);
    doc.font(FONT.regular).fontSize(SIZE.h2).fillColor(INK.muted);
    doc.text(oneLine(model.facts.municipality), w.left, w.y, { width: w.width });
  }
  w.gap(10);
  w.resetText();

  w.heading(text.version, 2);
  keyValues(
    w,
    [
      [
        text.cover.source,
        version.source === 'current'
          ? text.cover.current
          : text.cover.snapshot(oneLine(versionLabel(version.sourceName, lang) ?? version.source)),
      ],
      [text.cover.contentHash, version.contentHash],
      [text.cover.agreed, version.agreed ? text.cover.agreedYes : text.cover.agreedNo],
      [text.cover.exportedAt, text.dateTime(exported.exportedAt)],
      [
        text.cover.signedBy,
        version.signedBy.length === 0
          ? text.cover.nobody
          : version.signedBy.map((s) => `${oneLine(s.partyName)} (${text.dateTime(s.at)})`).join('\n'),
      ],
    ],
    0.22,
  );

  w.heading(text.cover.figures, 2);
  const { pricing } = exported;
  if (!pricing.ok) {
    w.paragraph(`${text.cover.notPriceable} ${text.reasons[pricing.reason]}`, { face: FONT.bold });
    w.paragraph(text.cover.notPriceableAfter);
  } else {
    figureCards(w, headlineFigures(pricing, model.facts.startYear, text, lang));
    if (pricing.excludedOutcomeIds.length > 0) w.note(text.cover.excludedOutcomes(pricing.excludedOutcomeIds.length));
    w.note(text.moneyNote);
  }
}

/** Facts: who takes part, and the economic frame every figure is priced in — the registry's facts fields for the report. */
export function factsSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText, lang: ReportLanguage): void {
  const { model } = exported;
  w.heading(text.sections.facts, 1);
  // What the case is (every 'summary' field), then the economic frame (the facts' 'assumptions' fields).
  const frame = exportFields({ pdf: 'assumptions' }, ['facts', 'facts.partners']);
  const fields = [...exportFields({ pdf: 'summary' }, ALL_RECORDS), ...frame];
  fieldBlock(w, fields, (field) => recordValue(model, field), { model, lang, text });
}

/** The headline figures as cards, two to a row: the name small, the value large, the note beneath. */
function figureCards(w: ReportWriter, figures: HeadlineFigure[]): void {
  const { doc } = w;
  const gap = 8;
  const cardWidth = (w.width - gap) / 2;
  for (let i = 0; i < figures.length; i += 2) {
    const pair = figures.slice(i, i + 2);
    doc.font(FONT.italic).fontSize(SIZE.tiny);
    const noteHeight = Math.max(
      0,
      ...pair.map((f) => (f.note ? doc.heightOfString(f.note, { width: cardWidth - 14 }) + 2 : 0)),
    );
    const cardHeight = 38 + noteHeight;
    w.ensureSpace(cardHeight + gap);
    const top = w.y;
    pair.forEach((figure, j) => {
      const x = w.left + j * (cardWidth + gap);
      doc.rect(x, top, cardWidth, cardHeight).lineWidth(0.6).strokeColor(INK.rule).stroke();
      doc.font(FONT.regular).fontSize(SIZE.small).fillColor(INK.muted);
      doc.text(figure.label, x + 7, top + 5, { width: cardWidth - 14, height: 11, ellipsis: true });
      doc.font(FONT.bold).fontSize(15).fillColor(INK.text);
      doc.text(figure.value, x + 7, top + 17, { width: cardWidth - 14, height: 19, ellipsis: true });
      if (figure.note) {
        doc.font(FONT.italic).fontSize(SIZE.tiny).fillColor(INK.muted);
        doc.text(figure.note, x + 7, top + 36, { width: cardWidth - 14 });
      }
    });
    doc.y = top + cardHeight + gap;
  }
  w.resetText();
}
