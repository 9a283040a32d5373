import { type Vote, winners } from '@caseroom/shared';
import { useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { ActionButton } from '../ActionButton.tsx';
import type { VoteItem } from './voteItems.ts';

/** A revealed vote: dots per candidate, most first, as bars with numbers; the facilitator decides. */
export function VoteResult({ voteId, vote, items }: { voteId: string; vote: Vote; items: VoteItem[] }) {
  const m = useMessages();
  const t = m.workshop.votes;
  const [failure, setFailure] = useState<ApiFailure>();
  const counts = vote.counts ?? {};
  const top = new Set(winners(counts));
  const max = Math.max(1, ...Object.values(counts));
  const rows = vote.itemIds
    .map((id) => ({ id, name: items.find((item) => item.id === id)?.name || t.untitled, dots: counts[id] ?? 0 }))
    .sort((a, b) => b.dots - a.dots);
  return (
    <>
      <p>{t.voters(vote.voters ?? 0)}</p>
      <ol className="vote-result">
        {rows.map((row) => (
          <li key={row.id} className="vote-row" data-top={top.has(row.id)}>
            <span className="vote-name">{row.name}</span>
            <span className="vote-bar" aria-hidden="true">
              <span style={{ width: `${(row.dots / max) * 100}%` }} />
            </span>
            <span className="vote-count">{t.dots(row.dots)}</span>
            <ActionButton
              name="vote.decide"
              args={{ voteId, itemId: row.id, itemName: row.name, text: t.decisionText(row.name) }}
              onResult={(result) => setFailure(failureOf(result))}
            />
          </li>
        ))}
      </ol>
      {failure && <p role="alert">{failureText(m, failure)}</p>}
    </>
  );
}
