/**
 * What travels between a follower (the process a browser's websocket reached) and the case's
 * owner (issue 14), on each process's tunnel channel `caseroom:t:<processId>`. Pure encode and
 * decode over lib0; nothing here touches Redis.
 *
 *   varUint   kind      0 frame | 1 close | 2 heartbeat
 *   varString connId    "<follower process id>/<connection id>" (heartbeat: the sender's process id)
 *   frame:    varUint8Array  one websocket message, as the browser sent it or as it is to receive it
 *   close:    varUint code, varString reason  (owner → follower: close the browser's socket so;
 *             follower → owner: the browser's socket closed, code 0)
 *
 * Opening a tunnel is a request on the bus (`TunnelOpen`, JSON): the owner admits the connection
 * to its document and answers `TunnelOpened`.
 */
import type { Party } from '@caseroom/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The channel a process reads tunnel frames on. */
export function tunnelChannel(processId: string): string {
  return `caseroom:t:${processId}`;
}

/** The channel every process announces itself on (liveness of followers and owners). */
export const HEARTBEAT_CHANNEL = 'caseroom:alive';

/** The channel access changes travel on (a rotated link closes its connections on every process). */
export const ACCESS_CHANNEL = 'caseroom:access';

export const TunnelFrameKind = { Frame: 0, Close: 1, Heartbeat: 2 } as const;

export type TunnelFrame =
  | { kind: 'frame'; connId: string; message: Uint8Array }
  | { kind: 'close'; connId: string; code: number; reason: string }
  | { kind: 'heartbeat'; processId: string };

/** Longest connection id or process id a frame may carry. */
const MAX_ID_LENGTH = 300;
/** Longest close reason (a websocket close reason is at most 123 bytes). */
const MAX_REASON_LENGTH = 123;

export function encodeTunnelFrame(frame: TunnelFrame): Uint8Array {
  const encoder = encoding.createEncoder();
  switch (frame.kind) {
    case 'frame':
      encoding.writeVarUint(encoder, TunnelFrameKind.Frame);
      encoding.writeVarString(encoder, frame.connId);
      encoding.writeVarUint8Array(encoder, frame.message);
      break;
    case 'close':
      encoding.writeVarUint(encoder, TunnelFrameKind.Close);
      encoding.writeVarString(encoder, frame.connId);
      encoding.writeVarUint(encoder, frame.code);
      encoding.writeVarString(encoder, frame.reason.slice(0, MAX_REASON_LENGTH));
      break;
    case 'heartbeat':
      encoding.writeVarUint(encoder, TunnelFrameKind.Heartbeat);
      encoding.writeVarString(encoder, frame.processId);
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** The frame, or undefined for bytes that are not exactly one (dropped by the receiver). */
export function decodeTunnelFrame(bytes: Uint8Array): TunnelFrame | undefined {
  try {
    const decoder = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(decoder);
    const id = decoding.readVarString(decoder);
    if (id.length === 0 || id.length > MAX_ID_LENGTH) return undefined;
    let frame: TunnelFrame;
    if (kind === TunnelFrameKind.Frame) {
      frame = { kind: 'frame', connId: id, message: decoding.readVarUint8Array(decoder) };
    } else if (kind === TunnelFrameKind.Close) {
      const code = decoding.readVarUint(decoder);
      const reason = decoding.readVarString(decoder);
      if (reason.length > MAX_REASON_LENGTH) return undefined;
      frame = { kind: 'close', connId: id, code, reason };
    } else if (kind === TunnelFrameKind.Heartbeat) {
      frame = { kind: 'heartbeat', processId: id };
    } else {
      return undefined;
    }
    return decoding.hasContent(decoder) ? undefined : frame;
  } catch {
    return undefined;
  }
}

/** The process id in a connection id ("<process id>/<connection id>"). */
export function processOf(connId: string): string {
  return connId.slice(0, connId.indexOf('/'));
}

/** A follower asks the owner to admit a connection it has already checked (access is in the shared database). */
export type TunnelOpen = {
  kind: 'open';
  caseId: string;
  connId: string;
  party: Party;
  tokenHash: string;
  expiresAt?: number;
};

/** A follower asks the owner to run an HTTP request that changes the case (workshop, versions, exports). */
export type ForwardedRequest = {
  kind: 'http';
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body, base64. */
  body: string;
};

/** What a bus request to an owner may be. */
export type OwnerRequest = TunnelOpen | ForwardedRequest;

/** The owner's answer to `TunnelOpen`: admitted, or closed with this code (the case is gone, its store is failing). */
export type TunnelOpened = { ok: true } | { ok: false; code: number; reason: string };

/** The owner's answer to a forwarded HTTP request. */
export type ForwardedResponse = { status: number; headers: Record<string, string>; body: string };

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/** A JSON value as the bus carries it. */
export function encodeJson(value: unknown): Uint8Array {
  return textEncoder.encode(JSON.stringify(value));
}

/** A JSON value from the bus (processes of one cluster trust each other; the shape is checked by its reader). */
export function decodeJson<T>(bytes: Uint8Array): T {
  return JSON.parse(textDecoder.decode(bytes)) as T;
}
