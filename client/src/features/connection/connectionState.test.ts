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
