import { CloseCode } from '@caseroom/shared';
import type { Log } from '../log.ts';
import type { CaseOwnership } from './CaseOwnership.ts';
import type { ClusterBus } from './ClusterBus.ts';
import { RemoteSocket } from './RemoteSocket.ts';
import {
  decodeJson,
  decodeTunnelFrame,
  encodeJson,
  encodeTunnelFrame,
  type ForwardedRequest,
  type ForwardedResponse,
  HEARTBEAT_CHANNEL,
  type OwnerRequest,
  processOf,
  type TunnelOpen,
  type TunnelOpened,
  tunnelChannel,
} from './tunnelFrames.ts';

/** How often a process says it is alive. */
export const HEARTBEAT_MS = 1_000;
/** A process not heard from for this long is gone: its browsers' connections and presence go. */
export const PROCESS_GONE_MS = 4_000;
/** How long a follower waits for the owner to admit a connection or answer a request. */
export const OWNER_TIMEOUT_MS = 5_000;

/** The owner's side of one tunnelled connection: frames in, and how to drop it. */
export type HostedConnection = {
  receive(message: Uint8Array): void;
  /** The browser's socket closed (its process said so, or the process is gone). */
  detach(): void;
};

/** The follower's side of one tunnel: where the owner's frames go. */
export type TunnelEnd = {
  deliver(message: Uint8Array): void;
  close(code: number, reason: string): void;
};

/**
 * This process's place in a cluster of Caseroom processes sharing one database and one Redis
 * (issue 14). A case is decided on by one owner (`CaseOwnership`); a browser that reached
 * another process — a follower — is tunnelled to it: the follower checks the link (the
 * database is shared), relays the browser's frames to the owner, and the owner runs the
 * connection as its own (`RemoteSocket`): guard, presence, sync answers, relaying after commit.
 * HTTP requests that change a case are forwarded to its owner the same way.
 *
 * Liveness: every process announces itself each second; one not heard from for four seconds is
 * gone — an owner drops the connections tunnelled from it (their presence leaves every room),
 * a follower closes the browsers tunnelled to it (they reconnect, and the case is taken over
 * when the dead owner's lease runs out).
 */
export class ClusterNode {
  readonly processId: string;
  /** Connections hosted here for browsers on other processes, by connection id. */
  private readonly hosted = new Map<string, HostedConnection>();
  /** Tunnels from here to owners, by connection id. */
  private readonly tunnels = new Map<string, { ownerId: string; end: TunnelEnd }>();
  private readonly lastSeen = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private admit: ((request: TunnelOpen, socket: RemoteSocket) => Promise<TunnelOpened>) | undefined;
  private serveHttp: ((request: ForwardedRequest) => Promise<ForwardedResponse>) | undefined;
  private unsubscribes: (() => Promise<void>)[] = [];
  private closed = false;

  private constructor(
    readonly bus: ClusterBus,
    readonly ownership: CaseOwnership,
    private readonly log: Log,
  ) {
    this.processId = ownership.processId;
    this.timer = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Joins the cluster: listens on this process's tunnel channel, the heartbeats and owner requests. */
  static async join(bus: ClusterBus, ownership: CaseOwnership, log: Log): Promise<ClusterNode> {
    const node = new ClusterNode(bus, ownership, log);
    node.unsubscribes.push(
      await bus.subscribe(tunnelChannel(node.processId), (bytes) => node.onTunnelFrame(bytes)),
      await bus.subscribe(HEARTBEAT_CHANNEL, (bytes) => node.onHeartbeat(bytes)),
    );
    const stopAnswering = bus.onRequest((payload, from) => node.answer(payload, from));
    node.unsubscribes.push(async () => stopAnswering());
    node.beat();
    return node;
  }

  /** How the owner admits a tunnelled connection (the transport's). */
  setAdmitter(admit: (request: TunnelOpen, socket: RemoteSocket) => Promise<TunnelOpened>): void {
    this.admit = admit;
  }

  /** How the owner runs a forwarded HTTP request (the HTTP app's). */
  setHttpServer(serve: (request: ForwardedRequest) => Promise<ForwardedResponse>): void {
    this.serveHttp = serve;
  }

  /** Follower: asks the owner to admit a connection; `end` receives its frames until closed. */
  async openTunnel(ownerId: string, request: TunnelOpen, end: TunnelEnd): Promise<TunnelOpened> {
    this.tunnels.set(request.connId, { ownerId, end });
    try {
      const answer = decodeJson<TunnelOpened>(
        await this.bus.request(ownerId, encodeJson(request), { timeoutMs: OWNER_TIMEOUT_MS }),
      );
      if (!answer.ok) this.tunnels.delete(request.connId);
      // It answered: it is alive, whether or not its first heartbeat has reached us yet.
      else this.lastSeen.set(ownerId, Date.now());
      return answer;
    } catch (error) {
      this.tunnels.delete(request.connId);
      throw error;
    }
  }

  /** Follower: one frame from the browser to the owner. */
  forward(connId: string, message: Uint8Array): Promise<void> {
    const tunnel = this.tunnels.get(connId);
    if (!tunnel) return Promise.resolve();
    return this.bus.publish(tunnelChannel(tunnel.ownerId), encodeTunnelFrame({ kind: 'frame', connId, message }));
  }

  /** Follower: the browser's socket closed; the owner drops the connection. */
  closeTunnel(connId: string): void {
    const tunnel = this.tunnels.get(connId);
    if (!tunnel) return;
    this.tunnels.delete(connId);
    this.bus
      .publish(tunnelChannel(tunnel.ownerId), encodeTunnelFrame({ kind: 'close', connId, code: 0, reason: '' }))
      .catch(() => {
        // The owner learns it when this process's heartbeats stop, or drops it with its case.
      });
  }

  /** Follower: forwards an HTTP request to the case's owner and returns its answer. */
  async forwardHttp(ownerId: string, request: ForwardedRequest): Promise<ForwardedResponse> {
    return decodeJson<ForwardedResponse>(
      await this.bus.request(ownerId, encodeJson(request), { timeoutMs: OWNER_TIMEOUT_MS * 2 }),
    );
  }

  /** Whether a process has been heard from lately (this process always is). */
  isAlive(processId: string): boolean {
    if (processId === this.processId) return true;
    const seen = this.lastSeen.get(processId);
    return seen !== undefined && Date.now() - seen < PROCESS_GONE_MS;
  }

  /** Leaves the cluster: stops beating and listening; tunnels and hosted connections are dropped. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const unsubscribe of this.unsubscribes.splice(0)) await unsubscribe().catch(() => undefined);
    this.admit = undefined;
    for (const [connId, tunnel] of [...this.tunnels]) {
      this.tunnels.delete(connId);
      tunnel.end.close(CloseCode.ServiceRestart, 'server restarting');
    }
    // The browsers tunnelled here are told to reconnect; they reach a process that takes the case over.
    const told = [...this.hosted].map(([connId]) =>
      this.bus
        .publish(
          tunnelChannel(processOf(connId)),
          encodeTunnelFrame({ kind: 'close', connId, code: CloseCode.ServiceRestart, reason: 'server restarting' }),
        )
        .catch(() => undefined),
    );
    for (const [connId, hosted] of [...this.hosted]) {
      this.hosted.delete(connId);
      hosted.detach();
    }
    await Promise.all(told);
  }

  private async answer(payload: Uint8Array, from: string): Promise<Uint8Array> {
    const request = decodeJson<OwnerRequest>(payload);
    if (request.kind === 'open') {
      if (!this.admit) throw new Error('this process admits no tunnelled connections');
      if (processOf(request.connId) !== from) throw new Error('a connection id names another process');
      const connId = request.connId;
      const socket = new RemoteSocket(
        (message) => this.bus.publish(tunnelChannel(from), encodeTunnelFrame({ kind: 'frame', connId, message })),
        (code, reason) => {
          const hosted = this.hosted.get(connId);
          this.hosted.delete(connId);
          hosted?.detach();
          this.bus
            .publish(tunnelChannel(from), encodeTunnelFrame({ kind: 'close', connId, code, reason }))
            .catch(() => undefined);
        },
      );
      // It asked: it is alive, whether or not its first heartbeat has reached us yet.
      this.lastSeen.set(from, Date.now());
      const opened = await this.admit(request, socket);
      return encodeJson(opened);
    }
    if (request.kind === 'http') {
      if (!this.serveHttp) throw new Error('this process serves no forwarded requests');
      return encodeJson(await this.serveHttp(request));
    }
    throw new Error('unknown request');
  }

  /** The owner registers a tunnelled connection once admitted (so frames reach it). */
  host(connId: string, connection: HostedConnection): void {
    this.hosted.set(connId, connection);
  }

  private onTunnelFrame(bytes: Uint8Array): void {
    const frame = decodeTunnelFrame(bytes);
    if (!frame || frame.kind === 'heartbeat') return;
    // Owner side: a frame from a browser on another process.
    const hosted = this.hosted.get(frame.connId);
    if (hosted) {
      if (frame.kind === 'frame') hosted.receive(frame.message);
      else {
        this.hosted.delete(frame.connId);
        hosted.detach();
      }
      return;
    }
    // Follower side: the owner's frame for a browser here.
    const tunnel = this.tunnels.get(frame.connId);
    if (!tunnel) return;
    if (frame.kind === 'frame') tunnel.end.deliver(frame.message);
    else {
      this.tunnels.delete(frame.connId);
      tunnel.end.close(frame.code, frame.reason);
    }
  }

  private onHeartbeat(bytes: Uint8Array): void {
    const frame = decodeTunnelFrame(bytes);
    if (frame?.kind !== 'heartbeat' || frame.processId === this.processId) return;
    this.lastSeen.set(frame.processId, Date.now());
  }

  /** Says this process is alive, and lets go of what depends on processes that are not. */
  private beat(): void {
    this.bus
      .publish(HEARTBEAT_CHANNEL, encodeTunnelFrame({ kind: 'heartbeat', processId: this.processId }))
      .catch(() => undefined);
    for (const [connId, hosted] of [...this.hosted]) {
      if (this.isAlive(processOf(connId))) continue;
      this.hosted.delete(connId);
      this.log('info', 'tunnelled connection dropped: its process is gone', { connectionId: connId });
      hosted.detach();
    }
    for (const [connId, tunnel] of [...this.tunnels]) {
      if (this.isAlive(tunnel.ownerId)) continue;
      this.tunnels.delete(connId);
      this.log('info', 'tunnel closed: the case owner is gone', { connectionId: connId, ownerId: tunnel.ownerId });
      // 1012 "service restart": the browser reconnects, and the case is taken over.
      tunnel.end.close(CloseCode.ServiceRestart, 'case owner gone');
    }
  }
}
