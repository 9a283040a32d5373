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
    if (section && !stopped) store.getState().setOpenSection(section);
  }, [store, section, stopped]);
}
