import { setField } from '@caseroom/shared';
import { useId } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../../caseState/sessionContext.ts';
import { useYMapValue } from '../../../ydoc/useY.ts';
import { useCanEdit } from '../../access/useAccess.ts';

type Option<T> = { value: T; label: string; help?: string };

type Props<T extends string | number> = {
  map: Y.Map<unknown> | undefined;
  field: string;
  label: string;
  help?: string | undefined;
  options: readonly Option<T>[];
  /** Radio buttons for a few options shown side by side, a select for longer lists. */
  as?: 'radio' | 'select';
  srContext?: string;
  /** The field's finding path (see fieldPath.ts): on the select, or on the group of radio buttons. */
  path?: string;
};

/** One choice among fixed options, written as soon as it is made (disabled for an observer). */
export function ChoiceField<T extends string | number>(props: Props<T>) {
  const { map, field, label, help, options, as = 'radio', srContext, path } = props;
  const session = useSession();
  const editable = useCanEdit();
  const value = useYMapValue(map, field);
  const id = useId();
  const choose = (next: T | undefined) => {
    if (map) session.writeStep(() => setField(map, field, next));
  };
  const helpId = help ? `${id}-help` : undefined;

  if (as === 'select') {
    const selected = options.findIndex((option) => option.value === value);
    return (
      <div className="field">
        <label htmlFor={id}>
          {label}
          {srContext && <span className="visually-hidden"> ({srContext})</span>}
        </label>
        <select
          id={id}
          value={selected < 0 ? '' : String(selected)}
          aria-describedby={helpId}
          data-path={path}
          disabled={!editable}
          onChange={(event) =>
            choose(event.target.value === '' ? undefined : options[Number(event.target.value)]?.value)
          }
        >
          <option value="">–</option>
          {options.map((option, index) => (
            <option key={String(option.value)} value={String(index)}>
              {option.label}
            </option>
          ))}
        </select>
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

  return (
    <fieldset className="field choice" aria-describedby={helpId} data-path={path}>
      <legend>
        {label}
        {srContext && <span className="visually-hidden"> ({srContext})</span>}
      </legend>
      <div className="choice-options">
        {options.map((option) => (
          <label key={String(option.value)} className="choice-option">
            <input
              type="radio"
              name={id}
              checked={value === option.value}
              disabled={!editable}
              onChange={() => choose(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
    </fieldset>
  );
}
