import { useCaseStore } from '../../../caseState/caseStore.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { ActionButton } from '../ActionButton.tsx';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { useLeader } from './followMe.ts';

/**
 * "Follow me" (W6): the facilitator's toggle (`follow.lead`); for everyone else, while the
 * facilitator leads, that they follow and a way to step out — and back in (`follow.step`).
 */
export function FollowControl() {
  const m = useMessages();
  const t = m.workshop.follow;
  const actions = useWorkshopActions();
  const followMe = useCaseStore((state) => state.followMe);
  const stopped = useCaseStore((state) => state.followStopped);
  const leader = useLeader();
  if (actions.may('follow.lead')) {
    return (
      <ActionButton
        name="follow.lead"
        args={{ on: !followMe }}
        className="workshop-button follow-toggle"
        pressed={followMe}
      >
        <span aria-hidden="true">{followMe ? '◉ ' : '○ '}</span>
        {t.followMe}
      </ActionButton>
    );
  }
  const step = { stop: !stopped, leading: leader !== undefined };
  if (!actions.verdict('follow.step', step).shown) return null;
  return (
    <div className="follow-status" data-following={!stopped}>
      {!stopped && (
        <span>
          <span aria-hidden="true">◉ </span>
          {t.following}
        </span>
      )}
      <ActionButton name="follow.step" args={step} className="workshop-button" />
    </div>
  );
}
