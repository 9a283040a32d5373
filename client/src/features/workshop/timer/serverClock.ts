import { useEffect, useState } from 'react';
import { useCaseStore } from '../../../caseState/caseStore.ts';

/**
 * How far the server's clock is ahead of this browser's (ms), so everyone's countdown shows
 * the same time (W5); kept in the case's store by the case room (caseState/serverClock.ts).
 */
export function useServerOffset(): number {
  return useCaseStore((state) => state.serverOffset);
}

/** The current time, re-read every `intervalMs` while `active`. */
export function useNow(active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [active, intervalMs]);
  return now;
}
