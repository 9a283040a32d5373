import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveIndex } from './useYText.ts';

/** The delta a remote change makes, and the caret moved across it. */
function caretAfter(text: string, caret: number, change: (t: Y.Text) => void): number {
  const doc = new Y.Doc();
  const ytext = doc.getText('t');
  ytext.insert(0, text);
  let moved = caret;
  ytext.observe((event) => {
    moved = moveIndex(caret, event.delta as never);
  });
  change(ytext);
  return moved;
}

describe('moveIndex: the caret across someone else’s edit', () => {
  it('moves by what was inserted or deleted before it, not by what happened after it', () => {
    expect(caretAfter('abcdef', 3, (t) => t.insert(0, 'XY'))).toBe(5);
    expect(caretAfter('abcdef', 3, (t) => t.insert(5, 'XY'))).toBe(3);
    expect(caretAfter('abcdef', 3, (t) => t.insert(3, 'XY'))).toBe(3);
    expect(caretAfter('abcdef', 3, (t) => t.delete(0, 2))).toBe(1);
    expect(caretAfter('abcdef', 3, (t) => t.delete(1, 4))).toBe(1);
    expect(caretAfter('abcdef', 3, (t) => t.delete(4, 2))).toBe(3);
  });
});
