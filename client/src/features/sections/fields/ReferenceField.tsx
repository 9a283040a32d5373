import { getItem, type ReferenceSpec, setField } from '@caseroom/shared';
import { useId } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../../caseState/sessionContext.ts';
import { type Messages, useMessages } from '../../../i18n/messages.ts';
import { useItemIds, useYString } from '../../../ydoc/useY.ts';
import { useShortText } from '../../../ydoc/useYText.ts';
import { useCanEdit } from '../../access/useAccess.ts';

type Props = {
  map: Y.Map<unknown> | undefined;
  field: string;
  to: ReferenceSpec['to'];
  label: string;
  help?: string | undefined;
  /** The field's finding path (see fieldPath.ts), on the group of radio buttons. */
  path?: string;
};

/** How a list's items are named when they have no name yet, and what shows while it is empty. */
const LIST_TEXTS: Record<ReferenceSpec['to'], (m: Messages) => { title: (n: number) => string; empty: string }> = {
  intervention: (m) => ({ title: m.list.interventionTitle, empty: m.interventions.none }),
};

/** One item of a list chosen by id (the chosen intervention): a radio button per item, and "not decided"; disabled for an observer. */
export function ReferenceField({ map, field, to, label, help, path }: Props) {
  const m = useMessages();
  const texts = LIST_TEXTS[to](m);
  const session = useSession();
  const editable = useCanEdit();
  const ids = useItemIds(session.doc, to);
  const chosenId = useYString(map, field);
  const name = useId();
  const helpId = help ? `${name}-help` : undefined;
  const choose = (id: string | undefined) => {
    if (map) session.writeStep(() => setField(map, field, id));
  };
  return (
    <fieldset className="field choice chosen" aria-describedby={helpId} data-path={path}>
      <legend>{label}</legend>
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      {ids.length === 0 ? (
        <p className="empty">{texts.empty}</p>
      ) : (
        <div className="choice-options vertical">
          {ids.map((id, index) => (
            <label key={id} className="choice-option">
              <input
                type="radio"
                name={name}
                checked={chosenId === id}
                disabled={!editable}
                onChange={() => choose(id)}
              />
              <ItemName item={getItem(session.doc, to, id)} fallback={texts.title(index + 1)} />
            </label>
          ))}
          <label className="choice-option">
            <input
              type="radio"
              name={name}
              checked={chosenId === '' || !ids.includes(chosenId)}
              disabled={!editable}
              onChange={() => choose(undefined)}
            />
            <span>{m.fields.undecided}</span>
          </label>
        </div>
      )}
    </fieldset>
  );
}

function ItemName({ item, fallback }: { item: Y.Map<unknown> | undefined; fallback: string }) {
  const name = useShortText(item, 'name').value;
  return <span>{name || fallback}</span>;
}
