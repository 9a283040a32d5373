import { formatForInput, type NumberError, type NumberKind, parseDanishNumber, setField } from '@caseroom/shared';
import { type KeyboardEvent, useId, useState } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../../caseState/sessionContext.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useYNumber } from '../../../ydoc/useY.ts';
import { useCanEdit } from '../../access/useAccess.ts';
import { SourceNote } from './SourceNote.tsx';

type Props = {
  map: Y.Map<unknown> | undefined;
  field: string;
  kind: NumberKind;
  label: string;
  help?: string | undefined;
  /** The source-notes map; the note is kept under `sourceKey` (default: the field name). */
  sources?: Y.Map<unknown> | undefined;
  sourceKey?: string;
  /** Calendar years are shown without thousands separators (2025, not 2.025). */
  calendarYear?: boolean;
  srContext?: string;
  compact?: boolean;
  /** The field's finding path (see fieldPath.ts), set as `data-path` on the input. */
  path?: string;
};

/**
 * A number in Danish format with its unit. What is typed stays a local draft until Enter or
 * leaving the field; an entry that does not parse gets an inline error and is never written.
 * When the field holds no draft, it shows the document's value, so remote changes appear.
 * Read-only for an observer.
 */
export function NumberField(props: Props) {
  const { map, field, kind, label, help, sources, sourceKey, calendarYear, srContext, compact, path } = props;
  const m = useMessages();
  const session = useSession();
  const editable = useCanEdit();
  const value = useYNumber(map, field);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<NumberError | null>(null);
  const id = useId();
  const shown = calendarYear ? (value === undefined ? '' : String(value)) : formatForInput(value, kind);
  const unit = calendarYear ? '' : m.units[kind];

  const commit = () => {
    if (draft === null || !map) return;
    const parsed = parseDanishNumber(draft, kind);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setDraft(null);
    session.writeStep(() => setField(map, field, parsed.value));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      setDraft(null);
      setError(null);
    }
  };
  const describedBy = [unit && `${id}-unit`, help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ');

  return (
    <div className={`field number-field${compact ? ' compact' : ''}`}>
      <label htmlFor={id}>
        {label}
        {srContext && <span className="visually-hidden"> ({srContext})</span>}
      </label>
      <div className="input-with-unit">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft ?? shown}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          readOnly={!editable}
          data-dirty={draft !== null ? 'true' : undefined}
          data-path={path}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        {unit && (
          <span className="unit" id={`${id}-unit`}>
            {unit}
          </span>
        )}
      </div>
      <div className="field-notes">
        {error && (
          <p className="error" id={`${id}-error`}>
            {m.numberErrors[error]}
          </p>
        )}
        {help && (
          <p className="help" id={`${id}-help`}>
            {help}
          </p>
        )}
        {sources && <SourceNote sources={sources} field={sourceKey ?? field} fieldLabel={label} />}
      </div>
    </div>
  );
}
