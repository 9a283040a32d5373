/**
 * The payload of an awareness message (y-protocols/awareness `encodeAwarenessUpdate`), decoded
 * so the server can rewrite states before applying and relaying them (docs/access.md A8):
 *
 *   varUint count, then count × (varUint clientID, varUint clock, varString JSON state)
 *
 * A state of `null` means the client left. Pure functions; bad input is a MalformedMessageError.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedMessageError } from './messages.ts';

/** One client's entry in an awareness update. */
export type AwarenessEntry = { clientId: number; clock: number; state: unknown };

/** Decodes an awareness update. Throws MalformedMessageError on truncation, trailing bytes or bad JSON. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    return entries;
  } catch (cause) {
    throw new MalformedMessageError('invalid awareness update', { cause });
  }
}

/** Encodes entries in the same format (what Awareness.applyAwarenessUpdate reads). */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
