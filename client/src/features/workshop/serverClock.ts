import { useEffect, useState } from 'react';
import { useLiveSession } from '../caseRoom/sessionContext.ts';
import { readWorkshopState } from './workshopApi.ts';

/**
 * How far the server's clock is ahead of this browser's (ms), so everyone's countdown shows
 * the same time (W5). Measured from `GET workshop`'s `serverNow`, halfway through the request;
 * measured again whenever the connection comes back. 0 until known.
 */
export function useServerOffset(): number {
  const { caseId, token, provider } = useLiveSession();
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let current = true;
    const measure = async () => {
      const sent = Date.now();
      const result = await readWorkshopState({ caseId, token });
      const received = Date.now();
      const serverNow = result.ok ? (result.value as { serverNow?: unknown }).serverNow : undefined;
      if (current && typeof serverNow === 'number') setOffset(serverNow - (sent + received) / 2);
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') void measure();
    };
    void measure();
    provider.on('status', onStatus);
    return () => {
      current = false;
      provider.off('status', onStatus);
    };
  }, [caseId, token, provider]);
  return offset;
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
