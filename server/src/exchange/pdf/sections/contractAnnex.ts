import type { BuiltCaseExport } from '@caseroom/shared';
import type { AnnexBlock } from '../../annex/annexBlocks.ts';
import { contractAnnex } from '../../annex/annexContent.ts';
import { FONT } from '../fonts.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage } from '../reportText.ts';
import { MAX_FIELD_CHARS } from '../safeText.ts';
import { keyValues, table } from '../table.ts';

/**
 * The contract annex as the report's last section (issue 15): the same blocks as the Word
 * document (annex/annexContent.ts), on a page of its own under the annex's title; the annex's
 * section headings one level down. A text longer than the report prints in one paragraph is
 * printed in pieces, never cut: the annex is a contract text.
 */
export function contractAnnexSection(w: ReportWriter, exported: BuiltCaseExport, lang: ReportLanguage): void {
  const annex = contractAnnex(exported, lang);
  w.newPage('portrait');
  w.heading(annex.title, 1);
  for (const block of annex.blocks) drawBlock(w, block);
}

function drawBlock(w: ReportWriter, block: AnnexBlock): void {
  switch (block.kind) {
    case 'heading':
      w.heading(block.text, block.level === 1 ? 2 : 3);
      return;
    case 'paragraph':
      for (const piece of pieces(block.text)) w.paragraph(piece, block.note ? { face: FONT.italic } : {});
      return;
    case 'fields':
      keyValues(
        w,
        block.rows.map((row) => [row.label, row.value]),
      );
      return;
    case 'table': {
      const last = block.rows.length - 1;
      table(
        w,
        block.columns,
        block.rows.map((row, i) => (block.totalRow && i === last ? row.map((text) => ({ text, bold: true })) : row)),
      );
      return;
    }
  }
}

/** A text in pieces the report's paragraph prints whole (it cuts at MAX_FIELD_CHARS). */
function pieces(text: string): string[] {
  const size = MAX_FIELD_CHARS - 100;
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    // Do not cut a surrogate pair in half.
    if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
    out.push(text.slice(start, end));
    start = end;
  }
  return out.length === 0 ? [''] : out;
}
