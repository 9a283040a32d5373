import { useSession } from '../../caseState/sessionContext.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useCanEdit } from '../access/useAccess.ts';
import { useUndoState } from './useUndo.ts';

/** Undo and redo of this person's own changes (never someone else's); none for an observer. */
export function UndoButtons() {
  const m = useMessages();
  const { undo } = useSession();
  const { canUndo, canRedo } = useUndoState(undo);
  const editable = useCanEdit();
  if (!editable) return null;
  return (
    <div className="undo-buttons">
      <button type="button" disabled={!canUndo} onClick={() => undo.undo()} title={m.undo.undoHint}>
        <span aria-hidden="true">↶</span> {m.undo.undo}
      </button>
      <button type="button" disabled={!canRedo} onClick={() => undo.redo()} title={m.undo.redoHint}>
        <span aria-hidden="true">↷</span> {m.undo.redo}
      </button>
    </div>
  );
}
