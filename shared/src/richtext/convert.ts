import type * as Y from 'yjs';
import type { RichText } from '../model/primitives.ts';
import { readRichTextWithinBounds } from './readWithinBounds.ts';

export { plainTextOfNode, richTextToPlain } from './plainText.ts';
export { type RichTextReading, readRichTextWithinBounds } from './readWithinBounds.ts';
export { richTextBoundViolation } from './richTextBounds.ts';
export { type RichTextSetAside, type SetAsideContent, SetAsideReason } from './setAside.ts';
export { ELEMENTS_PER_TRANSACTION, setAsideDamagedRichText } from './setAsideInDocument.ts';
export { writeRichText } from './writeRichText.ts';

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
