import { RICH_TEXT_BOUND, type RichTextBound } from '../bounds/bounds.ts';
import type { RichText } from '../model/primitives.ts';
import { type RichTextSetAside, SetAsideReason } from './setAside.ts';

/**
 * The first bound a rich-text value (ProseMirror JSON) passes, counted as the document will
 * hold it — as the write guard and `readRichTextWithinBounds` count: every element is a node
 * one level below its parent, and each run of adjacent text nodes is one more (a Y.XmlText
 * inside its element); characters are the text's. Undefined if the value stays within
 * `bound`. Walked without recursion and stops at the first bound passed, so an imported value
 * nested any depth is safe to check before anything recursive (schema, zod) sees it.
 */
export function richTextBoundViolation(
  value: RichText,
  bound: RichTextBound = RICH_TEXT_BOUND,
): RichTextSetAside | undefined {
  let nodes = 0;
  let chars = 0;
  const stack: { content: unknown; depth: number }[] = [{ content: value.content, depth: 1 }];
  while (stack.length > 0) {
    const { content, depth } = stack.pop() as { content: unknown; depth: number };
    if (!Array.isArray(content)) continue;
    let inTextRun = false;
    for (const node of content as unknown[]) {
      const { type, text, content: children } = (node ?? {}) as { type?: unknown; text?: unknown; content?: unknown };
      const isText = type === 'text';
      if (!isText || !inTextRun) {
        nodes += 1;
        if (depth > bound.maxDepth) return { reason: SetAsideReason.TooDeep, limit: bound.maxDepth };
        if (nodes > bound.maxNodes) return { reason: SetAsideReason.TooManyNodes, limit: bound.maxNodes };
      }
      inTextRun = isText;
      if (typeof text === 'string') {
        chars += text.length;
        if (chars > bound.maxChars) return { reason: SetAsideReason.TooLong, limit: bound.maxChars };
      }
      if (Array.isArray(children) && children.length > 0) stack.push({ content: children, depth: depth + 1 });
    }
  }
  return undefined;
}
