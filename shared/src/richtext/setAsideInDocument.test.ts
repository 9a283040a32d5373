import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RICH_TEXT_BOUND } from '../bounds/bounds.ts';
import { exampleCase } from '../example/exampleCase.ts';
import { makeCaseDoc } from '../testing/docs.ts';
import { getItem } from '../ydoc/items.ts';
import { reconcileModel } from '../ydoc/reconcile.ts';
import { readModelWithNotices, toModel } from '../ydoc/toModel.ts';
import { writeModel } from '../ydoc/writeModel.ts';
import { richTextFromParagraphs, richTextToPlain } from './convert.ts';
import { setAsideDamagedRichText } from './setAsideInDocument.ts';

/** Deeper than Yjs can delete in one go (it recurses per level), cheap enough to set aside in a unit test. */
const DEPTH = 6_000;

/** The example case with DEPTH nested quotes at the end of problem/text (a paragraph at level 5 of them) and of a candidate's description. */
function damagedExample(): { doc: Y.Doc; candidateId: string } {
  const doc = makeCaseDoc();
  writeModel(doc, exampleCase());
  const candidateId = exampleCase().interventions.candidates[0]!.id;
  const fragments = [
    doc.getMap('problem').get('text') as Y.XmlFragment,
    getItem(doc, 'intervention', candidateId)!.get('description') as Y.XmlFragment,
  ];
  doc.transact(() => {
    for (const fragment of fragments) {
      let parent: Y.XmlFragment = fragment;
      for (let i = 0; i < DEPTH; i++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(parent.length, [quote]);
        parent = quote;
        if (i === 4) {
          const paragraph = new Y.XmlElement('paragraph');
          quote.insert(0, [paragraph]);
          paragraph.insert(0, [new Y.XmlText('inden for grænsen')]);
        }
      }
    }
  });
  return { doc, candidateId };
}

describe('[9.3] setting aside the damaged part of a live document', () => {
  it('[9.3] rewrites each damaged field to its reading within the bounds; a restore then works', () => {
    const { doc, candidateId } = damagedExample();
    // Without setting aside, a restore that replaces the problem text overflows the stack in Yjs.
    const untouched = new Y.Doc();
    Y.applyUpdate(untouched, Y.encodeStateAsUpdate(doc));
    const other = exampleCase();
    other.problem.text = richTextFromParagraphs('En anden tekst');
    expect(() => untouched.transact(() => reconcileModel(untouched, other))).toThrow(RangeError);

    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const before = readModelWithNotices(doc);
    expect(before.setAside).toHaveLength(2);

    const rewritten = setAsideDamagedRichText(doc);
    expect(rewritten).toEqual([
      { path: 'problem/text', reason: 'tooDeep', limit: RICH_TEXT_BOUND.maxDepth },
      {
        path: `interventions/candidates/${candidateId}/description`,
        reason: 'tooDeep',
        limit: RICH_TEXT_BOUND.maxDepth,
      },
    ]);
    // The document now holds what was read before, and nothing more.
    const after = readModelWithNotices(doc);
    expect(after).toEqual({ model: before.model, setAside: [] });
    expect(richTextToPlain(after.model.problem.text)).toContain('inden for grænsen');
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(100_000);
    expect(setAsideDamagedRichText(doc)).toEqual([]); // nothing left to set aside; nothing written
    const count = updates.length;
    expect(count).toBeGreaterThan(2);

    // Now the restore works.
    doc.transact(() => reconcileModel(doc, other));
    expect(richTextToPlain(toModel(doc).problem.text)).toBe('En anden tekst');

    // A replica that held the deep quotes applies the updates one by one, as a connected client does.
    for (const update of updates) Y.applyUpdate(replica, update);
    expect(toModel(replica)).toEqual(toModel(doc));
    // A fresh replica loads the state in one go (what a compacted store holds).
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    expect(toModel(fresh)).toEqual(toModel(doc));
  }, 20_000);

  it('a field too deep to empty within MAX_SET_ASIDE_STEPS is left in place (its reading stays bounded)', () => {
    const doc = makeCaseDoc();
    const fragment = doc.getMap('problem').get('text') as Y.XmlFragment;
    doc.transact(() => {
      let parent: Y.XmlFragment = fragment;
      for (let i = 0; i < 60_000; i++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(0, [quote]);
        parent = quote;
      }
    });
    let updates = 0;
    doc.on('update', () => updates++);
    expect(setAsideDamagedRichText(doc)).toEqual([]);
    expect(updates).toBe(0);
    expect(readModelWithNotices(doc).setAside).toEqual([
      { path: 'problem/text', reason: 'tooDeep', limit: RICH_TEXT_BOUND.maxDepth },
    ]);
  });

  it('an undamaged document is not touched', () => {
    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    let updates = 0;
    doc.on('update', () => updates++);
    expect(setAsideDamagedRichText(doc)).toEqual([]);
    expect(updates).toBe(0);
  });
});
