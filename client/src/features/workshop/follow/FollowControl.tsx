import { useCaseStore } from '../../../caseState/caseStore.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useMe } from '../../access/useAccess.ts';
import { useLeader } from './followMe.ts';

/**
 * "Follow me" (W6): the facilitator's toggle; for everyone else, while the facilitator leads,
 * that they follow and a way to step out — and back in.
 */
export function FollowControl() {
  const m = useMessages();
  const t = m.workshop.follow;
  const me = useMe();
  const followMe = useCaseStore((state) => state.followMe);
  const setFollowMe = useCaseStore((state) => state.setFollowMe);
  const stopped = useCaseStore((state) => state.followStopped);
  const setStopped = useCaseStore((state) => state.setFollowStopped);
  const leader = useLeader();
  if (me?.role === 'facilitator') {
    return (
      <button
        type="button"
        className="workshop-button follow-toggle"
        aria-pressed={followMe}
        onClick={() => setFollowMe(!followMe)}
      >
        <span aria-hidden="true">{followMe ? '◉ ' : '○ '}</span>
        {t.followMe}
      </button>
    );
  }
  if (!leader) return null;
  return (
    <div className="follow-status" data-following={!stopped}>
      {stopped ? (
        <button type="button" className="workshop-button" onClick={() => setStopped(false)}>
          {t.resume}
        </button>
      ) : (
        <>
          <span>
            <span aria-hidden="true">◉ </span>
            {t.following}
          </span>
          <button type="button" className="workshop-button" onClick={() => setStopped(true)}>
            {t.stop}
          </button>
        </>
      )}
    </div>
  );
}
