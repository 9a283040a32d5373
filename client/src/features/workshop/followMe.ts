import { SECTIONS, type SectionName } from '@caseroom/shared';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useCaseStore, useCaseStoreApi } from '../../caseState/caseStore.ts';
import { useMe } from '../access/useAccess.ts';
import { useSession } from '../caseRoom/sessionContext.ts';

/** The facilitator someone follows: their awareness id and open section. */
export type Leader = { clientId: number; section: SectionName };

/**
 * The facilitator who asks everyone to follow them (W6), from presence: an awareness state
 * with `followMe: true` whose party — stamped by the server, never the browser's own claim —
 * is a facilitator. Never this browser itself.
 */
export function useLeader(): Leader | undefined {
  const { provider } = useSession();
  const awareness = provider.awareness;
  const cache = useRef<Leader | undefined>(undefined);
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  return useSyncExternalStore(subscribe, () => {
    let found: Leader | undefined;
    awareness.getStates().forEach((state, clientId) => {
      if (found || clientId === awareness.clientID) return;
      const s = state as { followMe?: unknown; user?: { section?: unknown; party?: { role?: unknown } } };
      const section = s.user?.section as SectionName;
      if (s.followMe === true && s.user?.party?.role === 'facilitator' && SECTIONS.includes(section)) {
        found = { clientId, section };
      }
    });
    const previous = cache.current;
    if (previous?.clientId !== found?.clientId || previous?.section !== found?.section) cache.current = found;
    return cache.current;
  });
}

/**
 * Keeps following: publishes the facilitator's own "follow me" flag, and for everyone else
 * opens the leader's section whenever it changes — unless this person stepped out.
 */
export function useFollowFacilitator(): void {
  const { provider } = useSession();
  const me = useMe();
  const store = useCaseStoreApi();
  const followMe = useCaseStore((state) => state.followMe);
  const stopped = useCaseStore((state) => state.followStopped);
  const leader = useLeader();
  const isFacilitator = me?.role === 'facilitator';
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
