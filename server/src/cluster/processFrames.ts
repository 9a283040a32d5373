/**
 * The frames processes send each other on their own channels (`caseroom:p:<processId>`):
 * small, pure encode/decode functions over lib0 encoding. Nothing here touches Redis or a clock.
 *
 * Every frame is one Redis pub/sub message, binary:
 *
 *   varUint   kind        0 request | 1 reply | 2 failure | 3 probe
 *   varString from        the sending process's id
 *   varUint   id          request: the requester's correlation id; reply/failure: the id of the
 *                         request it answers; probe: the prober's sequence number
 *   then by kind:
 *     request  varUint8Array  payload
 *     reply    varUint8Array  payload
 *     failure  varString      the error message of the handler that threw
 *     probe    (nothing)
 *
 * Flow: A publishes a request on B's channel; B's handler runs and B publishes a reply (or a
 * failure) with the same id on A's channel. A probe is published by a process on its own
 * channel and timed until it comes back (the bus's lag). A frame that does not decode exactly —
 * truncated, trailing bytes, unknown kind, a sender id out of bounds — is a MalformedFrameError;
 * the receiver drops it.
 */

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The kinds of frame on a process channel. */
export const FrameKind = {
  Request: 0,
  Reply: 1,
  Failure: 2,
  Probe: 3,
} as const;

/** Longest process id a frame may carry (ids are short: host name, pid, random suffix). */
export const MAX_PROCESS_ID_LENGTH = 200;
/** Longest failure message sent back; longer ones are cut (a stack trace is not a message). */
export const MAX_FAILURE_MESSAGE_LENGTH = 1_000;

/** One decoded process-channel frame. */
export type ProcessFrame =
  | { kind: typeof FrameKind.Request; from: string; id: number; payload: Uint8Array }
  | { kind: typeof FrameKind.Reply; from: string; id: number; payload: Uint8Array }
  | { kind: typeof FrameKind.Failure; from: string; id: number; message: string }
  | { kind: typeof FrameKind.Probe; from: string; id: number };

/** A frame that is not exactly one well-formed process frame. */
export class MalformedFrameError extends Error {
  constructor(reason: string) {
    super(`malformed cluster frame: ${reason}`);
    this.name = 'MalformedFrameError';
  }
}

/** Encodes one frame (the failure message cut to MAX_FAILURE_MESSAGE_LENGTH). */
export function encodeFrame(frame: ProcessFrame): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, frame.kind);
  encoding.writeVarString(encoder, frame.from);
  encoding.writeVarUint(encoder, frame.id);
  switch (frame.kind) {
    case FrameKind.Request:
    case FrameKind.Reply:
      encoding.writeVarUint8Array(encoder, frame.payload);
      break;
    case FrameKind.Failure:
      encoding.writeVarString(encoder, frame.message.slice(0, MAX_FAILURE_MESSAGE_LENGTH));
      break;
    case FrameKind.Probe:
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes one frame; throws MalformedFrameError unless the bytes are exactly one frame. */
export function decodeFrame(bytes: Uint8Array): ProcessFrame {
  const decoder = decoding.createDecoder(bytes);
  let frame: ProcessFrame;
  try {
    const kind = decoding.readVarUint(decoder);
    const from = decoding.readVarString(decoder);
    const id = decoding.readVarUint(decoder);
    if (from.length === 0 || from.length > MAX_PROCESS_ID_LENGTH) throw new MalformedFrameError('sender id');
    switch (kind) {
      case FrameKind.Request:
      case FrameKind.Reply:
        frame = { kind, from, id, payload: decoding.readVarUint8Array(decoder) };
        break;
      case FrameKind.Failure:
        frame = { kind, from, id, message: decoding.readVarString(decoder) };
        break;
      case FrameKind.Probe:
        frame = { kind, from, id };
        break;
      default:
        throw new MalformedFrameError(`unknown kind ${kind}`);
    }
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError(error instanceof Error ? error.message : String(error));
  }
  if (decoding.hasContent(decoder)) throw new MalformedFrameError('trailing bytes');
  return frame;
}
