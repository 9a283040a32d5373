import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useCaseStore } from '../../caseState/caseStore.ts';
import { useUiStore } from '../../store.ts';
import { useMe } from '../access/useAccess.ts';
import { useSession } from '../caseRoom/sessionContext.ts';
import { type Peer, publishPresence, readPeers } from './presence.ts';

/** Everyone in the case right now (this person included), re-read on every awareness change. */
export function usePeers(): Peer[] {
  const { provider } = useSession();
  const me = useMe();
  const awareness = provider.awareness;
  const cache = useRef<{ key: string; peers: Peer[] }>({ key: '', peers: [] });
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  return useSyncExternalStore(subscribe, () => {
    const peers = readPeers(awareness, me);
    const key = JSON.stringify(peers);
    if (key !== cache.current.key) cache.current = { key, peers };
    return cache.current.peers;
  });
}

/** Keeps this person's presence (name, department, colour, open section) published. */
export function usePublishPresence(): void {
  const { provider } = useSession();
  const name = useUiStore((state) => state.name);
  const department = useUiStore((state) => state.department);
  const section = useCaseStore((state) => state.openSection);
  useEffect(() => {
    const awareness: Awareness = provider.awareness;
    const publish = () => publishPresence(awareness, { name, department, section });
    publish();
    // Someone joining with this person's colour makes one of the two pick another.
    awareness.on('change', publish);
    return () => awareness.off('change', publish);
  }, [provider, name, department, section]);
}
