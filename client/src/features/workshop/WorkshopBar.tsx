import { useMessages } from '../../i18n/messages.ts';
import { ExportButton } from '../exchange/ExportDialog.tsx';
import { DecisionsButton } from './decisions/DecisionLog.tsx';
import { FollowControl } from './follow/FollowControl.tsx';
import { HistoryButton } from './history/HistoryDialog.tsx';
import { SignoffButton } from './signoff/SignoffDialog.tsx';
import { WorkshopTimer } from './timer/WorkshopTimer.tsx';
import { VoteButton } from './vote/VoteDialog.tsx';

/**
 * The workshop's tools in the top bar, on one row: the countdown, "follow me", and the vote,
 * decisions, sign-off, history and export, each in its own dialog. (The storage notice is with
 * the room's other notices, `RoomNotices`.)
 */
export function WorkshopBar() {
  const m = useMessages();
  return (
    <section className="workshop-bar" aria-label={m.workshop.bar.label}>
      <WorkshopTimer />
      <FollowControl />
      <div className="workshop-tools">
        <VoteButton />
        <DecisionsButton />
        <SignoffButton />
        <HistoryButton />
        <ExportButton />
      </div>
    </section>
  );
}
