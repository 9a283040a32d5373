import { CloseCode, isFinalClose } from '@caseroom/shared';
import type { WebsocketProvider } from 'y-websocket';

/** What the person is told about the link to the server. */
export const CONNECTION_STATES = [
  'connecting',
  'connected',
  'reconnecting',
  'offline',
  'cantSave',
  'tooManyMessages',
  'slowConsumer',
  'messageTooBig',
  'caseMoving',
  'ownerUnreachable',
  'blocked',
  'notFound',
  'unauthorized',
  'linkRevoked',
  'linkExpired',
  'accessEnded',
  'caseArchived',
] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** Failed attempts before a never-connected client calls the server unreachable. */
const ATTEMPTS_BEFORE_OFFLINE = 2;

/**
 * Websocket attempts in a row that never opened before the server is asked over HTTP whether it
 * is there: if it answers, the network between lets pages through but not the live connection.
 */
export const FAILED_OPENS_BEFORE_PROBE = 3;

/** The final states a link that no longer opens the case leads to (issue 10). */
export type LinkEndedState = 'linkExpired' | 'accessEnded';

/** A tiny external store of the connection state, fed by the provider's and the browser's events. */
export type ConnectionTracker = {
  get: () => ConnectionState;
  subscribe: (onChange: () => void) => () => void;
  /** The server said over HTTP that the link expired or was ended: stop, as for its close code. */
  endLink: (state: LinkEndedState) => void;
  destroy: () => void;
};

/** The final state each final close code leads to (docs/access.md A5). */
const FINAL_STATES: Record<number, ConnectionState> = {
  [CloseCode.CaseNotFound]: 'notFound',
  [CloseCode.Unauthorized]: 'unauthorized',
  [CloseCode.LinkRevoked]: 'linkRevoked',
  [CloseCode.LinkExpired]: 'linkExpired',
  [CloseCode.AccessEnded]: 'accessEnded',
  [CloseCode.CaseArchived]: 'caseArchived',
};

/**
 * Closes after which the provider reconnects, and the state that says why the connection was
 * cut until it is back (issue 9: a connection over its bounds is cut off alone).
 */
const INTERRUPTED_STATES: Record<number, ConnectionState> = {
  [CloseCode.TooManyMessages]: 'tooManyMessages',
  [CloseCode.SlowConsumer]: 'slowConsumer',
  [CloseCode.MessageTooBig]: 'messageTooBig',
  // Issue 14: the case moves to another server process (a restart, a process that died) …
  [CloseCode.ServiceRestart]: 'caseMoving',
  // … or the process that holds it cannot be reached just now (Redis down between them).
  [CloseCode.TryAgainLater]: 'ownerUnreachable',
};

/**
 * Follows a websocket provider. A final close (no such case, a link that is not valid for it,
 * a link the facilitator replaced, let expire or ended) stops reconnecting for good and says
 * why; `onRefused` is told when the server refused the link as not valid or replaced (an
 * expired or ended link is kept: it still names the party whose offline copy waits for a new
 * link). "Storage unavailable" keeps retrying and says that changes are kept on this device. A
 * connection cut for sending too much at once (4429), for not keeping up (4408) or for a
 * message over the size limit (1009) reconnects, and says why until it is synced again;
 * `onMessageTooBig` is told of the last, since the change that was too large would be sent
 * again on every reconnection. When several attempts in a row never open, `probeServer` asks
 * over HTTP: a server that answers means the network blocks the live connection (issue 10).
 */
export function trackConnection(
  provider: WebsocketProvider,
  {
    onRefused,
    onMessageTooBig,
    probeServer,
  }: { onRefused?: () => void; onMessageTooBig?: () => void; probeServer?: () => Promise<boolean> } = {},
): ConnectionTracker {
  const listeners = new Set<() => void>();
  let status: 'connected' | 'connecting' | 'disconnected' = 'connecting';
  let everConnected = false;
  let cantSave = false;
  let interrupted: ConnectionState | undefined;
  let final: ConnectionState | undefined;
  let state: ConnectionState = 'connecting';
  // Attempts in a row whose socket never opened, and whether the server answered over HTTP meanwhile.
  let opened = false;
  let failedOpens = 0;
  let probing = false;
  let blocked = false;
  let destroyed = false;

  const update = () => {
    const next = derive();
    if (next !== state) {
      state = next;
      for (const listener of listeners) listener();
    }
  };
  const derive = (): ConnectionState => {
    if (final) return final;
    if (!navigator.onLine) return 'offline';
    if (cantSave) return 'cantSave';
    if (status === 'connected' && provider.synced) return 'connected';
    if (interrupted) return interrupted;
    if (blocked) return 'blocked';
    if (everConnected) return 'reconnecting';
    return provider.wsUnsuccessfulReconnects >= ATTEMPTS_BEFORE_OFFLINE ? 'offline' : 'connecting';
  };

  const onStatus = (event: { status: typeof status }) => {
    status = event.status;
    if (status === 'connecting') opened = false;
    if (status === 'connected') {
      everConnected = true;
      opened = true;
      failedOpens = 0;
      blocked = false;
    }
    update();
  };
  const probe = async () => {
    if (!probeServer || probing) return;
    probing = true;
    const answered = await probeServer().catch(() => false);
    probing = false;
    if (destroyed || failedOpens < FAILED_OPENS_BEFORE_PROBE) return;
    blocked = answered;
    update();
  };
  const onSync = (synced: boolean) => {
    if (synced) {
      cantSave = false;
      interrupted = undefined;
    }
    update();
  };
  const onClose = (event: CloseEvent | null) => {
    if (!opened && event) {
      failedOpens++;
      if (failedOpens >= FAILED_OPENS_BEFORE_PROBE) void probe();
    }
    opened = false;
    if (event && isFinalClose(event.code)) {
      final ??= FINAL_STATES[event.code] ?? 'notFound';
      provider.disconnect();
      if (event.code === CloseCode.Unauthorized || event.code === CloseCode.LinkRevoked) onRefused?.();
    } else if (event?.code === CloseCode.StorageUnavailable) {
      cantSave = true;
    } else if (event && INTERRUPTED_STATES[event.code]) {
      interrupted = INTERRUPTED_STATES[event.code];
      // After the provider has finished handling the close (the listener may destroy it).
      if (event.code === CloseCode.MessageTooBig && onMessageTooBig) setTimeout(onMessageTooBig, 0);
    }
    update();
  };
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);

  return {
    get: () => state,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    endLink: (ended) => {
      if (final) return;
      final = ended;
      provider.disconnect();
      update();
    },
    destroy: () => {
      destroyed = true;
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      listeners.clear();
    },
  };
}
