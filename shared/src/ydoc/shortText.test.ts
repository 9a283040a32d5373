import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setField } from './edit.ts';
import { readShortText, replaceText, writeShortText } from './shortText.ts';

function textIn(doc: Y.Doc): Y.Text {
  const map = doc.getMap('m');
  if (!(map.get('t') instanceof Y.Text)) map.set('t', new Y.Text());
  return map.get('t') as Y.Text;
}

describe('short texts', () => {
  it('reads a Y.Text and a legacy string alike; empty reads as missing', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    map.set('legacy', 'Job');
    map.set('text', new Y.Text('Uddannelse'));
    map.set('empty', new Y.Text());
    expect(readShortText(map, 'legacy')).toBe('Job');
    expect(readShortText(map, 'text')).toBe('Uddannelse');
    expect(readShortText(map, 'empty')).toBeUndefined();
    expect(readShortText(map, 'absent')).toBeUndefined();
  });

  it('a concurrent prefix and append both survive (the smallest edit is written)', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    textIn(a).insert(0, 'i job');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    writeShortText(a.getMap('m'), 't', 'Borgere i job');
    writeShortText(b.getMap('m'), 't', 'i job efter 12 måneder');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(textIn(a).toString()).toBe('Borgere i job efter 12 måneder');
    expect(textIn(b).toString()).toBe(textIn(a).toString());
  });

  it('never splits a surrogate pair', () => {
    const doc = new Y.Doc();
    const text = textIn(doc);
    text.insert(0, 'a😀b');
    replaceText(text, 'a😁b');
    expect(text.toString()).toBe('a😁b');
    replaceText(text, '😁');
    expect(text.toString()).toBe('😁');
  });

  it('emptying keeps the Y.Text; a legacy string field is set or cleared as a string', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    textIn(doc).insert(0, 'x');
    writeShortText(map, 't', undefined);
    expect(map.get('t')).toBeInstanceOf(Y.Text);
    expect(readShortText(map, 't')).toBeUndefined();
    writeShortText(map, 'legacy', 'Job');
    expect(map.get('legacy')).toBe('Job');
    writeShortText(map, 'legacy', '');
    expect(map.has('legacy')).toBe(false);
  });

  it('setField on a short text kept as Y.Text edits it in place instead of replacing it', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    const text = textIn(doc);
    text.insert(0, 'Borgere i job');
    setField(map, 't', 'Borgere i job efter 12 måneder');
    expect(map.get('t')).toBe(text);
    expect(text.toString()).toBe('Borgere i job efter 12 måneder');
    setField(map, 't', undefined);
    expect(map.get('t')).toBe(text);
    expect(text.toString()).toBe('');
  });
});
