import type { BuiltCaseExport } from '@caseroom/shared';
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { contractAnnex } from '../annex/annexContent.ts';
import { docxBlock } from './docxBlocks.ts';

/** 2 cm in twentieths of a point. */
const MARGIN_TWIPS = 1134;
/** A4 in twentieths of a point. */
const A4 = { width: 11906, height: 16838 };

/**
 * The contract annex as an editable Word document (docs/export-docx.md), in Danish or English:
 * the same blocks as the PDF report's annex section (annex/annexContent.ts), with real headings
 * and tables, the content hash in every page's footer. Every date in the text comes from the
 * export, so the same export gives the same document text (only the file's own created/modified
 * stamps, which the library writes, differ); it runs in the export worker like the others.
 */
export async function contractAnnexDocx(exported: BuiltCaseExport, lang: 'da' | 'en'): Promise<Uint8Array> {
  const annex = contractAnnex(exported, lang);
  const language = lang === 'da' ? 'da-DK' : 'en-GB';
  const hash = exported.version.contentHash.slice(0, 12);
  const doc = new Document({
    creator: 'Caseroom',
    title: annex.title,
    description: `${annex.title} (${exported.version.contentHash})`,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 21, language: { value: language } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS, right: MARGIN_TWIPS },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${annex.title} · ${hash} · `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: 'Title', children: [new TextRun({ text: annex.title })] }),
          ...annex.blocks.flatMap(docxBlock),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
