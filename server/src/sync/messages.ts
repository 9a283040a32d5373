/**
 * The y-websocket wire protocol, as the stock `y-websocket` client speaks it: small, pure
 * encode/decode functions over lib0 encoding and y-protocols. Nothing here touches a socket,
 * a store or a clock.
 *
 * Every websocket frame is one binary message: a varUint message type, then its payload.
 *
 *   type 0 sync       varUint sub-type, then varUint8Array payload
 *                       0 step 1   the sender's state vector ("what I have")
 *                       1 step 2   the updates the receiver lacks (answer to a step 1)
 *                       2 update   an incremental Yjs update (a local edit)
 *   type 1 awareness  varUint8Array: y-protocols awareness update (who is here, cursors)
 *   type 3 query awareness  no payload: "send me every awareness state"
 *   type 100 refused  varString JSON { reason, sections, path?, limit? } — server → client
 *                     only: the client's last document update was refused (docs/workshop.md
 *                     W2/W4, bounds of issue 9). Encoded and decoded by shared's codec
 *                     (shared/src/protocol/refusal.ts), which the client reads with too.
 *
 * Flow for one connection to /ws/<caseId>:
 *
 *   server → client  sync step 1 (server's state vector) and, if anyone is present,
 *                    awareness (all states)
 *   client → server  sync step 1 (client's state vector)  → server answers sync step 2
 *   client → server  sync step 2 (what the server lacks: offline edits)
 *   client → server  sync update for every local edit
 *   client → server  awareness update when its presence changes
 *
 * A step 2 or update from a client is validated, applied to the CaseDocument, committed to
 * the store, and only then relayed as a sync update to the other connections (CaseDocument).
 * Before that, an update that touches the workshop record, a section locked for the
 * sender's role, or something untraceable is refused: not applied, stored or relayed; the
 * sender gets a type 100 message and stays connected (Connection, access/updateGuard.ts).
 * Awareness updates are applied and relayed to every connection. Anything that does not
 * decode exactly — a truncated frame, trailing bytes, an unknown type, an update Yjs cannot
 * read — is a MalformedMessageError, and the connection that sent it is closed (Connection).
 */

import { CONNECTION_BOUNDS, type DecodedUpdate, MESSAGE_REFUSED } from '@caseroom/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { scanUpdate, type UpdateScan } from './structCount.ts';

/** The top-level message types of the y-websocket protocol. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Custom (server → client): a document update was refused (shared's `encodeRefusal`). */
  Refused: MESSAGE_REFUSED,
} as const;

/** The sub-types of a sync message (y-protocols/sync). */
export const SyncMessageType = {
  Step1: syncProtocol.messageYjsSyncStep1,
  Step2: syncProtocol.messageYjsSyncStep2,
  Update: syncProtocol.messageYjsUpdate,
} as const;

/** A message from a client, decoded but not yet applied. */
export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /** A sync step 2 or update with more structs than MAX_STRUCTS_PER_UPDATE: not decoded. */
  | { kind: 'oversizedUpdate'; structs: number }
  | { kind: 'syncStep2'; update: Uint8Array; decoded: DecodedUpdate }
  | { kind: 'update'; update: Uint8Array; decoded: DecodedUpdate }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' };

/** A message that does not follow the protocol; the connection that sent it is closed. */
export class MalformedMessageError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'MalformedMessageError';
  }
}

/** Decodes one frame from a client. Throws MalformedMessageError if it is not exactly one valid message. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const message = readMessage(decoder);
  if (decoding.hasContent(decoder)) {
    throw new MalformedMessageError(`trailing bytes after a ${message.kind} message`);
  }
  return message;
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = read(decoder, decoding.readVarUint, 'message type');
  switch (type) {
    case MessageType.Sync: {
      const subType = read(decoder, decoding.readVarUint, 'sync message type');
      const payload = read(decoder, decoding.readVarUint8Array, 'sync payload');
      switch (subType) {
        case SyncMessageType.Step1:
          validateStateVector(payload);
          return { kind: 'syncStep1', stateVector: payload };
        case SyncMessageType.Step2:
        case SyncMessageType.Update: {
          const scan = scanPayload(payload);
          if (scan.structs > CONNECTION_BOUNDS.maxStructsPerUpdate || scan.deleteRanges > MAX_DELETE_RANGES) {
            return { kind: 'oversizedUpdate', structs: scan.structs };
          }
          // An honest encoder writes each client once; Yjs would apply only the last block.
          if (scan.repeatedClient) throw new MalformedMessageError('a client appears twice in the update');
          const kind = subType === SyncMessageType.Step2 ? 'syncStep2' : 'update';
          return { kind, update: payload, decoded: decodeUpdate(payload) };
        }
        default:
          throw new MalformedMessageError(`unknown sync message type ${subType}`);
      }
    }
    case MessageType.Awareness:
      return { kind: 'awareness', update: read(decoder, decoding.readVarUint8Array, 'awareness payload') };
    case MessageType.QueryAwareness:
      return { kind: 'queryAwareness' };
    default:
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
}

function read<T>(decoder: decoding.Decoder, reader: (decoder: decoding.Decoder) => T, what: string): T {
  try {
    return reader(decoder);
  } catch (cause) {
    throw new MalformedMessageError(`could not read the ${what}`, { cause });
  }
}

function validateStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(stateVector);
  } catch (cause) {
    throw new MalformedMessageError('invalid state vector', { cause });
  }
}

/**
 * Parses the whole update before it is applied: Yjs integrates an update's structs before it
 * reads its delete set, so a truncated update could otherwise be half applied before it throws.
 * The write guard decides from the decoded structs and delete set.
 */
/** Delete ranges one update may carry (a long-lived case's whole delete set fits many times). */
const MAX_DELETE_RANGES = 200_000;

function scanPayload(update: Uint8Array): UpdateScan {
  try {
    return scanUpdate(update, CONNECTION_BOUNDS.maxStructsPerUpdate);
  } catch (cause) {
    throw new MalformedMessageError('invalid Yjs update', { cause });
  }
}

function decodeUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (cause) {
    throw new MalformedMessageError('invalid Yjs update', { cause });
  }
}

/**
 * Whether a frame is a document update (sync step 2 or update), read from its first two bytes
 * without decoding it: an observer's updates are dropped before any work is spent on them.
 */
export function isDocumentUpdateFrame(frame: Uint8Array): boolean {
  return frame[0] === MessageType.Sync && (frame[1] === SyncMessageType.Step2 || frame[1] === SyncMessageType.Update);
}

/** [sync, step 1, the document's state vector]: "here is what I have". */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** [sync, step 2, what a peer with this state vector lacks]. Throws MalformedMessageError for a bad vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  try {
    syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  } catch (cause) {
    throw new MalformedMessageError('invalid state vector', { cause });
  }
  return encoding.toUint8Array(encoder);
}

/** [sync, update, an incremental update] to relay an accepted change. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** [awareness, the states of these clients]. */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
