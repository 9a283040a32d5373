import { readWorkshop, WORKSHOP, type WorkshopRecord } from '@caseroom/shared';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../caseRoom/sessionContext.ts';
import type { WorkshopCall } from './workshopApi.ts';

/**
 * The workshop record (docs/workshop.md W1), read live from the document: re-read whenever
 * anything under `workshop` changes. The server writes it; this browser only reads it.
 */
export function useWorkshop(): WorkshopRecord {
  const { doc } = useSession();
  const cache = useRef<{ key: string; record: WorkshopRecord } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      // `workshop` is a top-level type: getting it never writes anything.
      const map: Y.Map<unknown> = doc.getMap(WORKSHOP);
      map.observeDeep(onChange);
      return () => map.unobserveDeep(onChange);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => {
    const record = readWorkshop(doc);
    const key = JSON.stringify(record);
    if (cache.current?.key !== key) cache.current = { key, record };
    return cache.current.record;
  });
}

/** The case and token every workshop request needs. */
export function useWorkshopCall(): WorkshopCall {
  const { caseId, token } = useSession();
  return { caseId, token };
}
