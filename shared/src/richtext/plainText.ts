import type { RichText, RichTextNode } from '../model/primitives.ts';

/** The text of a rich-text value, blocks separated by newlines. */
export function richTextToPlain(value: RichText): string {
  return (value.content ?? []).map(plainTextOfNode).join('\n').trim();
}

/** A node whose children are being joined: its children, the next to visit, their texts so far. */
type Frame = { children: readonly unknown[]; next: number; parts: string[]; separator: string };

/**
 * The text of one node: a text node's text; otherwise its children's texts, joined by
 * newlines when it holds blocks and run together when it holds inline content. Walked with
 * an explicit stack, so a value nested any depth (an import, a crafted document) cannot
 * overflow the call stack.
 */
export function plainTextOfNode(node: RichTextNode): string {
  const first = open(node);
  if (typeof first === 'string') return first;
  const stack: Frame[] = [first];
  let text = '';
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next < frame.children.length) {
      const child = open(frame.children[frame.next++]);
      if (typeof child === 'string') frame.parts.push(child);
      else stack.push(child);
      continue;
    }
    stack.pop();
    const joined = frame.parts.join(frame.separator);
    const parent = stack[stack.length - 1];
    if (parent) parent.parts.push(joined);
    else text = joined;
  }
  return text;
}

/** A text node's text, or a frame for a node whose children must be joined. */
function open(value: unknown): string | Frame {
  const node = (value ?? {}) as { text?: unknown; content?: unknown };
  if (typeof node.text === 'string') return node.text;
  const children = Array.isArray(node.content) ? (node.content as unknown[]) : [];
  const holdsBlocks = children.some((child) => {
    const type = (child as { type?: unknown } | null)?.type;
    return type !== 'text' && type !== 'hardBreak';
  });
  return { children, next: 0, parts: [], separator: holdsBlocks ? '\n' : '' };
}
