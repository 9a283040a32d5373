import { canEdit, type Party } from '@caseroom/shared';
import { useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';

/** The facilitator chooses, from the case's parties, who must sign (W10). */
export function RequiredSignersForm({ parties, required }: { parties: Party[]; required: string[] }) {
  const m = useMessages();
  const t = m.workshop.signoff;
  const actions = useWorkshopActions();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(required));
  const [failure, setFailure] = useState<ApiFailure>();
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const save = async () =>
    setFailure(failureOf(await actions.perform('signoff.requiredSigners', { partyIds: [...chosen] })));
  return (
    <form
      className="workshop-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>{t.choose}</legend>
        {/* Observers sign nothing (the server refuses them as required signers). */}
        {parties
          .filter((party) => canEdit(party.role))
          .map((party) => (
            <label key={party.id} className="check-row">
              <input
                type="checkbox"
                checked={chosen.has(party.id)}
                onChange={(event) => toggle(party.id, event.target.checked)}
              />{' '}
              {party.name} <span className="help">({m.access.roles[party.role]})</span>
            </label>
          ))}
      </fieldset>
      <button type="submit">{t.save}</button>
      {failure && <p role="alert">{failureText(m, failure)}</p>}
    </form>
  );
}
