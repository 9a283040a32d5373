import type { Vote } from '@caseroom/shared';
import { useCaseStore } from '../../../caseState/caseStore.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { type PresentParty, voteTurnout } from './voteItems.ts';

/**
 * "n af m har stemt" for everyone, the facilitator first of all: m from who is present, n from
 * the vote record — the server's running count while open (ballots themselves stay on the
 * server, W7). A vote opened before the count existed says how many may vote.
 */
export function VoteTurnoutLine({ vote }: { vote: Vote }) {
  const t = useMessages().workshop.votes;
  const present = useCaseStore((state) => state.peers).flatMap((peer): PresentParty[] =>
    peer.party ? [{ id: peer.party.id, role: peer.party.role }] : [],
  );
  const { cast, eligible } = voteTurnout(vote, present);
  return (
    <p className="vote-turnout" aria-live="polite">
      {cast === undefined ? t.eligible(eligible) : t.turnout(cast, eligible)}
    </p>
  );
}
