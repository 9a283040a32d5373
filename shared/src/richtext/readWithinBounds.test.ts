import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RICH_TEXT_BOUND } from '../bounds/bounds.ts';
import { exampleCase } from '../example/exampleCase.ts';
import type { RichText, RichTextNode } from '../model/primitives.ts';
import { makeCaseDoc } from '../testing/docs.ts';
import { writeModel } from '../ydoc/writeModel.ts';
import { readRichText, richTextToPlain, writeRichText } from './convert.ts';
import { plainTextOfNode } from './plainText.ts';
import { readRichTextWithinBounds } from './readWithinBounds.ts';
import { richTextBoundViolation } from './richTextBounds.ts';
import { richTextSchema } from './schema.ts';
import { SetAsideReason } from './setAside.ts';

/** A fresh, integrated fragment in a scratch document. */
function freshFragment(): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = new Y.XmlFragment();
  doc.getMap('problem').set('text', fragment);
  return fragment;
}

/** `depth` nested elements named `name` (the first at the top level), the innermost holding a paragraph of `text`. */
function nest(parent: Y.XmlFragment, depth: number, name = 'blockquote', text = 'bund'): void {
  parent.doc!.transact(() => {
    let current: Y.XmlFragment = parent;
    for (let i = 0; i < depth; i++) {
      const element = new Y.XmlElement(name);
      current.insert(current.length, [element]);
      current = element;
    }
    const paragraph = new Y.XmlElement('paragraph');
    current.insert(current.length, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
  });
}

function paragraph(parent: Y.XmlFragment, text: string): void {
  const element = new Y.XmlElement('paragraph');
  parent.insert(parent.length, [element]);
  element.insert(0, [new Y.XmlText(text)]);
}

/** How deep a JSON value nests (walked without recursion). */
function depthOf(value: RichText): number {
  let deepest = 0;
  const stack: { nodes: RichTextNode[]; depth: number }[] = [{ nodes: value.content ?? [], depth: 1 }];
  while (stack.length > 0) {
    const { nodes, depth } = stack.pop()!;
    for (const node of nodes) {
      deepest = Math.max(deepest, depth);
      if (node.content) stack.push({ nodes: node.content, depth: depth + 1 });
    }
  }
  return deepest;
}

/** How rich text was read before issue 9: the library, the schema check, paragraphs of text on failure. */
function readAsBefore(fragment: Y.XmlFragment): RichText {
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

describe('[9.3] rich text is read within its bounds', () => {
  it('[9.3] readRichText on a 100,000-deep fragment returns within bounds without throwing', () => {
    const fragment = freshFragment();
    paragraph(fragment, 'Før bomben');
    nest(fragment, 100_000);
    paragraph(fragment, 'Efter bomben');

    const started = performance.now();
    const reading = readRichTextWithinBounds(fragment);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(reading.setAside).toEqual([{ reason: SetAsideReason.TooDeep, limit: RICH_TEXT_BOUND.maxDepth }]);
    expect(richTextBoundViolation(reading.value)).toBeUndefined();
    expect(depthOf(reading.value)).toBeLessThanOrEqual(RICH_TEXT_BOUND.maxDepth);
    // What lies within the bounds is kept; the text 100,000 levels down is not.
    expect(richTextToPlain(reading.value)).toBe('Før bomben\nEfter bomben');
    expect(() => readRichText(fragment)).not.toThrow();
    expect(richTextSchema().nodeFromJSON(readRichText(fragment)).check()).toBeUndefined();
  });

  it('[9.3] content nested exactly to the bound reads as before; one level deeper is set aside', () => {
    // A paragraph's text is one level below the paragraph: 14 quotes + paragraph + text = 16.
    const atBound = freshFragment();
    nest(atBound, RICH_TEXT_BOUND.maxDepth - 2);
    expect(readRichTextWithinBounds(atBound)).toEqual({ value: readAsBefore(atBound), setAside: [] });
    expect(richTextToPlain(readRichText(atBound))).toBe('bund');

    const past = freshFragment();
    nest(past, RICH_TEXT_BOUND.maxDepth - 1);
    const reading = readRichTextWithinBounds(past);
    expect(reading.setAside).toEqual([{ reason: SetAsideReason.TooDeep, limit: RICH_TEXT_BOUND.maxDepth }]);
    expect(richTextBoundViolation(reading.value)).toBeUndefined();
  });

  it('every field of the example, and formatted prose, read exactly as before (content hashes stay)', () => {
    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    const fragments: Y.XmlFragment[] = [];
    const collect = (type: Y.AbstractType<unknown>) => {
      if (type instanceof Y.XmlFragment) fragments.push(type);
      else if (type instanceof Y.Map)
        for (const value of type.values()) if (value instanceof Y.AbstractType) collect(value);
    };
    for (const root of doc.share.values()) collect(root as Y.AbstractType<unknown>);
    expect(fragments.length).toBeGreaterThanOrEqual(7);

    const prose = freshFragment();
    writeRichText(prose, {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Overskrift' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'fed', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'kursiv og fed', marks: [{ type: 'bold' }, { type: 'italic' }] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'punkt' }] }] }],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'citat' }] }] },
      ],
    });
    const alien = freshFragment();
    const marquee = new Y.XmlElement('marquee');
    alien.insert(0, [marquee]);
    marquee.insert(0, [new Y.XmlText('kept text')]);

    for (const fragment of [...fragments, prose, alien]) {
      expect(readRichTextWithinBounds(fragment)).toEqual({ value: readAsBefore(fragment), setAside: [] });
    }
    expect(JSON.stringify(readRichText(prose))).toContain('"italic"');
  });

  it('[9.3] more nodes than the bound: the first ones are kept, in order', () => {
    const fragment = freshFragment();
    const paragraphs = Array.from({ length: 3_000 }, (_, i) => {
      const element = new Y.XmlElement('paragraph');
      element.insert(0, [new Y.XmlText(`p${i}`)]);
      return element;
    });
    fragment.insert(0, paragraphs);
    const reading = readRichTextWithinBounds(fragment);
    expect(reading.setAside).toEqual([{ reason: SetAsideReason.TooManyNodes, limit: RICH_TEXT_BOUND.maxNodes }]);
    expect(richTextBoundViolation(reading.value)).toBeUndefined();
    const texts = richTextToPlain(reading.value).split('\n');
    expect(texts).toHaveLength(RICH_TEXT_BOUND.maxNodes / 2);
    expect(texts.slice(0, 3)).toEqual(['p0', 'p1', 'p2']);
  });

  it('[9.3] more characters than the bound: the text is cut at the bound', () => {
    const fragment = freshFragment();
    paragraph(fragment, 'a'.repeat(RICH_TEXT_BOUND.maxChars - 10));
    paragraph(fragment, 'b'.repeat(50));
    const reading = readRichTextWithinBounds(fragment);
    expect(reading.setAside).toEqual([{ reason: SetAsideReason.TooLong, limit: RICH_TEXT_BOUND.maxChars }]);
    expect(richTextBoundViolation(reading.value)).toBeUndefined();
    expect(richTextToPlain(reading.value)).toBe(`${'a'.repeat(RICH_TEXT_BOUND.maxChars - 10)}\n${'b'.repeat(10)}`);
  });

  it('[9.3] content no editor writes (raw values, hooks, embeds, odd attributes) is set aside, never thrown on', () => {
    const fragment = freshFragment();
    paragraph(fragment, 'læsbar');
    // A raw value and a hook in the tree: the library throws on both.
    (fragment as unknown as Y.Array<unknown>).insert(fragment.length, ['rå værdi']);
    fragment.insert(fragment.length, [new Y.XmlHook('hook') as unknown as Y.XmlElement]);
    // An embed in a text, an attribute that is a shared type, an attribute nested deep.
    const withEmbed = new Y.XmlElement('paragraph');
    fragment.insert(fragment.length, [withEmbed]);
    const text = new Y.XmlText('før');
    withEmbed.insert(0, [text]);
    text.insertEmbed(3, { image: 'x' });
    const heading = new Y.XmlElement('heading');
    fragment.insert(fragment.length, [heading]);
    heading.setAttribute('level', new Y.Map() as never);
    heading.insert(0, [new Y.XmlText('titel')]);
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { inner: deep };
    const quote = new Y.XmlElement('paragraph');
    fragment.insert(fragment.length, [quote]);
    quote.setAttribute('odd', deep as never);
    quote.insert(0, [new Y.XmlText('sidst')]);

    const reading = readRichTextWithinBounds(fragment);
    expect(reading.setAside).toEqual([{ reason: SetAsideReason.UnknownContent }]);
    expect(richTextToPlain(reading.value)).toBe('læsbar\nfør\ntitel\nsidst');
    expect(JSON.stringify(reading.value)).not.toContain('inner');
  });
});

describe('[9.3] walks over rich-text JSON never recurse without bound', () => {
  /** A value `depth` blockquotes deep around a paragraph of text. */
  function deepValue(depth: number): RichText {
    let node: RichTextNode = { type: 'paragraph', content: [{ type: 'text', text: 'bund' }] };
    for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] };
    return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'top' }] }, node] };
  }

  it('richTextToPlain reads a 100,000-deep value', () => {
    expect(richTextToPlain(deepValue(100_000))).toBe('top\nbund');
  });

  it('plain text is the same as before: blocks joined by newlines, inline content run together', () => {
    const value: RichText = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'c' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'd' }] }] },
          ],
        },
        { type: 'paragraph' },
      ],
    };
    expect(richTextToPlain(value)).toBe('ab\nc\nd');
  });

  it('richTextBoundViolation counts as the document holds it, and writeRichText refuses before recursing', () => {
    expect(richTextBoundViolation(exampleCase().problem.text)).toBeUndefined();
    // 14 quotes + paragraph + its text = 16 levels: within; one more quote passes.
    expect(richTextBoundViolation(deepValue(RICH_TEXT_BOUND.maxDepth - 2))).toBeUndefined();
    expect(richTextBoundViolation(deepValue(RICH_TEXT_BOUND.maxDepth - 1))).toEqual({
      reason: SetAsideReason.TooDeep,
      limit: RICH_TEXT_BOUND.maxDepth,
    });
    // Adjacent text nodes with different marks are one text in the document: one node.
    const runs: RichText = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: Array.from({ length: RICH_TEXT_BOUND.maxNodes * 2 }, (_, i) => ({
            type: 'text',
            text: 'x',
            marks: i % 2 ? [{ type: 'bold' }] : [],
          })),
        },
      ],
    };
    expect(richTextBoundViolation(runs)).toBeUndefined();
    expect(() => writeRichText(freshFragment(), deepValue(100_000))).toThrow(/tooDeep/);
  });
});
