import { useRef, useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { DialogButton, WorkshopDialog } from '../../../app/WorkshopDialog.tsx';
import { useMessages } from '../../../i18n/messages.ts';
import { useBusinessCase } from '../../businessCase/businessCaseContext.tsx';
import { CandidateComparison } from '../../businessCase/CandidateComparison.tsx';
import { ActionButton } from '../ActionButton.tsx';
import { useWorkshop } from '../useWorkshop.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { BallotList } from './BallotList.tsx';
import { OpenVoteForm } from './OpenVoteForm.tsx';
import { useFocusLanding } from './useFocusLanding.ts';
import { VoteResult } from './VoteResult.tsx';
import { VoteTurnoutLine } from './VoteTurnoutLine.tsx';
import { latestVote, voteItems } from './voteItems.ts';

/** The top bar's vote button ("open" while a vote runs) and its dialog. */
export function VoteButton() {
  const m = useMessages();
  const latest = latestVote(useWorkshop().votes);
  const open = latest?.[1].status === 'open';
  return (
    <DialogButton label={open ? m.workshop.votes.openActive : m.workshop.votes.open} className={open ? 'active' : ''}>
      {(close) => <VoteDialog onClose={close} />}
    </DialogButton>
  );
}

/**
 * Dot votes (W7): the newest vote — while open, this person's own dots (never anyone else's:
 * ballots stay on the server until the reveal); after the reveal, the counts for everyone. The
 * facilitator opens a vote, reveals it and turns the result into a decision. A vote on the
 * intervention shows the candidates side by side (P19), live — below the dots and the bars, so
 * on a projector the vote itself is what shows first.
 */
function VoteDialog({ onClose }: { onClose: () => void }) {
  const m = useMessages();
  const t = m.workshop.votes;
  const { model } = useBusinessCase();
  const actions = useWorkshopActions();
  // Who opens, votes and reveals is the action table's to say (actions.ts `vote.*`).
  const facilitator = actions.may('vote.open');
  const latest = latestVote(useWorkshop().votes);
  const [failure, setFailure] = useState<ApiFailure>();
  // The vote the facilitator chose to follow with a new one; a newly opened vote shows at once.
  const [replacing, setReplacing] = useState<string | null>(null);
  const showsForm = !latest || replacing === latest[0];
  // "Start afstemning", "Vis resultatet", "Beslut" and "Ny afstemning" go once used (here or on
  // another facilitator's screen), and a voter's ballot goes at the reveal: focus lands on the
  // vote's status line (or the new vote form's heading), not on the page.
  const status = useRef<HTMLParagraphElement>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  useFocusLanding(() => status.current ?? formHeading.current, showsForm ? 'form' : `${latest[0]}:${latest[1].status}`);
  if (!latest || showsForm) {
    return (
      <WorkshopDialog title={t.title} intro={t.hidden} onClose={onClose}>
        {facilitator ? <OpenVoteForm key={latest?.[0]} heading={formHeading} /> : <p>{t.watch}</p>}
      </WorkshopDialog>
    );
  }
  const [voteId, vote] = latest;
  const items = voteItems(model, vote.list);
  return (
    <WorkshopDialog title={`${t.title}: ${t.lists[vote.list]}`} intro={t.hidden} onClose={onClose}>
      <div className="vote-summary">
        <p className="vote-status" data-status={vote.status} ref={status} tabIndex={-1}>
          <strong>{t.status[vote.status]}</strong>
        </p>
        <VoteTurnoutLine vote={vote} />
      </div>
      {vote.status === 'open' ? (
        <>
          {actions.verdict('vote.ballot', { voteId, itemIds: [] }).shown ? (
            <BallotList voteId={voteId} vote={vote} items={items} />
          ) : (
            <p>{t.watch}</p>
          )}
          <ActionButton
            name="vote.reveal"
            args={{ voteId }}
            className="primary"
            onResult={(result) => setFailure(failureOf(result))}
          />
        </>
      ) : (
        <VoteResult voteId={voteId} vote={vote} items={items} />
      )}
      {vote.list === 'interventions' && <CandidateComparison itemIds={vote.itemIds} />}
      {facilitator && vote.status !== 'open' && (
        <button type="button" onClick={() => setReplacing(voteId)}>
          {t.newVote}
        </button>
      )}
      {failure && <p role="alert">{failureText(m, failure)}</p>}
    </WorkshopDialog>
  );
}
