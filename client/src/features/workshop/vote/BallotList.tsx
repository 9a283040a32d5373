import type { Vote } from '@caseroom/shared';
import { failureText } from '../../../api/failureText.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useBallot } from './useBallot.ts';
import type { VoteItem } from './voteItems.ts';

/** The dots this person places in an open vote: per candidate, their own dots, + and −. */
export function BallotList({ voteId, vote, items }: { voteId: string; vote: Vote; items: VoteItem[] }) {
  const m = useMessages();
  const t = m.workshop.votes;
  const { dots, save, failure } = useBallot(voteId, true);
  const max = vote.votesPerPerson;
  const count = (id: string) => dots.filter((dot) => dot === id).length;
  const add = (id: string) => {
    // With one dot each, giving it elsewhere moves it.
    if (max === 1) void save([id]);
    else if (dots.length < max) void save([...dots, id]);
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
              <button type="button" aria-label={t.remove(name)} disabled={mine === 0} onClick={() => remove(item.id)}>
                −
              </button>
              <button
                type="button"
                aria-label={t.add(name)}
                disabled={max > 1 && dots.length >= max}
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
