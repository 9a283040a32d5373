import { setField } from '@caseroom/shared';
import { useId } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../../caseState/sessionContext.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useYString } from '../../../ydoc/useY.ts';
import { useCanEdit } from '../../access/useAccess.ts';

type Props = { sources: Y.Map<unknown> | undefined; field: string; fieldLabel: string };

/** "Where does this number come from?" — a source note kept beside each number. */
export function SourceNote({ sources, field, fieldLabel }: Props) {
  const m = useMessages();
  const session = useSession();
  const editable = useCanEdit();
  const value = useYString(sources, field);
  const id = useId();
  if (!sources) return null;
  return (
    <div className="source-note">
      <label htmlFor={id}>
        {m.fields.source}
        <span className="visually-hidden">: {fieldLabel}</span>
      </label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={editable ? m.fields.sourcePlaceholder : undefined}
        readOnly={!editable}
        onChange={(event) => {
          const next = event.target.value;
          session.write(() => setField(sources, field, next === '' ? undefined : next));
        }}
        onBlur={() => session.undo.stopCapturing()}
      />
    </div>
  );
}
