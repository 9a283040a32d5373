import { setField } from '@caseroom/shared';
import { useId } from 'react';
import type * as Y from 'yjs';
import { useYString } from '../../../ydoc/useY.ts';
import { useCanEdit } from '../../access/useAccess.ts';
import { useSession } from '../../caseRoom/sessionContext.ts';

type Props = {
  map: Y.Map<unknown> | undefined;
  field: string;
  label: string;
  help?: string | undefined;
  multiline?: boolean;
  /** Extra words for screen readers only, e.g. which item the field belongs to. */
  srContext?: string;
  className?: string;
  /** The field's finding path (see fieldPath.ts), set as `data-path` on the control. */
  path?: string;
};

/**
 * A short text bound straight to the document: each keystroke is written, so others see it as
 * it is typed (an empty field clears the entry). Read-only for an observer.
 */
export function TextField({ map, field, label, help, multiline = false, srContext, className, path }: Props) {
  const session = useSession();
  const editable = useCanEdit();
  const value = useYString(map, field);
  const id = useId();
  const helpId = `${id}-help`;
  const write = (next: string) => {
    if (map) session.write(() => setField(map, field, next === '' ? undefined : next));
  };
  const common = {
    id,
    value,
    'aria-describedby': help ? helpId : undefined,
    'data-path': path,
    readOnly: !editable,
    onBlur: () => session.undo.stopCapturing(),
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {srContext && <span className="visually-hidden"> ({srContext})</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => write(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => write(event.target.value)} />
      )}
      <div className="field-notes">
        {help && (
          <p className="help" id={helpId}>
            {help}
          </p>
        )}
      </div>
    </div>
  );
}
