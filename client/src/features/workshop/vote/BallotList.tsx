import type { Vote } from '@caseroom/shared';
import { failureText } from '../../../api/failureText.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { useBallot } from './useBallot.ts';
import type { VoteItem } from './voteItems.ts';

/** The dots this person places in an open vote: per candidate, their own dots, + and −. */
export function BallotList({ voteId, vote, items }: { voteId: string; vote: Vote; items: VoteItem[] }) {
  const m = useMessages();
  const t = m.workshop.votes;
  const { dots, save, failure } = useBallot(voteId, true);
  const actions = useWorkshopActions();
  const why = m.workshop.actions.why;
  const max = vote.votesPerPerson;
  const count = (id: string) => dots.filter((dot) => dot === id).length;
  // With one dot each, giving it elsewhere moves it.
  const withDot = (id: string) => (max === 1 ? [id] : [...dots, id]);
  const refusal = (id: string) => actions.verdict('vote.ballot', { voteId, itemIds: withDot(id) }).why;
  const reasonText = (id: string) => {
    const reason = refusal(id);
    return reason ? why[reason] : undefined;
  };
  const add = (id: string) => {
    if (!refusal(id)) void save(withDot(id));
  };
  const remove = (id: string) => {
    const at = dots.lastIndexOf(id);
    if (at >= 0) void save(dots.filter((_, index) => index !== at));
  };
  return (
    <>
      <p className="ballot-used" aria-live="polite">
        {t.used(dots.length, max)}
      </p>
      <ul className="ballot">
        {items.map((item) => {
          const mine = count(item.id);
          const name = item.name || t.untitled;
          return (
            <li key={item.id} className="ballot-item">
              <span className="ballot-name">{name}</span>
              <span className="ballot-dots" aria-hidden="true">
                {'●'.repeat(mine)}
              </span>
              <span className="visually-hidden">{t.yours(mine)}</span>
              <button
                type="button"
                aria-label={t.remove(name)}
                disabled={mine === 0}
                title={mine === 0 ? why.noDotHere : undefined}
                onClick={() => remove(item.id)}
              >
                −
              </button>
              <button
                type="button"
                aria-label={t.add(name)}
                disabled={refusal(item.id) !== undefined}
                title={reasonText(item.id)}
                onClick={() => add(item.id)}
              >
                +
              </button>
            </li>
          );
        })}
      </ul>
      {failure && <p role="alert">{failureText(m, failure)}</p>}
    </>
  );
}
