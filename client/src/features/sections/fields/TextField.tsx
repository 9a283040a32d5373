import { replaceText, writeShortText } from '@caseroom/shared';
import { useId, useRef } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../../caseState/sessionContext.ts';
import { useCaretAcrossRemoteEdits, useShortText } from '../../../ydoc/useYText.ts';
import { useCanEdit } from '../../access/useAccess.ts';

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
 * A short text bound straight to the document's Y.Text (layout 2), character by character:
 * each keystroke becomes the smallest edit (`replaceText`), so two people typing in one field —
 * one of them offline — both keep their words, and others' typing appears without moving this
 * person's caret past what they type. A field an offline copy of layout 1 still holds as a
 * plain string is written as one (the server then asks for a reload). Read-only for an observer.
 */
export function TextField({ map, field, label, help, multiline = false, srContext, className, path }: Props) {
  const session = useSession();
  const editable = useCanEdit();
  const { text, value } = useShortText(map, field);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useCaretAcrossRemoteEdits(input, text);
  const id = useId();
  const helpId = `${id}-help`;
  const write = (next: string) => {
    if (!map) return;
    session.write(() => (text ? replaceText(text, next) : writeShortText(map, field, next)));
  };
  const common = {
    id,
    ref: input,
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
