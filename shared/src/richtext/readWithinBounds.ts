import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DEFAULT_MAP_ENTRIES, RICH_TEXT_BOUND, type RichTextBound } from '../bounds/bounds.ts';
import type { RichText, RichTextNode } from '../model/primitives.ts';
import { plainTextOfNode } from './plainText.ts';
import { isPlainValue } from './plainValue.ts';
import { richTextBoundViolation } from './richTextBounds.ts';
import { richTextSchema } from './schema.ts';
import { type RichTextSetAside, SetAsideReason } from './setAside.ts';

/** A rich-text field as read: its value within the bounds, and what was set aside (empty for every field an editor wrote). */
export type RichTextReading = { value: RichText; setAside: RichTextSetAside[] };

/**
 * Reads a fragment as rich text without unbounded recursion or work (issue 9). A survey walks
 * the fragment first, with an explicit stack, and stops at the first node or character past
 * the bound. A fragment within its bounds is read exactly as before — the same JSON, so content
 * hashes and sign-offs stay — by the library, whose recursion is then at most `maxDepth` deep.
 * Anything else (a document an earlier version let grow without bounds, or a crafted one) is
 * read by a bounded walk of our own: what lies within the bounds is kept, the rest set aside and
 * named in `setAside`; the document itself is not changed. Content the shared schema does not
 * know is reduced to its text in paragraphs, so nothing readable within the bounds is lost.
 */
export function readRichTextWithinBounds(
  fragment: Y.XmlFragment,
  bound: RichTextBound = RICH_TEXT_BOUND,
): RichTextReading {
  const setAside = survey(fragment, bound);
  if (setAside.length === 0) {
    const json = yXmlFragmentToProsemirrorJSON(fragment) as RichText;
    return { value: schemaOrParagraphs(json, bound, setAside), setAside };
  }
  return { value: blocksOrParagraphs(readBounded(fragment, bound), bound, setAside), setAside };
}

/**
 * What passes the bounds, one entry per reason. Counts as the write guard does: each
 * element and text below the fragment is a node one level below its parent (top level 1).
 */
function survey(fragment: Y.XmlFragment, bound: RichTextBound): RichTextSetAside[] {
  const found = new Map<SetAsideReason, RichTextSetAside>();
  const note = (reason: SetAsideReason, limit?: number) => {
    if (!found.has(reason)) found.set(reason, limit === undefined ? { reason } : { reason, limit });
  };
  let nodes = 0;
  let chars = 0;
  // Mark boundaries: an editor writes at most a few per character (one per mark at each end of a run).
  let formats = 0;
  const maxFormats = 8 * bound.maxChars;
  const stack: { type: Y.XmlFragment; depth: number }[] = [{ type: fragment, depth: 0 }];
  walk: while (stack.length > 0) {
    const { type, depth } = stack.pop() as { type: Y.XmlFragment; depth: number };
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue; // formats between elements carry nothing the library reads
      const child = item.content instanceof Y.ContentType ? item.content.type : undefined;
      if (!(child instanceof Y.XmlElement || child instanceof Y.XmlText)) {
        note(SetAsideReason.UnknownContent);
        continue;
      }
      nodes += 1;
      if (nodes > bound.maxNodes) {
        note(SetAsideReason.TooManyNodes, bound.maxNodes);
        break walk;
      }
      if (child instanceof Y.XmlElement) {
        if (!plainAttributes(child)) note(SetAsideReason.UnknownContent);
        // Its children would lie one level further down: past the bound, none is visited.
        if (depth + 2 <= bound.maxDepth) stack.push({ type: child, depth: depth + 1 });
        else if (hasLiveChild(child)) note(SetAsideReason.TooDeep, bound.maxDepth);
        continue;
      }
      for (let run = child._start; run !== null; run = run.right) {
        if (run.deleted) continue;
        if (run.content instanceof Y.ContentString) {
          chars += run.content.str.length;
          if (chars > bound.maxChars) {
            note(SetAsideReason.TooLong, bound.maxChars);
            break walk;
          }
        } else if (run.content instanceof Y.ContentFormat && isPlainValue(run.content.value)) {
          formats += 1;
          if (formats > maxFormats) {
            note(SetAsideReason.TooManyNodes, bound.maxNodes);
            break walk;
          }
        } else {
          note(SetAsideReason.UnknownContent);
        }
      }
    }
  }
  return [...found.values()];
}

/** Whether a node has any child that is not deleted. */
function hasLiveChild(element: Y.XmlElement): boolean {
  for (let item = element._start; item !== null; item = item.right) if (!item.deleted && item.countable) return true;
  return false;
}

/** A node's attributes if every one is a small plain value (and there are few), else undefined. */
function plainAttributes(element: Y.XmlElement): Record<string, unknown> | undefined {
  const attributes: Record<string, unknown> = {};
  let count = 0;
  for (const [key, item] of element._map) {
    if (item.deleted) continue;
    count += 1;
    if (count > DEFAULT_MAP_ENTRIES) return undefined;
    const value = item.content.getContent()[item.length - 1];
    if (!isPlainValue(value)) return undefined;
    attributes[key] = value;
  }
  return attributes;
}

/** A node's JSON being filled (the document or an element), its next child item, and its children's depth. */
type Frame = { node: { content?: RichTextNode[] }; next: Y.Item | null; depth: number };

/**
 * The fragment as ProseMirror JSON, the way the library writes it, but only what lies within
 * the bounds: children below `maxDepth`, nodes past `maxNodes` and text past `maxChars` are
 * left out; so are embeds, hooks, raw values and attributes that are not small plain values.
 * Document order, explicit stack; never visits more than `maxNodes` nodes.
 */
function readBounded(fragment: Y.XmlFragment, bound: RichTextBound): RichText {
  const doc: RichText = { type: 'doc', content: [] };
  const budget = { nodes: bound.maxNodes, chars: bound.maxChars };
  const stack: Frame[] = [{ node: doc, next: fragment._start, depth: 1 }];
  while (stack.length > 0 && budget.nodes > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const item = frame.next;
    if (item === null) {
      stack.pop();
      continue;
    }
    frame.next = item.right;
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const child = item.content.type;
    if (!(child instanceof Y.XmlText || child instanceof Y.XmlElement)) continue;
    budget.nodes -= 1;
    frame.node.content ??= [];
    const content = frame.node.content;
    if (child instanceof Y.XmlText) {
      for (const run of textRuns(child, budget)) content.push(run);
    } else {
      const node: RichTextNode = { type: child.nodeName };
      const attributes = plainAttributes(child);
      if (attributes && Object.keys(attributes).length > 0) node.attrs = attributes;
      content.push(node);
      // Its children lie one level further down; past the bound they are left out unvisited.
      if (frame.depth + 1 <= bound.maxDepth) stack.push({ node, next: child._start, depth: frame.depth + 1 });
    }
  }
  return doc;
}

/** A text's runs as ProseMirror text nodes with their marks (as `Y.XmlText.toDelta` splits them), within the character budget. */
function textRuns(text: Y.XmlText, budget: { chars: number }): RichTextNode[] {
  const runs: RichTextNode[] = [];
  const formats = new Map<string, unknown>();
  let pending = '';
  const flush = () => {
    if (pending.length === 0) return;
    const run: RichTextNode = { type: 'text', text: pending };
    if (formats.size > 0)
      run.marks = [...formats].map(([key, attrs]) => ({
        type: markName(key),
        attrs: attrs as Record<string, unknown>,
      }));
    runs.push(run);
    pending = '';
  };
  for (let item = text._start; item !== null && budget.chars > 0; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentString) {
      const part = content.str.slice(0, budget.chars);
      budget.chars -= part.length;
      pending += part;
    } else if (content instanceof Y.ContentFormat) {
      flush();
      if (content.value === null || !isPlainValue(content.value)) formats.delete(content.key);
      else formats.set(content.key, content.value);
    }
  }
  flush();
  return runs;
}

/** A mark's name from its format key (overlapping marks carry a `--hash` suffix), as the library reads it. */
function markName(key: string): string {
  return /(.*)(--[a-zA-Z0-9+/=]{8})$/.exec(key)?.[1] ?? key;
}

/**
 * What is left of a damaged field, block by block: each top-level block the shared schema
 * accepts as it is stays (so the formatting of the parts an editor wrote survives), any other
 * becomes a paragraph of its text. If that still passes a bound (paragraphs add line breaks),
 * the whole field becomes paragraphs of text, cut at the bounds.
 */
function blocksOrParagraphs(json: RichText, bound: RichTextBound, setAside: RichTextSetAside[]): RichText {
  const schema = richTextSchema();
  const blocks: RichTextNode[] = [];
  for (const node of json.content ?? []) {
    try {
      const block = schema.nodeFromJSON(node);
      block.check();
      if (!schema.topNodeType.contentMatch.matchType(block.type)) throw new Error('not a top-level block');
      blocks.push(node);
    } catch {
      const text = plainTextOfNode(node);
      if (text.length > 0) blocks.push({ type: 'paragraph', content: [{ type: 'text', text }] });
    }
  }
  const value: RichText = { type: 'doc', content: blocks };
  return richTextBoundViolation(value, bound) ? paragraphsWithinBounds(json, bound, setAside) : value;
}

/**
 * The value if the shared schema accepts it; otherwise each top-level node's text as a
 * paragraph (a crafted or foreign document), cut so that the paragraphs too stay within the
 * bounds — what is cut is added to `setAside`.
 */
function schemaOrParagraphs(json: RichText, bound: RichTextBound, setAside: RichTextSetAside[]): RichText {
  try {
    richTextSchema().nodeFromJSON(json).check();
    return { type: 'doc', content: json.content ?? [] };
  } catch {
    return paragraphsWithinBounds(json, bound, setAside);
  }
}

/** Each top-level node's text as a paragraph, cut at the bounds; what is cut is added to `setAside`. */
function paragraphsWithinBounds(json: RichText, bound: RichTextBound, setAside: RichTextSetAside[]): RichText {
  const paragraphs: RichTextNode[] = [];
  let chars = 0;
  for (const node of json.content ?? []) {
    const whole = plainTextOfNode(node);
    if (whole.length === 0) continue;
    // A paragraph and its text are two nodes.
    if ((paragraphs.length + 1) * 2 > bound.maxNodes) {
      noteOnce(setAside, { reason: SetAsideReason.TooManyNodes, limit: bound.maxNodes });
      break;
    }
    const text = whole.slice(0, Math.max(0, bound.maxChars - chars));
    if (text.length < whole.length) noteOnce(setAside, { reason: SetAsideReason.TooLong, limit: bound.maxChars });
    if (text.length === 0) break;
    chars += text.length;
    paragraphs.push({ type: 'paragraph', content: [{ type: 'text', text }] });
  }
  return { type: 'doc', content: paragraphs };
}

function noteOnce(setAside: RichTextSetAside[], entry: RichTextSetAside): void {
  if (!setAside.some((known) => known.reason === entry.reason)) setAside.push(entry);
}
