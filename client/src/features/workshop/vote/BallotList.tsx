import type { Vote } from '@caseroom/shared';
import { useRef } from 'react';
import { failureText } from '../../../api/failureText.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { useBallot } from './useBallot.ts';
import { useFocusLanding } from './useFocusLanding.ts';
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
  // The last point disables every "+", the last point taken back an item's "−": a keyboard user
  // stays on that item's other button (or the points line), not on the page.
  const list = useRef<HTMLUListElement>(null);
  const usedLine = useRef<HTMLParagraphElement>(null);
  const touched = useRef<string>(undefined);
  useFocusLanding(() => {
    // Only after this person's own "+" or "−": a new ballot leaves focus to the dialog (VoteDialog).
    if (touched.current === undefined) return undefined;
    const row = [...(list.current?.children ?? [])].find(
      (element) => element instanceof HTMLElement && element.dataset.item === touched.current,
    );
    return row?.querySelector<HTMLButtonElement>('button:enabled') ?? usedLine.current;
  }, dots);
  const add = (id: string) => {
    touched.current = id;
    if (!refusal(id)) void save(withDot(id));
  };
  const remove = (id: string) => {
    touched.current = id;
    const at = dots.lastIndexOf(id);
    if (at >= 0) void save(dots.filter((_, index) => index !== at));
  };
  return (
    <>
      <p className="ballot-used" aria-live="polite" ref={usedLine} tabIndex={-1}>
        {t.used(dots.length, max)}
      </p>
      <ul className="ballot" ref={list}>
        {items.map((item) => {
          const mine = count(item.id);
          const name = item.name || t.untitled;
          return (
            <li key={item.id} className="ballot-item" data-item={item.id}>
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
