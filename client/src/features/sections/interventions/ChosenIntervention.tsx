import { getItem, setField } from '@caseroom/shared';
import { useId } from 'react';
import type * as Y from 'yjs';
import { useMessages } from '../../../i18n/messages.ts';
import { useItemIds, useYString } from '../../../ydoc/useY.ts';
import { useShortText } from '../../../ydoc/useYText.ts';
import { useCanEdit } from '../../access/useAccess.ts';
import { useSession } from '../../../caseState/sessionContext.ts';

/** The group's choice among the candidates (one radio button per candidate; disabled for an observer). */
export function ChosenIntervention({ map }: { map: Y.Map<unknown> | undefined }) {
  const m = useMessages();
  const session = useSession();
  const editable = useCanEdit();
  const ids = useItemIds(session.doc, 'intervention');
  const chosenId = useYString(map, 'chosenId');
  const name = useId();
  const choose = (id: string | undefined) => {
    if (map) session.writeStep(() => setField(map, 'chosenId', id));
  };
  return (
    <fieldset className="field choice chosen" aria-describedby={`${name}-help`} data-path="interventions/chosenId">
      <legend>{m.interventions.chosen.label}</legend>
      <p className="help" id={`${name}-help`}>
        {m.interventions.chosen.help}
      </p>
      {ids.length === 0 ? (
        <p className="empty">{m.interventions.none}</p>
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
              <CandidateName
                item={getItem(session.doc, 'intervention', id)}
                fallback={m.list.interventionTitle(index + 1)}
              />
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
            <span>{m.interventions.chosen.undecided}</span>
          </label>
        </div>
      )}
    </fieldset>
  );
}

function CandidateName({ item, fallback }: { item: Y.Map<unknown> | undefined; fallback: string }) {
  const name = useShortText(item, 'name').value;
  return <span>{name || fallback}</span>;
}
