import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../caseState/sessionContext.ts';
import { useCanEdit } from '../access/useAccess.ts';

/** Whether there is something of this person's own to undo or redo. */
export function useUndoState(undo: Y.UndoManager): { canUndo: boolean; canRedo: boolean } {
  const subscribe = useCallback(
    (onChange: () => void) => {
      undo.on('stack-item-added', onChange);
      undo.on('stack-item-popped', onChange);
      undo.on('stack-cleared', onChange);
      return () => {
        undo.off('stack-item-added', onChange);
        undo.off('stack-item-popped', onChange);
        undo.off('stack-cleared', onChange);
      };
    },
    [undo],
  );
  const key = useSyncExternalStore(subscribe, () => `${undo.canUndo()}|${undo.canRedo()}`);
  return { canUndo: key.startsWith('true'), canRedo: key.endsWith('true') };
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo — anywhere in the case room, rich-text
 * editors included (caught before they see the key, so Tiptap's own history never runs). A
 * number field with an uncommitted entry keeps the browser's own undo of what was typed.
 */
export function useUndoShortcuts(): void {
  const { undo } = useSession();
  const editable = useCanEdit();
  useEffect(() => {
    if (!editable) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const isUndo = key === 'z' && !event.shiftKey;
      const isRedo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      if (!isUndo && !isRedo) return;
      const target = event.target as HTMLElement | null;
      if (target?.dataset?.dirty === 'true') return;
      event.preventDefault();
      event.stopPropagation();
      if (isUndo) undo.undo();
      else undo.redo();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [undo, editable]);
}
