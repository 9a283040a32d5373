import type { RichText, RichTextMark, RichTextNode } from '@caseroom/shared';
import { faceOf } from './fonts.ts';
import { INK, type ReportWriter, SIZE } from './layout.ts';
import { safeText } from './safeText.ts';

/** How deep lists and quotes may nest before their content is printed flat (a crafted document could nest thousands deep). */
const MAX_DEPTH = 12;
/** Characters of one rich-text field the report prints; the rest is cut with "…". */
const MAX_CHARS = 20_000;

type Run = { text: string; bold: boolean; italic: boolean; underline: boolean; strike: boolean };

/**
 * Prints a rich-text field (Tiptap / ProseMirror JSON from the shared schema): paragraphs,
 * headings, bullet and ordered lists, quotes, hard breaks, bold / italic / underline / strike.
 * Only text is drawn — a link mark or any unknown node prints as its plain text.
 * Returns false when the field is empty (the caller says "not filled in").
 */
export function richText(w: ReportWriter, value: RichText | undefined): boolean {
  const budget = { left: MAX_CHARS };
  const blocks = value?.content ?? [];
  let printed = false;
  for (const block of blocks) printed = renderBlock(w, block, 0, 0, budget) || printed;
  w.resetText();
  return printed;
}

function renderBlock(
  w: ReportWriter,
  node: RichTextNode,
  indent: number,
  depth: number,
  budget: { left: number },
): boolean {
  if (budget.left <= 0) return false;
  switch (node.type) {
    case 'heading': {
      const level = Number(node.attrs?.level ?? 2);
      const size = level <= 1 ? SIZE.h2 : level === 2 ? SIZE.h3 + 0.5 : SIZE.h3;
      w.ensureSpace(size * 4);
      w.gap(3);
      return paragraph(w, runsOf(node, { bold: true }, budget), indent, size);
    }
    case 'bulletList':
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      let printed = false;
      (node.content ?? []).forEach((item, i) => {
        const marker = node.type === 'bulletList' ? (depth % 2 === 0 ? '•' : '–') : `${start + i}.`;
        printed = listItem(w, item, marker, indent, depth, budget) || printed;
      });
      return printed;
    }
    case 'blockquote': {
      const top = w.y;
      const printed: boolean = children(w, node, indent + 14, depth, budget);
      if (w.y > top) {
        w.doc
          .moveTo(w.left + indent + 4, top)
          .lineTo(w.left + indent + 4, w.y - 4)
          .lineWidth(1.5)
          .strokeColor(INK.rule)
          .stroke();
      }
      return printed;
    }
    case 'paragraph':
      return paragraph(w, runsOf(node, {}, budget), indent, SIZE.body);
    default:
      // Unknown blocks (a crafted document): their text, as a paragraph.
      return paragraph(w, runsOf(node, {}, budget), indent, SIZE.body);
  }
}

function children(
  w: ReportWriter,
  node: RichTextNode,
  indent: number,
  depth: number,
  budget: { left: number },
): boolean {
  if (depth >= MAX_DEPTH) return paragraph(w, runsOf(node, {}, budget), indent, SIZE.body);
  let printed = false;
  for (const child of node.content ?? []) printed = renderBlock(w, child, indent, depth + 1, budget) || printed;
  return printed;
}

function listItem(
  w: ReportWriter,
  item: RichTextNode,
  marker: string,
  indent: number,
  depth: number,
  budget: { left: number },
): boolean {
  const inner = indent + 16;
  w.ensureSpace(SIZE.body * 2.5);
  const top = w.y;
  w.doc.font(faceOf(false, false)).fontSize(SIZE.body).fillColor(INK.text);
  w.doc.text(marker, w.left + indent + 2, top, { width: 14, lineBreak: false });
  w.doc.y = top;
  const printed = children(w, item, inner, depth, budget);
  if (!printed) w.doc.y = top + SIZE.body * 1.6;
  return true;
}

function paragraph(w: ReportWriter, runs: Run[], indent: number, size: number): boolean {
  const lines = splitLines(runs);
  if (lines.every((line) => line.length === 0)) {
    w.gap(size * 0.6);
    return false;
  }
  w.ensureSpace(size * 2.5);
  // A hard break starts a new line of the same paragraph: each line is one chain of styled runs.
  for (const line of lines) {
    if (line.length === 0) w.doc.y += size * 1.25;
    else styledLine(w, line, indent, size);
  }
  w.doc.y += size * 0.5;
  w.resetText();
  return true;
}

function styledLine(w: ReportWriter, runs: Run[], indent: number, size: number): void {
  const { doc } = w;
  runs.forEach((run, i) => {
    doc.font(faceOf(run.bold, run.italic)).fontSize(size).fillColor(INK.text);
    const options = {
      width: w.width - indent,
      lineGap: size * 0.25,
      continued: i < runs.length - 1,
      underline: run.underline,
      strike: run.strike,
    };
    if (i === 0) doc.text(run.text, w.left + indent, doc.y, options);
    else doc.text(run.text, options);
  });
}

/** The runs split at newlines (hard breaks), empty runs dropped. */
function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part.length > 0) lines.at(-1)?.push({ ...run, text: part });
    });
  }
  return lines;
}

/** The text runs of an inline container, with their marks; hard breaks become newlines. */
function runsOf(node: RichTextNode, base: Partial<Run>, budget: { left: number }): Run[] {
  const runs: Run[] = [];
  const visit = (n: RichTextNode, depth: number) => {
    if (budget.left <= 0) return;
    if (n.type === 'hardBreak') {
      runs.push({ ...plainRun(base), text: '\n' });
      return;
    }
    if (typeof n.text === 'string') {
      const text = safeText(n.text, Math.max(1, budget.left));
      budget.left -= text.length;
      runs.push({ ...marked(base, n.marks ?? []), text });
      return;
    }
    if (depth > MAX_DEPTH * 4) return;
    const blockChildren = (n.content ?? []).some((c) => c.type !== 'text' && c.type !== 'hardBreak');
    (n.content ?? []).forEach((child, i) => {
      if (blockChildren && i > 0) runs.push({ ...plainRun(base), text: '\n' });
      visit(child, depth + 1);
    });
  };
  visit(node, 0);
  return runs;
}

function plainRun(base: Partial<Run>): Run {
  return { text: '', bold: false, italic: false, underline: false, strike: false, ...base };
}

function marked(base: Partial<Run>, marks: RichTextMark[]): Run {
  const run = plainRun(base);
  for (const mark of marks) {
    if (mark.type === 'bold') run.bold = true;
    else if (mark.type === 'italic') run.italic = true;
    else if (mark.type === 'underline') run.underline = true;
    else if (mark.type === 'strike') run.strike = true;
  }
  return run;
}
