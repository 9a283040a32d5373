import { type Vote, winners } from '@caseroom/shared';
import { useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { ActionButton } from '../ActionButton.tsx';
import { barShare, type VoteItem } from './voteItems.ts';

/**
 * A revealed vote: dots per candidate, most first; the facilitator decides. Each bar sits in a
 * track of the row's full width, below the name, so it is the same scale on every screen
 * (points / the vote's highest count) whatever buttons a role sees; the short "Beslut" button
 * carries the item's name as its accessible name and leaves the name its line.
 */
export function VoteResult({ voteId, vote, items }: { voteId: string; vote: Vote; items: VoteItem[] }) {
  const m = useMessages();
  const t = m.workshop.votes;
  const [failure, setFailure] = useState<ApiFailure>();
  const counts = vote.counts ?? {};
  const top = new Set(winners(counts));
  const rows = vote.itemIds
    .map((id) => ({ id, name: items.find((item) => item.id === id)?.name || t.untitled, dots: counts[id] ?? 0 }))
    .sort((a, b) => b.dots - a.dots);
  return (
    <>
      <ol className="vote-result">
        {rows.map((row) => {
          const share = barShare(row.dots, counts);
          return (
            <li key={row.id} className="vote-row" data-top={top.has(row.id)}>
              <span className="vote-name">{row.name}</span>
              <span className="vote-count">{t.dots(row.dots)}</span>
              <ActionButton
                name="vote.decide"
                args={{ voteId, itemId: row.id, itemName: row.name, text: t.decisionText(row.name) }}
                className="vote-decide"
                ariaLabel={t.decideItem(row.name)}
                onResult={(result) => setFailure(failureOf(result))}
              >
                {t.decide}
              </ActionButton>
              <span className="vote-track" aria-hidden="true">
                {share > 0 && <span className="vote-bar" data-points={row.dots} style={{ width: `${share * 100}%` }} />}
              </span>
            </li>
          );
        })}
      </ol>
      {failure && <p role="alert">{failureText(m, failure)}</p>}
    </>
  );
}
