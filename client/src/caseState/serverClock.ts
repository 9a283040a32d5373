import { api } from '@caseroom/shared';
import { callApi } from '../api/callApi.ts';

/** The connection events the clock listens to (y-websocket's provider has them). */
type StatusEvents = {
  on: (event: 'status', listener: (event: { status: string }) => void) => void;
  off: (event: 'status', listener: (event: { status: string }) => void) => void;
};

/**
 * Keeps the case store's `serverOffset` (how far the server's clock is ahead of this
 * browser's, ms), so everyone's countdown shows the same time (W5): measured from
 * `GET workshop`'s `serverNow`, halfway through the request, at once and again whenever the
 * connection comes back. Returns the stop; an answer after it is dropped.
 */
export function trackServerClock(
  setOffset: (offset: number) => void,
  session: { caseId: string; token: string; provider: StatusEvents },
  now: () => number = Date.now,
): () => void {
  const { caseId, token, provider } = session;
  let stopped = false;
  const measure = async () => {
    const sent = now();
    const result = await callApi(api.readWorkshop, { params: { id: caseId }, tokens: [token] });
    const received = now();
    if (!stopped && result.ok) setOffset(result.value.serverNow - (sent + received) / 2);
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') void measure();
  };
  void measure();
  provider.on('status', onStatus);
  return () => {
    stopped = true;
    provider.off('status', onStatus);
  };
}
