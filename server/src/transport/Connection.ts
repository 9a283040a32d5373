import { CloseCode } from '@caseroom/shared';
import WebSocket from 'ws';
import type { CaseDocument, DocumentConnection } from '../documents/CaseDocument.ts';
import type { Log } from '../log.ts';
import { type ClientMessage, decodeClientMessage, encodeSyncStep1, encodeSyncStep2 } from '../sync/messages.ts';

/**
 * One websocket talking to one CaseDocument. Messages are handled one at a time, in the order
 * they arrive (everything below is synchronous). A message that does not follow the protocol
 * closes this connection with MalformedMessage and one log line; the document and every other
 * connection carry on.
 */
export class Connection implements DocumentConnection {
  private closed = false;

  constructor(
    readonly id: string,
    private readonly socket: WebSocket,
    private readonly document: CaseDocument,
    private readonly log: Log,
  ) {}

  /** Joins the document and starts the sync: the server's state vector, then who is present. */
  start(): void {
    this.document.addConnection(this);
    this.send(encodeSyncStep1(this.document.doc));
    const awareness = this.document.awarenessMessage();
    if (awareness) this.send(awareness);
  }

  /** Handles one frame from the client. */
  receive(frame: Uint8Array, isBinary: boolean): void {
    if (this.closed) return;
    try {
      if (!isBinary) throw new Error('text frame (the protocol is binary)');
      this.handle(decodeClientMessage(frame));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log('warn', 'closing connection: malformed message', {
        caseId: this.document.id,
        connectionId: this.id,
        reason,
      });
      this.close(CloseCode.MalformedMessage, 'malformed message');
    }
  }

  /** Sends one message if the socket is open; a failed send closes the connection. */
  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(message, (error) => {
      if (error) this.close(CloseCode.GoingAway, 'send failed');
    });
  }

  /** Leaves the document and closes the socket with a named close code (idempotent). */
  close(code: number, reason: string): void {
    this.detach();
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  /** The socket closed from the other side: leave the document. */
  detach(): void {
    if (this.closed) return;
    this.closed = true;
    this.document.removeConnection(this);
  }

  private handle(message: ClientMessage): void {
    switch (message.kind) {
      case 'syncStep1':
        this.send(encodeSyncStep2(this.document.doc, message.stateVector));
        return;
      case 'syncStep2':
      case 'update':
        this.document.applyUpdate(message.update, this);
        return;
      case 'awareness':
        this.document.applyAwarenessUpdate(message.update, this);
        return;
      case 'queryAwareness': {
        const awareness = this.document.awarenessMessage();
        if (awareness) this.send(awareness);
        return;
      }
    }
  }
}
