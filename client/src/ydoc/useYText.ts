import { readShortText } from '@caseroom/shared';
import { type RefObject, useCallback, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';

/**
 * A short text of the document (layout 2: a Y.Text; an offline copy of layout 1: a plain
 * string), subscribed to both the map's entry — the Y.Text itself may be replaced, e.g. by the
 * server's migration — and the Y.Text's characters. `text` is undefined for a legacy string.
 */
export function useShortText(
  map: Y.Map<unknown> | undefined,
  key: string,
): { text: Y.Text | undefined; value: string } {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!map) return () => {};
      let observed: Y.Text | undefined;
      const follow = () => {
        const current = map.get(key);
        const next = current instanceof Y.Text ? current : undefined;
        if (next === observed) return;
        observed?.unobserve(onChange);
        observed = next;
        observed?.observe(onChange);
      };
      const onMap = (event: Y.YMapEvent<unknown>) => {
        if (!event.keysChanged.has(key)) return;
        follow();
        onChange();
      };
      follow();
      map.observe(onMap);
      return () => {
        map.unobserve(onMap);
        observed?.unobserve(onChange);
      };
    },
    [map, key],
  );
  const read = () => readShortText(map, key) ?? '';
  const value = useSyncExternalStore(subscribe, read, read);
  const current = map?.get(key);
  return { text: current instanceof Y.Text ? current : undefined, value };
}

/**
 * Keeps the caret where the person is typing while others' changes arrive in the same Y.Text:
 * a remote insertion or deletion before the caret moves it by as much, one after it (or at it)
 * leaves it, so the person's next keystroke lands where they meant it. React setting the new
 * value would otherwise put the caret at the end.
 */
export function useCaretAcrossRemoteEdits(
  input: RefObject<HTMLInputElement | HTMLTextAreaElement | null>,
  text: Y.Text | undefined,
): void {
  const pending = useRef<{ start: number; end: number } | null>(null);
  useLayoutEffect(() => {
    if (!text) return;
    const onText = (event: Y.YTextEvent) => {
      const element = input.current;
      if (event.transaction.local || !element || element.ownerDocument.activeElement !== element) return;
      const start = element.selectionStart ?? 0;
      const end = element.selectionEnd ?? start;
      const delta = event.delta as { insert?: string | object; retain?: number; delete?: number }[];
      pending.current = { start: moveIndex(start, delta), end: moveIndex(end, delta) };
    };
    text.observe(onText);
    return () => text.unobserve(onText);
  }, [input, text]);
  // After every render: a caret saved from a remote change is put back once the new value is in.
  useLayoutEffect(() => {
    const element = input.current;
    const selection = pending.current;
    if (!element || !selection) return;
    pending.current = null;
    element.setSelectionRange(selection.start, selection.end);
  });
}

/** Where index `index` of the text before a change is after it (Yjs delta: retain, insert, delete). */
export function moveIndex(
  index: number,
  delta: { insert?: string | object; retain?: number; delete?: number }[],
): number {
  let before = 0;
  let moved = index;
  for (const op of delta) {
    if (before > index) break;
    if (op.retain !== undefined) {
      before += op.retain;
    } else if (op.insert !== undefined) {
      if (before < index) moved += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      moved -= Math.max(0, Math.min(op.delete, index - before));
      before += op.delete;
    }
  }
  return moved;
}
