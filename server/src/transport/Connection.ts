import {
  AWARENESS_BOUNDS,
  CloseCode,
  CONNECTION_BOUNDS,
  canEdit,
  type DecodedUpdate,
  encodeRefusal,
  MESSAGE_LINK_TOKEN,
  type Party,
} from '@caseroom/shared';
import WebSocket from 'ws';
import { checkPresenceState, stampParty } from '../access/presence.ts';
import { guardUpdate, RefusalReason, type UpdateRefusal } from '../access/updateGuard.ts';
import type { CaseDocument, DocumentConnection } from '../documents/CaseDocument.ts';
import type { Log } from '../log.ts';
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from '../sync/awarenessUpdate.ts';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  isDocumentUpdateFrame,
} from '../sync/messages.ts';
import { TokenBucket } from './rateLimit.ts';

/** Presence client ids one connection may introduce (a browser uses one per session). */
const MAX_PRESENCE_IDS_PER_CONNECTION = 16;

/** How long a cut-off connection has to finish its closing handshake. */
const CUT_OFF_GRACE_MS = 500;

/** Refusals logged per connection; the sender is told about every one (message type 100). */
const MAX_REFUSAL_LOG_LINES = 100;

/**
 * What a Connection needs of its socket: a `ws` WebSocket, or (issue 14) a socket whose client
 * is connected to another Caseroom process (`cluster/RemoteSocket.ts`).
 */
export type ConnectionSocket = {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Uint8Array, callback: (error?: Error) => void): void;
  close(code?: number, reason?: string): void;
  pause(): void;
  terminate(): void;
};

/** Who is on the other end of a connection: the party its token names, and that token's hash. */
export type ConnectionIdentity = { party: Party; tokenHash: string };

/** What one connection may send and be sent (defaults: CONNECTION_BOUNDS in shared). */
export type ConnectionLimits = {
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
  /** Milliseconds of server work one party may cause per second and in a burst (per case). */
  workMsPerSecond: number;
  workBurstMs: number;
  /** Sync step 1 requests (each answered with an encoding of the case). */
  syncRequestsPerSecond: number;
  syncRequestBurst: number;
  /** Bytes waiting in the socket's send buffer before the connection is closed as a slow consumer. */
  maxBufferedBytes: number;
};

/** The limits of issue 9, from the shared bounds table. */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  messagesPerSecond: CONNECTION_BOUNDS.messagesPerSecond,
  messageBurst: CONNECTION_BOUNDS.messageBurst,
  bytesPerSecond: CONNECTION_BOUNDS.bytesPerSecond,
  byteBurst: CONNECTION_BOUNDS.byteBurst,
  workMsPerSecond: CONNECTION_BOUNDS.workMsPerSecond,
  workBurstMs: CONNECTION_BOUNDS.workBurstMs,
  syncRequestsPerSecond: CONNECTION_BOUNDS.syncRequestsPerSecond,
  syncRequestBurst: CONNECTION_BOUNDS.syncRequestBurst,
  maxBufferedBytes: CONNECTION_BOUNDS.maxBufferedBytes,
};

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
  private droppedPresence = 0;
  private refusedPresence = 0;
  private presenceIdsBound = 0;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly syncRequests: TokenBucket;

  constructor(
    readonly id: string,
    private readonly socket: ConnectionSocket,
    private readonly document: CaseDocument,
    private readonly log: Log,
    readonly identity: ConnectionIdentity,
    private readonly limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
    /** The server work this party may cause in this case, shared by its connections. */
    private readonly work: TokenBucket = new TokenBucket(limits.workMsPerSecond, limits.workBurstMs),
  ) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
    this.syncRequests = new TokenBucket(limits.syncRequestsPerSecond, limits.syncRequestBurst);
  }

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
    // Bounds first, before any decoding: a sender over its rate is cut off alone.
    const overRate = !this.messages.take(1) || !this.bytes.take(frame.length);
    if (overRate) {
      this.log('warn', 'closing connection: too many messages', {
        caseId: this.document.id,
        connectionId: this.id,
        partyId: this.identity.party.id,
      });
      this.cutOff(CloseCode.TooManyMessages, 'too many messages');
      return;
    }
    // A link-token message after admission (the token already came, in the URL or first): ignored.
    if (isBinary && frame[0] === MESSAGE_LINK_TOKEN) return;
    // A7: an observer's document update is dropped unread (its first two bytes say what it is,
    // in the shortest encoding; `handle` checks the role again for any other spelling).
    if (isDocumentUpdateFrame(frame) && !canEdit(this.identity.party.role)) {
      this.dropUpdate();
      return;
    }
    const started = performance.now();
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
    // Work done on this party's behalf: a party whose frames cost too much is cut off, however
    // small or spread out they are (each reconnection shares the party's budget).
    if (!this.work.spend(performance.now() - started) && !this.closed) {
      this.log('warn', 'closing connection: too much work', {
        caseId: this.document.id,
        connectionId: this.id,
        partyId: this.partyId,
      });
      this.cutOff(CloseCode.TooManyMessages, 'too much work');
    }
  }

  /** Sends one message if the socket is open; a failed send closes the connection. */
  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    // A reader that does not read would make the server buffer everything sent to it.
    // What is already waiting counts, not this message: one large answer (a big case's sync
    // step 2) always goes out; a reader that lets answers pile up does not get more.
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.log('warn', 'closing connection: slow consumer', {
        caseId: this.document.id,
        connectionId: this.id,
        bufferedBytes: this.socket.bufferedAmount,
      });
      // Its send buffer will not drain: do not wait long for a closing handshake.
      this.cutOff(CloseCode.SlowConsumer, 'slow consumer');
      return;
    }
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

  /**
   * Closes a connection that passed a bound: no more of its frames are read, and the socket is
   * cut if the other side does not finish the closing handshake soon (it may not be reading).
   */
  private cutOff(code: number, reason: string): void {
    this.close(code, reason);
    this.socket.pause();
    setTimeout(() => this.socket.terminate(), CUT_OFF_GRACE_MS).unref();
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
        // Four bytes that cost an encoding of the case: a bound of their own.
        if (!this.syncRequests.take(1)) {
          this.log('warn', 'closing connection: too many sync requests', {
            caseId: this.document.id,
            connectionId: this.id,
            partyId: this.partyId,
          });
          this.cutOff(CloseCode.TooManyMessages, 'too many sync requests');
          return;
        }
        this.send(encodeSyncStep2(this.document.doc, message.stateVector));
        return;
      case 'syncStep2':
      case 'update':
      case 'oversizedUpdate':
        if (!canEdit(this.identity.party.role)) {
          this.dropUpdate();
          return;
        }
        if (message.kind === 'oversizedUpdate') {
          this.refuse(
            { reason: RefusalReason.UpdateTooLarge, sections: [], limit: CONNECTION_BOUNDS.maxStructsPerUpdate },
            `more than ${CONNECTION_BOUNDS.maxStructsPerUpdate} structs`,
          );
          return;
        }
        this.applyUpdate(message.update, message.decoded);
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

  /**
   * A8 and issues 9–10: keep only entries for awareness ids this connection controls (not
   * another connection's, not another party's client id), within the bounds on entries per
   * connection and state size, whose state fits the presence schema (known keys, a name of at
   * most 80 characters, a palette colour); stamp its party on them; bind their client ids to its
   * party. An entry that does not fit is dropped — not applied, not relayed — and logged once
   * per connection; the connection stays open (an honest client never sends one).
   */
  private applyAwareness(update: Uint8Array): void {
    const controlled = this.document.awarenessIdsOf(this);
    let room = AWARENESS_BOUNDS.maxEntriesPerConnection - controlled.size;
    let overBound = 0;
    let invalid: string | undefined;
    const own = decodeAwarenessUpdate(update).filter((entry) => {
      const owner = this.document.awarenessOwner(entry.clientId);
      const party = this.document.clientOwner(entry.clientId);
      const mine = (owner === undefined || owner === this) && (party === undefined || party === this.partyId);
      const fits = entry.state === null || JSON.stringify(entry.state).length <= AWARENESS_BOUNDS.maxStateBytes;
      const isNew = !controlled.has(entry.clientId) && entry.state !== null;
      // Not its own: y-websocket relays every state it knows, others' included; drop those quietly.
      if (!mine) return false;
      if (!fits || (isNew && room <= 0)) {
        overBound++;
        return false;
      }
      const checked = checkPresenceState(entry.state);
      if (!checked.ok) {
        invalid ??= checked.problem;
        return false;
      }
      if (isNew) room--;
      return true;
    });
    if (invalid !== undefined && this.refusedPresence++ === 0) {
      this.log('warn', 'presence state refused', {
        caseId: this.document.id,
        connectionId: this.id,
        partyId: this.partyId,
        problem: invalid,
      });
    }
    if (overBound > 0 && this.droppedPresence++ === 0) {
      this.log('warn', 'presence entries over a bound dropped', {
        caseId: this.document.id,
        connectionId: this.id,
        partyId: this.partyId,
        dropped: overBound,
      });
    }
    if (own.length === 0) return;
    // Presence ids are bound to the party for good: a connection that keeps inventing new ones
    // (leaving and coming back under fresh ids) is not given more.
    const fresh = own.filter(
      (entry) => entry.state !== null && this.document.clientOwner(entry.clientId) === undefined,
    );
    this.presenceIdsBound += fresh.length;
    if (this.presenceIdsBound > MAX_PRESENCE_IDS_PER_CONNECTION) return;
    this.document.bindClientIds(
      own.filter((entry) => entry.state !== null).map((entry) => entry.clientId),
      this.partyId,
    );
    this.document.applyAwarenessUpdate(encodeAwarenessUpdate(stampParty(own, this.identity.party)), this);
  }

  /** Issue 9, W2/W4: the write guard decides from the decoded update; a refusal tells the sender (type 100). */
  private applyUpdate(update: Uint8Array, decoded: DecodedUpdate): void {
    const decision = guardUpdate(this.document.doc, decoded, update.length, {
      role: this.identity.party.role,
      partyId: this.partyId,
      clientOwner: (clientId) => this.document.clientOwner(clientId),
      storage: { usedBytes: this.document.storageUsed, quotaBytes: this.document.storageQuota },
    });
    if (!decision.accepted) {
      if (decision.refusal.reason === RefusalReason.QuotaExceeded) this.document.noteQuotaRefusal();
      this.refuse(decision.refusal, decision.detail);
      return;
    }
    // The guard's inspection already found the sections it touches: activity records those.
    this.document.applyUpdate(update, this, decision.roots);
    this.document.bindClientIds(decision.newClientIds, this.partyId);
  }

  /** Tells the sender its update was refused (type 100) and logs it (up to a cap per connection). */
  private refuse(refusal: UpdateRefusal, detail: string | undefined): void {
    // One line per refusal, up to a cap per connection: a modified client could fill the log.
    if (++this.refusedUpdates <= MAX_REFUSAL_LOG_LINES) {
      this.log('warn', 'document update refused', {
        caseId: this.document.id,
        connectionId: this.id,
        partyId: this.identity.party.id,
        reason: refusal.reason,
        sections: refusal.sections,
        ...(refusal.path ? { path: refusal.path, limit: refusal.limit } : {}),
        ...(detail ? { detail } : {}),
        ...(this.refusedUpdates === MAX_REFUSAL_LOG_LINES
          ? { note: 'further refusals on this connection are not logged' }
          : {}),
      });
    }
    this.send(encodeRefusal(refusal));
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
