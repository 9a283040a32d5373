import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { RichText, RichTextNode } from '../model/primitives.ts';
import { richTextSchema } from './schema.ts';

/** Writes rich text into an (empty, integrated) fragment with the shared schema. */
export function writeRichText(fragment: Y.XmlFragment, value: RichText): void {
  const schema = richTextSchema();
  // Validate against the schema first: an unknown node would otherwise be stripped by the
  // editor of whoever opens it next.
  const node = schema.nodeFromJSON(value);
  node.check();
  prosemirrorJSONToYXmlFragment(schema, value, fragment);
}

/**
 * Reads a fragment as rich text. Content the shared schema does not know (a crafted or
 * foreign document) is reduced to its text in paragraphs, so nothing readable is lost.
 */
export function readRichText(fragment: Y.XmlFragment): RichText {
  const json = yXmlFragmentToProsemirrorJSON(fragment) as RichText;
  try {
    richTextSchema().nodeFromJSON(json).check();
    return { type: 'doc', content: json.content ?? [] };
  } catch {
    const paragraphs = (json.content ?? [])
      .map((node) => plainTextOfNode(node))
      .filter((text) => text.length > 0)
      .map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
    return { type: 'doc', content: paragraphs };
  }
}

/** The text of a rich-text value, blocks separated by newlines. */
export function richTextToPlain(value: RichText): string {
  return (value.content ?? []).map(plainTextOfNode).join('\n').trim();
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

function plainTextOfNode(node: RichTextNode): string {
  if (typeof node.text === 'string') return node.text;
  const parts = (node.content ?? []).map(plainTextOfNode);
  const isBlockContainer = (node.content ?? []).some((child) => child.type !== 'text' && child.type !== 'hardBreak');
  return parts.join(isBlockContainer ? '\n' : '');
}
