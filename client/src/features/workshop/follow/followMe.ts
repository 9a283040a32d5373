import { useEffect } from 'react';
import { useCaseStore, useCaseStoreApi } from '../../../caseState/caseStore.ts';
import type { Leader } from '../../../caseState/presence.ts';
import { useSession } from '../../../caseState/sessionContext.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';

/**
 * The facilitator who asks everyone to follow them (W6), from the case's store (read from
 * presence by presence.ts `readLeader`: only a server-stamped facilitator leads). Never this
 * browser itself.
 */
export function useLeader(): Leader | undefined {
  return useCaseStore((state) => state.leader);
}

/**
 * Keeps following: publishes the facilitator's own "follow me" flag, and for everyone else
 * opens the leader's section whenever it changes — unless this person stepped out.
 */
export function useFollowFacilitator(): void {
  const { provider } = useSession();
  const store = useCaseStoreApi();
  const followMe = useCaseStore((state) => state.followMe);
  const stopped = useCaseStore((state) => state.followStopped);
  const leader = useLeader();
  // Only the one who may lead publishes the flag (actions.ts `follow.lead`).
  const isFacilitator = useWorkshopActions().may('follow.lead');
  useEffect(() => {
    provider.awareness.setLocalStateField('followMe', isFacilitator && followMe);
  }, [provider, isFacilitator, followMe]);
  useEffect(() => {
    // A new round of "follow me" starts with everyone following again.
    if (!leader) store.getState().setFollowStopped(false);
  }, [store, leader]);
  const section = leader?.section;
  useEffect(() => {
    if (!section || stopped) return;
    store.getState().setOpenSection(section);
    return revealHeading(section);
  }, [store, section, stopped]);
}

/** How long to wait for the followed section to render before giving up. */
const WAIT_MS = 1500;

/**
 * Brings the followed section's heading into view once that section has rendered: the person
 * may have been scrolled far down the section they were in, and following should show them
 * where the facilitator is, not the middle of a form. Returns a cancel for the effect's cleanup.
 */
function revealHeading(section: string): () => void {
  const started = performance.now();
  let frame = 0;
  const attempt = () => {
    const heading = document.getElementById('section-heading');
    if (heading?.dataset.path === section) {
      heading.scrollIntoView({ block: 'start' });
      return;
    }
    if (performance.now() - started < WAIT_MS) frame = requestAnimationFrame(attempt);
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}
