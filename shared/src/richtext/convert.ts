import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { RichText } from '../model/primitives.ts';
import { readRichTextWithinBounds } from './readWithinBounds.ts';
import { richTextBoundViolation } from './richTextBounds.ts';
import { richTextSchema } from './schema.ts';

export { plainTextOfNode, richTextToPlain } from './plainText.ts';
export { type RichTextReading, readRichTextWithinBounds } from './readWithinBounds.ts';
export { richTextBoundViolation } from './richTextBounds.ts';
export { type RichTextSetAside, SetAsideReason } from './setAside.ts';

/**
 * Writes rich text into an (empty, integrated) fragment with the shared schema. Throws if the
 * value passes its bounds (callers with untrusted values, such as an import, check
 * `richTextBoundViolation` first and say so) — checked before anything recursive sees it.
 */
export function writeRichText(fragment: Y.XmlFragment, value: RichText): void {
  const violation = richTextBoundViolation(value);
  if (violation) throw new Error(`writeRichText: the text passes its bound (${violation.reason}, ${violation.limit})`);
  const schema = richTextSchema();
  // Validate against the schema first: an unknown node would otherwise be stripped by the
  // editor of whoever opens it next.
  const node = schema.nodeFromJSON(value);
  node.check();
  prosemirrorJSONToYXmlFragment(schema, value, fragment);
}

/**
 * Reads a fragment as rich text within its bounds (`readRichTextWithinBounds`, which also says
 * what it set aside). Content the shared schema does not know (a crafted or foreign document)
 * is reduced to its text in paragraphs, so nothing readable is lost.
 */
export function readRichText(fragment: Y.XmlFragment): RichText {
  return readRichTextWithinBounds(fragment).value;
}

/** Rich text holding the given paragraphs of plain text. */
export function richTextFromParagraphs(...paragraphs: string[]): RichText {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({
      type: 'paragraph',
      content: text ? [{ type: 'text', text }] : [],
    })),
  };
}
