import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { RichText } from '../model/primitives.ts';
import { richTextBoundViolation } from './richTextBounds.ts';
import { richTextSchema } from './schema.ts';

/**
 * Writes rich text into an (empty, integrated) fragment with the shared schema; an empty value
 * leaves it empty. Throws if the
 * value passes its bounds (callers with untrusted values, such as an import, check
 * `richTextBoundViolation` first and say so) — checked before anything recursive sees it.
 */
export function writeRichText(fragment: Y.XmlFragment, value: RichText): void {
  // An empty field is an empty fragment (the schema would call a document without blocks invalid).
  if ((value.content ?? []).length === 0) return;
  const violation = richTextBoundViolation(value);
  if (violation) throw new Error(`writeRichText: the text passes its bound (${violation.reason}, ${violation.limit})`);
  const schema = richTextSchema();
  // Validate against the schema first: an unknown node would otherwise be stripped by the
  // editor of whoever opens it next.
  const node = schema.nodeFromJSON(value);
  node.check();
  prosemirrorJSONToYXmlFragment(schema, value, fragment);
}
