import { useEffect } from 'react';
import { useCaseStore } from '../../caseState/caseStore.ts';
import { type Peer, publishPresence } from '../../caseState/presence.ts';
import { useSession } from '../../caseState/sessionContext.ts';
import { useUiStore } from '../../store.ts';

/** Everyone in the case right now (this person included), from the case's store (caseState/liveCase.ts). */
export function usePeers(): readonly Peer[] {
  return useCaseStore((state) => state.peers);
}

/** Keeps this person's presence (name, department, colour, open section) published. */
export function usePublishPresence(): void {
  const { provider, me } = useSession();
  const name = useUiStore((state) => state.name);
  const department = useUiStore((state) => state.department);
  const section = useCaseStore((state) => state.openSection);
  useEffect(() => {
    const awareness = provider.awareness;
    const publish = () => publishPresence(awareness, { name, department, section }, me.get()?.id);
    publish();
    // Someone joining with this person's colour makes one of the two pick another.
    awareness.on('change', publish);
    return () => awareness.off('change', publish);
  }, [provider, me, name, department, section]);
}
