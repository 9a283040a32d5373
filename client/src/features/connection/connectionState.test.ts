import { CloseCode } from '@caseroom/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { trackConnection } from './connectionState.ts';

/** The part of a y-websocket provider the tracker listens to, driven by the test. */
class FakeProvider {
  synced = false;
  wsUnsuccessfulReconnects = 0;
  disconnected = false;
  private handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  on(event: string, handler: (...args: unknown[]) => void) {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler);
    this.handlers.set(event, set);
  }
  off(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.get(event)?.delete(handler);
  }
  emit(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  disconnect() {
    this.disconnected = true;
  }
  connectAndSync() {
    this.emit('status', { status: 'connected' });
    this.synced = true;
    this.emit('sync', true);
  }
  close(code: number) {
    this.emit('connection-close', { code } as CloseEvent);
    this.synced = false;
    this.emit('status', { status: 'disconnected' });
  }
}

beforeEach(() => {
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('window', new EventTarget());
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function track(options: Parameters<typeof trackConnection>[1] = {}) {
  const provider = new FakeProvider();
  const tracker = trackConnection(provider as unknown as WebsocketProvider, options);
  provider.connectAndSync();
  return { provider, tracker };
}

describe('trackConnection: connections cut for their bounds (issue 9)', () => {
  it.each([
    [CloseCode.TooManyMessages, 'tooManyMessages'],
    [CloseCode.SlowConsumer, 'slowConsumer'],
    [CloseCode.ServiceRestart, 'caseMoving'],
    [CloseCode.TryAgainLater, 'ownerUnreachable'],
  ] as const)('close %i says why while it reconnects, and is connected again once synced', (code, state) => {
    const { provider, tracker } = track();
    expect(tracker.get()).toBe('connected');
    provider.close(code);
    expect(tracker.get()).toBe(state);
    expect(provider.disconnected).toBe(false);
    provider.emit('status', { status: 'connecting' });
    expect(tracker.get()).toBe(state);
    provider.connectAndSync();
    expect(tracker.get()).toBe('connected');
    // A later ordinary drop is an ordinary reconnection.
    provider.close(1006);
    expect(tracker.get()).toBe('reconnecting');
  });

  it('close 1009 says the change was too large and tells the session once the close is handled', () => {
    vi.useFakeTimers();
    const tooBig = vi.fn();
    const { provider, tracker } = track({ onMessageTooBig: tooBig });
    provider.close(CloseCode.MessageTooBig);
    expect(tracker.get()).toBe('messageTooBig');
    expect(provider.disconnected).toBe(false);
    expect(tooBig).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(tooBig).toHaveBeenCalledTimes(1);
  });

  it('the final closes stay final, and being offline wins over a cut', () => {
    const refused = vi.fn();
    const { provider, tracker } = track({ onRefused: refused });
    provider.close(CloseCode.SlowConsumer);
    vi.stubGlobal('navigator', { onLine: false });
    window.dispatchEvent(new Event('offline'));
    expect(tracker.get()).toBe('offline');
    provider.close(CloseCode.LinkRevoked);
    expect(tracker.get()).toBe('linkRevoked');
    expect(provider.disconnected).toBe(true);
    expect(refused).toHaveBeenCalledTimes(1);
  });
});

describe('trackConnection: links that expired or were ended (issue 10)', () => {
  it.each([
    [CloseCode.LinkExpired, 'linkExpired'],
    [CloseCode.AccessEnded, 'accessEnded'],
  ] as const)('close %i is final and says why, and the link is not forgotten', (code, state) => {
    const refused = vi.fn();
    const { provider, tracker } = track({ onRefused: refused });
    provider.close(code);
    expect(tracker.get()).toBe(state);
    expect(provider.disconnected).toBe(true);
    // The token still names the party whose offline copy waits for a new link.
    expect(refused).not.toHaveBeenCalled();
    provider.connectAndSync();
    expect(tracker.get()).toBe(state);
  });

  it('an HTTP answer that the link ended stops the connection too, and the first reason stays', () => {
    const { provider, tracker } = track();
    tracker.endLink('accessEnded');
    expect(tracker.get()).toBe('accessEnded');
    expect(provider.disconnected).toBe(true);
    tracker.endLink('linkExpired');
    provider.close(CloseCode.LinkExpired);
    expect(tracker.get()).toBe('accessEnded');
  });
});

describe('trackConnection: a network that blocks the live connection (issue 10)', () => {
  /** One websocket attempt that never opens (the browser reports 1006). */
  const failedAttempt = (provider: FakeProvider) => {
    provider.emit('status', { status: 'connecting' });
    provider.wsUnsuccessfulReconnects++;
    provider.emit('connection-close', { code: 1006 } as CloseEvent);
  };

  function trackUnopened(probeServer: () => Promise<boolean>) {
    const provider = new FakeProvider();
    const tracker = trackConnection(provider as unknown as WebsocketProvider, { probeServer });
    return { provider, tracker };
  }

  it('after three attempts that never open, asks the server over HTTP; an answer means blocked', async () => {
    const probe = vi.fn(async () => true);
    const { provider, tracker } = trackUnopened(probe);
    failedAttempt(provider);
    failedAttempt(provider);
    expect(probe).not.toHaveBeenCalled();
    expect(tracker.get()).toBe('offline');
    failedAttempt(provider);
    expect(probe).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(tracker.get()).toBe('blocked'));
    // Once a connection opens and syncs, it is no longer blocked.
    provider.connectAndSync();
    expect(tracker.get()).toBe('connected');
  });

  it('a server that does not answer over HTTP either is simply offline', async () => {
    const probe = vi.fn(async () => false);
    const { provider, tracker } = trackUnopened(probe);
    for (let i = 0; i < 4; i++) failedAttempt(provider);
    await vi.waitFor(() => expect(probe).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(tracker.get()).toBe('offline');
  });

  it('connections that open and are then cut are not a blocked network', async () => {
    const probe = vi.fn(async () => true);
    const { provider, tracker } = track({ probeServer: probe });
    for (let i = 0; i < 5; i++) {
      provider.emit('status', { status: 'connecting' });
      provider.connectAndSync();
      provider.close(1006);
    }
    expect(probe).not.toHaveBeenCalled();
    expect(tracker.get()).toBe('reconnecting');
  });

  it('after having been connected, attempts that stop opening while the server answers are blocked too', async () => {
    const { provider, tracker } = track({ probeServer: async () => true });
    provider.close(1006);
    for (let i = 0; i < 3; i++) failedAttempt(provider);
    await vi.waitFor(() => expect(tracker.get()).toBe('blocked'));
    vi.stubGlobal('navigator', { onLine: false });
    window.dispatchEvent(new Event('offline'));
    expect(tracker.get()).toBe('offline');
  });
});
