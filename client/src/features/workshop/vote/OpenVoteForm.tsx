import { VOTE_LISTS, type VoteList } from '@caseroom/shared';
import { type Ref, useId, useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useBusinessCase } from '../../businessCase/businessCaseContext.tsx';
import { CandidateComparison } from '../../businessCase/CandidateComparison.tsx';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { voteItems } from './voteItems.ts';

/**
 * The facilitator opens a dot vote on a list's candidates, with N dots per person; the
 * intervention candidates shown side by side. `heading` takes focus when the button that was
 * focused went ("Ny afstemning").
 */
export function OpenVoteForm({ heading }: { heading?: Ref<HTMLHeadingElement> }) {
  const m = useMessages();
  const t = m.workshop.votes;
  const { model } = useBusinessCase();
  const actions = useWorkshopActions();
  const id = useId();
  const [list, setList] = useState<VoteList>('interventions');
  const [perPerson, setPerPerson] = useState(3);
  const [failure, setFailure] = useState<ApiFailure>();
  const items = voteItems(model, list);
  const start = async () => {
    const result = await actions.perform('vote.open', {
      list,
      itemIds: items.map((item) => item.id),
      votesPerPerson: perPerson,
    });
    setFailure(failureOf(result));
  };
  return (
    <form
      className="workshop-form"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <h3 ref={heading} tabIndex={-1}>
        {t.start}
      </h3>
      <div className="form-row">
        <label htmlFor={`${id}-list`}>{t.list}</label>
        <select id={`${id}-list`} value={list} onChange={(event) => setList(event.target.value as VoteList)}>
          {VOTE_LISTS.map((name) => (
            <option key={name} value={name}>
              {t.lists[name]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-dots`}>{t.perPerson}</label>
        <input
          id={`${id}-dots`}
          type="number"
          min={1}
          max={20}
          value={perPerson}
          onChange={(event) => setPerPerson(Math.max(1, Math.min(20, Number(event.target.value) || 1)))}
        />
      </div>
      {list === 'interventions' && items.length > 0 && <CandidateComparison />}
      {items.length === 0 ? (
        <p>{t.noItems}</p>
      ) : (
        <button type="submit" className="primary">
          {t.startButton}
        </button>
      )}
      {failure && <p role="alert">{failureText(m, failure)}</p>}
    </form>
  );
}
