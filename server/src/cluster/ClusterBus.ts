/**
 * The Redis link between Caseroom processes (issue 14): binary pub/sub, request/response
 * between processes, and the health of the link.
 *
 * Two connections: a subscriber (in pub/sub mode, it can do nothing else) and a publisher.
 * Messages are Buffers end to end (`messageBuffer`), so any bytes survive.
 *
 * - `publish` / `subscribe`: plain channels, several handlers per channel; Redis is told to
 *   unsubscribe when the last handler goes.
 * - Each process listens on its own channel `caseroom:p:<processId>`; `request` sends a frame
 *   there and waits for the answer on its own channel (frame format: `processFrames.ts`).
 * - Health: `status` is `'up'` when both connections are ready and every channel is subscribed
 *   again. A lost connection is noticed at once (the socket closes) and reconnected every
 *   ≤ 500 ms; while down, `publish` and `request` reject at once with `ClusterUnavailable` and
 *   pending requests are rejected too. Messages published while a process was down are lost to
 *   it (Redis pub/sub keeps nothing): `onStatus` listeners learn `'up'` and resync.
 *
 * Resubscription is ours, not ioredis's: its `autoResubscribe` sends SUBSCRIBE after `ready`
 * without anyone waiting for it, so `'up'` could come before the channels are live again and a
 * resync could miss what came in between. We subscribe every channel on `ready` and say `'up'`
 * when Redis has confirmed them. The publisher does not queue while offline and does not resend
 * a publish after a reconnect: the caller was told it failed and resyncs on `'up'` instead.
 */

import { Redis, type RedisOptions } from 'ioredis';
import type { Log } from '../log.ts';
import { ClusterNoRecipient, ClusterRemoteError, ClusterRequestTimeout, ClusterUnavailable } from './clusterErrors.ts';
import { decodeFrame, encodeFrame, FrameKind, MAX_PROCESS_ID_LENGTH, type ProcessFrame } from './processFrames.ts';

/** Whether the bus can currently carry messages. */
export type ClusterStatus = 'up' | 'down';

/** Receives every message published on a subscribed channel. */
export type MessageHandler = (payload: Uint8Array) => void;

/** Answers a request from another process (`from` is its process id); a throw is sent back as a failure. */
export type RequestHandler = (payload: Uint8Array, from: string) => Promise<Uint8Array>;

/** Options of `ClusterBus.connect`. */
export type ClusterBusOptions = {
  /** This process's id: its channel is `caseroom:p:<processId>`. Unique among running processes. */
  processId: string;
  log: Log;
  /** How often the lag is measured (ms). Default 2 000. */
  lagIntervalMs?: number;
  /** How long `connect` waits for Redis before it rejects (ms). Default 5 000. */
  connectTimeoutMs?: number;
};

/** The channel a process receives requests, replies and its own lag probes on. */
export function processChannel(processId: string): string {
  return `caseroom:p:${processId}`;
}

/** A Redis URL as it may be logged: host and port, never a password. */
export function describeRedis(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
  } catch {
    return '(unreadable URL)';
  }
}

/** Reconnect quickly and forever: a restarted Redis is back within a second or two. */
function retryDelay(attempt: number): number {
  return Math.min(attempt * 100, 500);
}

const DEFAULT_LAG_INTERVAL_MS = 2_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** A probe out this long is taken as lost and replaced. */
const PROBE_GIVE_UP_MS = 10_000;

type Subscription = { handler: MessageHandler };
type Channel = { subscriptions: Set<Subscription>; subscribed: Promise<void> };
type PendingRequest = {
  target: string;
  resolve: (payload: Uint8Array) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/** One process's link to the others through Redis. Create with `ClusterBus.connect`. */
export class ClusterBus {
  /** Connects both connections and resolves once the bus is up; rejects with ClusterUnavailable otherwise. */
  static async connect(url: string, options: ClusterBusOptions): Promise<ClusterBus> {
    const { processId } = options;
    if (processId.length === 0 || processId.length > MAX_PROCESS_ID_LENGTH || /\s/.test(processId)) {
      throw new Error(`not a process id: ${JSON.stringify(processId)}`);
    }
    const bus = new ClusterBus(url, options);
    const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const up = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        stop();
        resolve(false);
      }, timeoutMs);
      const stop = bus.onStatus((status) => {
        if (status !== 'up') return;
        clearTimeout(timer);
        stop();
        resolve(true);
      });
    });
    if (!up) {
      await bus.close();
      throw new ClusterUnavailable(`Redis at ${describeRedis(url)} did not answer within ${timeoutMs} ms`);
    }
    return bus;
  }

  readonly processId: string;
  private readonly channel: string;
  private readonly log: Log;
  private readonly where: string;
  private readonly subscriber: Redis;
  private readonly publisher: Redis;
  private readonly channels = new Map<string, Channel>();
  private readonly statusListeners = new Set<(status: ClusterStatus) => void>();
  private readonly pending = new Map<number, PendingRequest>();
  /** Rejects each publish still waiting for Redis's answer when the publisher's connection drops. */
  private readonly inFlight = new Set<(error: Error) => void>();
  private requestHandler: RequestHandler | undefined;
  private nextRequestId = 1;
  /** Bumped at every subscriber `ready` and `close`: a resubscription of an older connection does not count. */
  private subscriberGeneration = 0;
  private subscriberLive = false;
  private current: ClusterStatus = 'down';
  private lastError: string | undefined;
  private lag: number | undefined;
  private probe: { id: number; sentAt: number } | undefined;
  private nextProbeId = 1;
  private readonly lagTimer: NodeJS.Timeout;
  private closing: Promise<void> | undefined;

  private constructor(url: string, options: ClusterBusOptions) {
    this.processId = options.processId;
    this.channel = processChannel(options.processId);
    this.log = options.log;
    this.where = describeRedis(url);
    const common: RedisOptions = {
      retryStrategy: retryDelay,
      connectTimeout: 2_000,
      enableOfflineQueue: false,
      autoResubscribe: false,
      autoResendUnfulfilledCommands: false,
      maxRetriesPerRequest: 0,
    };
    this.subscriber = new Redis(url, { ...common, connectionName: `caseroom-sub-${this.processId}` });
    this.publisher = new Redis(url, { ...common, connectionName: `caseroom-pub-${this.processId}` });

    this.subscriber.on('ready', () => this.resubscribe());
    this.subscriber.on('close', () => {
      this.subscriberGeneration++;
      this.subscriberLive = false;
      this.refreshStatus();
    });
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
    this.publisher.on('ready', () => this.refreshStatus());
    this.publisher.on('close', () => {
      const lost = new ClusterUnavailable(`lost the connection to Redis at ${this.where}`);
      for (const reject of this.inFlight) reject(lost);
      this.inFlight.clear();
      this.refreshStatus();
    });
    // Without an 'error' listener ioredis prints every failed reconnect; one line per outage is ours.
    const onError = (error: Error) => {
      this.lastError ??= error.message;
    };
    this.subscriber.on('error', onError);
    this.publisher.on('error', onError);

    this.lagTimer = setInterval(() => this.sendProbe(), options.lagIntervalMs ?? DEFAULT_LAG_INTERVAL_MS);
    this.lagTimer.unref();
  }

  /** `'up'` while both connections are ready and every channel is subscribed. */
  get status(): ClusterStatus {
    return this.current;
  }

  /** Calls `listener` at every change of `status`; returns the function that removes it. */
  onStatus(listener: (status: ClusterStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /**
   * The last measured publish → receive round trip on this process's own channel (ms), or, when
   * the current probe has been out longer than that, the time it has been out; undefined while
   * down or before the first measurement.
   */
  lagMs(): number | undefined {
    if (this.current === 'down' || this.lag === undefined) return undefined;
    const waiting = this.probe ? performance.now() - this.probe.sentAt : 0;
    return Math.max(this.lag, waiting);
  }

  /** Publishes `payload` on `channel`; rejects with ClusterUnavailable while Redis is down. */
  async publish(channel: string, payload: Uint8Array): Promise<void> {
    await this.send(channel, payload);
  }

  /**
   * Calls `handler` with every message on `channel` from now on; resolves once Redis has
   * confirmed the subscription (at once while down: the channel is subscribed when the bus comes
   * back, and `'up'` says so). Resolves to the function that removes this handler.
   */
  async subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>> {
    if (this.closing) throw new ClusterUnavailable('the cluster bus is closed');
    if (channel === this.channel) throw new Error(`${channel} is the bus's own request channel`);
    const subscription: Subscription = { handler };
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { subscriptions: new Set(), subscribed: this.subscribeInRedis([channel]) };
      this.channels.set(channel, entry);
    }
    entry.subscriptions.add(subscription);
    await entry.subscribed;
    let removed: Promise<void> | undefined;
    return () => {
      removed ??= this.unsubscribe(channel, subscription);
      return removed;
    };
  }

  /** Sets the handler that answers other processes' requests (one per bus); returns its remover. */
  onRequest(handler: RequestHandler): () => void {
    if (this.requestHandler) throw new Error('a request handler is already set');
    this.requestHandler = handler;
    return () => {
      if (this.requestHandler === handler) this.requestHandler = undefined;
    };
  }

  /**
   * Sends `payload` to process `target` and resolves with its handler's answer. Rejects with
   * ClusterUnavailable (at once while down, or when the bus goes down before the answer),
   * ClusterNoRecipient (no such process listening), ClusterRequestTimeout, or ClusterRemoteError
   * (the handler threw).
   */
  request(target: string, payload: Uint8Array, options: { timeoutMs: number }): Promise<Uint8Array> {
    if (this.closing) return Promise.reject(new ClusterUnavailable('the cluster bus is closed'));
    if (this.current === 'down') {
      return Promise.reject(new ClusterUnavailable(`Redis at ${this.where} is not reachable`));
    }
    const id = this.nextRequestId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ClusterRequestTimeout(target, options.timeoutMs));
      }, options.timeoutMs);
      this.pending.set(id, { target, resolve, reject, timer });
      const frame = encodeFrame({ kind: FrameKind.Request, from: this.processId, id, payload });
      this.send(processChannel(target), frame).then(
        (receivers) => {
          if (receivers === 0) this.settle(id, (request) => request.reject(new ClusterNoRecipient(target)));
        },
        (error: Error) => this.settle(id, (request) => request.reject(error)),
      );
    });
  }

  /** Stops both connections; pending requests reject with ClusterUnavailable. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.lagTimer);
      this.statusListeners.clear();
      this.current = 'down';
      this.rejectPending(new ClusterUnavailable('the cluster bus is closed'));
      await Promise.all([disconnect(this.subscriber), disconnect(this.publisher)]);
    })();
    return this.closing;
  }

  /** Subscribes on the subscriber connection if it is ready; otherwise `resubscribe` will. */
  private async subscribeInRedis(channels: string[]): Promise<void> {
    if (this.subscriber.status !== 'ready') return;
    try {
      await this.subscriber.subscribe(...channels);
    } catch {
      // The connection dropped meanwhile: the channel stays in the map and is subscribed on `ready`.
    }
  }

  private async unsubscribe(channel: string, subscription: Subscription): Promise<void> {
    const entry = this.channels.get(channel);
    if (!entry?.subscriptions.delete(subscription) || entry.subscriptions.size > 0) return;
    this.channels.delete(channel);
    if (this.closing || this.subscriber.status !== 'ready') return;
    try {
      await this.subscriber.unsubscribe(channel);
    } catch {
      // Down: a new connection subscribes only the channels still in the map.
    }
  }

  /** On every subscriber `ready`: subscribe our channel and every handler's, then count as live. */
  private async resubscribe(): Promise<void> {
    const generation = ++this.subscriberGeneration;
    try {
      await this.subscriber.subscribe(this.channel, ...this.channels.keys());
    } catch (error) {
      this.lastError ??= (error as Error).message;
      return;
    }
    if (generation !== this.subscriberGeneration || this.closing) return;
    this.subscriberLive = true;
    this.refreshStatus();
  }

  private refreshStatus(): void {
    if (this.closing) return;
    const next: ClusterStatus = this.subscriberLive && this.publisher.status === 'ready' ? 'up' : 'down';
    if (next === this.current) return;
    this.current = next;
    if (next === 'down') {
      this.lag = undefined;
      this.probe = undefined;
      this.rejectPending(new ClusterUnavailable(`lost the connection to Redis at ${this.where}`));
      this.log('warn', 'cluster bus down', { processId: this.processId, redis: this.where });
    } else {
      this.log('info', 'cluster bus up', {
        processId: this.processId,
        redis: this.where,
        ...(this.lastError ? { lastError: this.lastError } : {}),
      });
      this.lastError = undefined;
      this.sendProbe();
    }
    for (const listener of [...this.statusListeners]) {
      try {
        listener(next);
      } catch (error) {
        this.log('error', 'cluster status listener threw', { processId: this.processId, error });
      }
    }
  }

  /** PUBLISH without queueing: rejects at once unless the publisher is ready, and when it drops. */
  private send(channel: string, payload: Uint8Array): Promise<number> {
    if (this.closing) return Promise.reject(new ClusterUnavailable('the cluster bus is closed'));
    if (this.publisher.status !== 'ready') {
      return Promise.reject(new ClusterUnavailable(`Redis at ${this.where} is not reachable`));
    }
    const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
    return new Promise<number>((resolve, reject) => {
      this.inFlight.add(reject);
      this.publisher.publish(channel, bytes).then(
        (receivers) => {
          this.inFlight.delete(reject);
          resolve(receivers);
        },
        (error: Error) => {
          this.inFlight.delete(reject);
          reject(
            new ClusterUnavailable(`publish to Redis at ${this.where} failed: ${error.message}`, { cause: error }),
          );
        },
      );
    });
  }

  private receive(channelBytes: Buffer, message: Buffer): void {
    const channel = channelBytes.toString();
    if (channel === this.channel) {
      this.receiveFrame(message);
      return;
    }
    const entry = this.channels.get(channel);
    if (!entry) return;
    const payload = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
    for (const { handler } of [...entry.subscriptions]) {
      try {
        handler(payload);
      } catch (error) {
        this.log('error', 'cluster message handler threw', { processId: this.processId, channel, error });
      }
    }
  }

  private receiveFrame(message: Buffer): void {
    let frame: ProcessFrame;
    try {
      frame = decodeFrame(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    } catch (error) {
      this.log('warn', 'cluster frame dropped', { processId: this.processId, bytes: message.byteLength, error });
      return;
    }
    switch (frame.kind) {
      case FrameKind.Request:
        void this.answer(frame.from, frame.id, frame.payload);
        return;
      case FrameKind.Reply:
      case FrameKind.Failure: {
        const request = this.pending.get(frame.id);
        // A late answer (timed out) or one from another process than asked: nobody waits for it.
        if (!request || request.target !== frame.from) return;
        this.settle(frame.id, (pending) =>
          frame.kind === FrameKind.Reply
            ? pending.resolve(frame.payload)
            : pending.reject(new ClusterRemoteError(frame.from, frame.message)),
        );
        return;
      }
      case FrameKind.Probe:
        if (frame.from === this.processId && this.probe?.id === frame.id) {
          this.lag = performance.now() - this.probe.sentAt;
          this.probe = undefined;
        }
        return;
    }
  }

  private async answer(from: string, id: number, payload: Uint8Array): Promise<void> {
    let frame: ProcessFrame;
    try {
      if (!this.requestHandler) throw new Error(`process ${this.processId} answers no requests`);
      const reply = await this.requestHandler(payload, from);
      frame = { kind: FrameKind.Reply, from: this.processId, id, payload: reply };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      frame = { kind: FrameKind.Failure, from: this.processId, id, message };
    }
    try {
      await this.send(processChannel(from), encodeFrame(frame));
    } catch (error) {
      // The requester times out (or learns 'down' itself); nothing else to do here.
      this.log('warn', 'cluster answer not sent', { processId: this.processId, to: from, error });
    }
  }

  private sendProbe(): void {
    if (this.current !== 'up') return;
    // An unanswered probe is waited for (lagMs reports its growing age) until it comes back, the
    // bus goes down, or it is so old that it must have been lost: then its age is the lag.
    if (this.probe) {
      const age = performance.now() - this.probe.sentAt;
      if (age < PROBE_GIVE_UP_MS) return;
      this.lag = age;
    }
    const id = this.nextProbeId++;
    this.probe = { id, sentAt: performance.now() };
    this.send(this.channel, encodeFrame({ kind: FrameKind.Probe, from: this.processId, id })).catch(() => {
      // Down: refreshStatus clears the probe.
    });
  }

  private settle(id: number, outcome: (request: PendingRequest) => void): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    clearTimeout(request.timer);
    outcome(request);
  }

  private rejectPending(error: ClusterUnavailable): void {
    for (const id of [...this.pending.keys()]) this.settle(id, (request) => request.reject(error));
  }
}

/** Closes a connection without QUIT (pub/sub has nothing to flush) and waits until it has ended. */
function disconnect(client: Redis): Promise<void> {
  if (client.status === 'end') return Promise.resolve();
  return new Promise((resolve) => {
    client.once('end', () => resolve());
    client.disconnect();
  });
}
