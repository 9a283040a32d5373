import { CloseCode, canEdit, type Party } from '@caseroom/shared';
import WebSocket from 'ws';
import { stampParty } from '../access/presence.ts';
import { refuseUpdate } from '../access/updateGuard.ts';
import type { CaseDocument, DocumentConnection } from '../documents/CaseDocument.ts';
import type { Log } from '../log.ts';
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from '../sync/awarenessUpdate.ts';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeRefusal,
  encodeSyncStep1,
  encodeSyncStep2,
} from '../sync/messages.ts';

/** Refusals logged per connection; the sender is told about every one (message type 100). */
const MAX_REFUSAL_LOG_LINES = 100;

/** Who is on the other end of a connection: the party its token names, and that token's hash. */
export type ConnectionIdentity = { party: Party; tokenHash: string };

/**
 * One websocket talking to one CaseDocument. Messages are handled one at a time, in the order
 * they arrive (everything below is synchronous). A message that does not follow the protocol
 * closes this connection with MalformedMessage and one log line; the document and every other
 * connection carry on.
 *
 * Access (docs/access.md): the connection knows the party its token names. An observer's
 * document updates (sync step 2, update) are dropped without closing (A7); every awareness
 * state it sends is stamped with its party, and only for awareness ids it controls (A8).
 * Every other update is checked before it is applied (docs/workshop.md W2, W4): one that
 * touches the workshop record, or a section locked for this role, is refused — not applied,
 * stored or relayed — and the sender gets a type 100 message; the connection stays open.
 */
export class Connection implements DocumentConnection {
  /** The party whose changes this connection carries (DocumentConnection.partyId). */
  get partyId(): string {
    return this.identity.party.id;
  }

  private closed = false;
  private droppedUpdates = 0;
  private refusedUpdates = 0;

  constructor(
    readonly id: string,
    private readonly socket: WebSocket,
    private readonly document: CaseDocument,
    private readonly log: Log,
    readonly identity: ConnectionIdentity,
  ) {}

  /** The case this connection is joined to. */
  get caseId(): string {
    return this.document.id;
  }

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
        if (!canEdit(this.identity.party.role)) {
          this.dropUpdate();
          return;
        }
        if (this.refused(message.update)) return;
        this.document.applyUpdate(message.update, this);
        return;
      case 'awareness':
        this.applyAwareness(message.update);
        return;
      case 'queryAwareness': {
        const awareness = this.document.awarenessMessage();
        if (awareness) this.send(awareness);
        return;
      }
    }
  }

  /** A8: keep only entries for awareness ids this connection controls, stamp its party on them. */
  private applyAwareness(update: Uint8Array): void {
    const own = decodeAwarenessUpdate(update).filter((entry) => {
      const owner = this.document.awarenessOwner(entry.clientId);
      return owner === undefined || owner === this;
    });
    if (own.length === 0) return;
    this.document.applyAwarenessUpdate(encodeAwarenessUpdate(stampParty(own, this.identity.party)), this);
  }

  /** W2/W4: refuses an update the sender's role may not make; tells the sender (type 100). */
  private refused(update: Uint8Array): boolean {
    const refusal = refuseUpdate(this.document.doc, update, this.identity.party.role);
    if (!refusal) return false;
    // One line per refusal, up to a cap per connection: a modified client could fill the log.
    if (++this.refusedUpdates <= MAX_REFUSAL_LOG_LINES) {
      this.log('warn', 'document update refused', {
        caseId: this.document.id,
        connectionId: this.id,
        partyId: this.identity.party.id,
        reason: refusal.reason,
        sections: refusal.sections,
        ...(this.refusedUpdates === MAX_REFUSAL_LOG_LINES
          ? { note: 'further refusals on this connection are not logged' }
          : {}),
      });
    }
    this.send(encodeRefusal(refusal));
    return true;
  }

  /** A7: an observer's change is neither applied, stored nor relayed; the connection stays open. */
  private dropUpdate(): void {
    // One line per connection: a modified client could otherwise fill the log.
    if (this.droppedUpdates++ === 0) {
      this.log('info', 'document update from an observer dropped', {
        caseId: this.document.id,
        connectionId: this.id,
        partyId: this.identity.party.id,
      });
    }
  }
}
