import { exampleCase, initCaseDoc, writeModel } from '@caseroom/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scanUpdate } from './structCount.ts';

/** The structs `scanUpdate` counts (`Infinity` past the cap). */
const countStructs = (update: Uint8Array, cap: number): number => scanUpdate(update, cap).structs;

/** A document with every kind of struct content: strings, formats, embeds, XML with attributes, any, binary, JSON, deletions. */
function variedDoc(seed: number): Y.Doc {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  writeModel(doc, exampleCase());
  const fragment = doc.getXmlFragment('extraXml');
  const element = new Y.XmlElement('paragraph');
  fragment.insert(0, [element]);
  element.setAttribute('level', String(seed));
  const text = new Y.XmlText();
  element.insert(0, [text]);
  text.insert(0, `tekst ${seed}`, { bold: true });
  text.insertEmbed(0, { image: 'x' });
  text.delete(1, 2);
  const array = doc.getArray<unknown>('extraArray');
  array.insert(0, [1, 'to', { tre: [3] }, new Uint8Array([1, 2, 3]), null, true]);
  doc.getMap('facts').set('title', `Titel ${seed}`);
  doc.getMap('facts').delete('municipality');
  return doc;
}

describe('scanUpdate', () => {
  it('counts what Y.decodeUpdate decodes, for every kind of content', () => {
    fc.assert(
      fc.property(fc.nat(1000), (seed) => {
        const doc = variedDoc(seed);
        const update = Y.encodeStateAsUpdate(doc);
        expect(countStructs(update, Number.MAX_SAFE_INTEGER)).toBe(Y.decodeUpdate(update).structs.length);
        const partial = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(variedDoc(seed + 1)));
        expect(countStructs(partial, Number.MAX_SAFE_INTEGER)).toBe(Y.decodeUpdate(partial).structs.length);
      }),
      { numRuns: 20, seed: 3 },
    );
  });

  it('stops at the cap, and throws on a truncated update', () => {
    const update = Y.encodeStateAsUpdate(variedDoc(1));
    const structs = Y.decodeUpdate(update).structs.length;
    expect(countStructs(update, structs)).toBe(structs);
    expect(countStructs(update, structs - 1)).toBe(Number.POSITIVE_INFINITY);
    // Cut inside the structs (the delete set after them is left to Y.decodeUpdate).
    expect(() => countStructs(update.subarray(0, update.length >> 1), Number.MAX_SAFE_INTEGER)).toThrow();
  });
});
