import type { ConnectionSocket } from '../transport/Connection.ts';

/** ws's readyState values. */
const OPEN = 1;
const CLOSED = 3;

/**
 * The socket of a connection whose browser is connected to another process (issue 14): the
 * owner runs the connection as if the socket were its own — guard, presence, sync answers —
 * and everything it sends or closes goes back to that process through the bus (`send` and
 * `close` below). How full the browser's buffer is only the follower knows: it cuts a slow
 * reader off itself, so here nothing is ever buffered.
 */
export class RemoteSocket implements ConnectionSocket {
  readyState: number = OPEN;
  readonly bufferedAmount = 0;

  constructor(
    /** Sends one message to the browser (through its process); rejects when the bus is down. */
    private readonly deliver: (message: Uint8Array) => Promise<void>,
    /** Closes the browser's socket with this code (through its process). */
    private readonly hangUp: (code: number, reason: string) => void,
  ) {}

  send(data: Uint8Array, callback: (error?: Error) => void): void {
    if (this.readyState !== OPEN) return;
    this.deliver(data).then(
      () => callback(),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  close(code?: number, reason?: string): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.hangUp(code ?? 1000, reason ?? '');
  }

  /** The browser's process closed it: nothing more is sent. */
  closedRemotely(): void {
    this.readyState = CLOSED;
  }

  pause(): void {
    // The follower stops reading when it closes; the owner ignores the connection's frames once closed.
  }

  terminate(): void {
    this.close(1006, 'terminated');
  }
}
