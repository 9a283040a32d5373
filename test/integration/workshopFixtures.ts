/**
 * Helpers for the workshop tests (docs/workshop.md): reading the type 100 "refused" message
 * on a stock provider and on raw frames, and a raw socket that records every frame.
 */

import { decodeRefusal, type Refusal } from '@caseroom/shared';
import type { NodeClient } from '../support/server.ts';

/** What the server tells a client whose document update it refused (shared/src/protocol/refusal.ts). */
export type { Refusal };

/** Registers a handler for message type 100 on a stock y-websocket provider; returns what it receives. */
export function recordRefusals(client: NodeClient): Refusal[] {
  const refusals: Refusal[] = [];
  const handlers = client.provider.messageHandlers as unknown as Record<
    number,
    (encoder: unknown, decoder: { arr: Uint8Array; pos: number }) => void
  >;
  handlers[100] = (_encoder, decoder) => {
    const frame = new Uint8Array([100, ...decoder.arr.subarray(decoder.pos)]);
    decoder.pos = decoder.arr.length;
    const refusal = decodeRefusal(frame);
    if (refusal) refusals.push(refusal);
  };
  return refusals;
}

/** The type 100 messages among raw frames. */
export function refusalsIn(frames: Uint8Array[]): Refusal[] {
  return frames.flatMap((frame) => {
    const refusal = decodeRefusal(frame);
    return refusal ? [refusal] : [];
  });
}

/** Sync frames (type 0) among raw frames: anything that carries document content. */
export function syncFramesIn(frames: Uint8Array[]): Uint8Array[] {
  return frames.filter((frame) => frame[0] === 0);
}

/** [0, 0, state vector]: a sync step 1 with an empty state vector ("send me everything"). */
export const EMPTY_SYNC_STEP_1 = new Uint8Array([0, 0, 1, 0]);
