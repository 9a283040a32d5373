import type { Party } from '@caseroom/shared';
import type { WebsocketProvider } from 'y-websocket';
import { fetchMe } from './accessApi.ts';
import { rememberedParty, rememberParty } from './tokens.ts';

/** Who this browser is in the open case (`GET /api/cases/:id/me`), as a tiny external store. */
export type WhoAmI = {
  /** The party, or undefined until the server (or this device's memory of it) has said. */
  get: () => Party | undefined;
  /** Resolves with the party once the server has said (never from this device's memory alone). */
  whenConfirmed: Promise<Party>;
  subscribe: (onChange: () => void) => () => void;
  destroy: () => void;
};

/**
 * Asks the server who the token makes us — at once, and again on each (re)connection until it
 * has answered. Until then the party this device last saw for the case stands in, so a case
 * opened offline keeps its role; with neither, the room stays read-only.
 */
export function trackWhoAmI(caseId: string, token: string, provider: WebsocketProvider): WhoAmI {
  const listeners = new Set<() => void>();
  let party = rememberedParty(caseId);
  let confirmed = false;
  let pending = false;
  let destroyed = false;
  let onConfirmed: (party: Party) => void = () => {};
  const whenConfirmed = new Promise<Party>((resolve) => {
    onConfirmed = resolve;
  });

  const ask = async () => {
    if (confirmed || pending || destroyed) return;
    pending = true;
    const result = await fetchMe(caseId, token);
    pending = false;
    if (destroyed || !result.ok) return;
    confirmed = true;
    rememberParty(caseId, result.value);
    onConfirmed(result.value);
    if (JSON.stringify(result.value) !== JSON.stringify(party)) {
      party = result.value;
      for (const listener of listeners) listener();
    }
  };
  const onStatus = (event: { status: string }) => {
    if (event.status === 'connected') void ask();
  };
  provider.on('status', onStatus);
  void ask();

  return {
    get: () => party,
    whenConfirmed,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    destroy: () => {
      destroyed = true;
      provider.off('status', onStatus);
      listeners.clear();
    },
  };
}
