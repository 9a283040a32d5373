import { COMMENTS, SECTIONS, type SectionName, WORKSHOP } from '@caseroom/shared';
import type { Messages } from '../../i18n/messages.ts';

/**
 * The server's "update refused" message (docs/workshop.md W2; message type 100 after the
 * y-websocket message type): a varString of JSON `{ reason, sections }`. y-websocket 3.1.0
 * calls `provider.messageHandlers[type](encoder, decoder, provider, emitSynced, type)` with a
 * lib0 decoder positioned after the type; lib0 is not a dependency of the client, so the
 * varString is read here by hand (varUint length, then UTF-8).
 */
export const MESSAGE_REFUSED = 100;

/** What the server refused, as it says it. */
export type Refusal = { reason: string; sections: string[] };

/** The part of a lib0 decoder this reads. */
type Decoder = { arr: Uint8Array; pos: number };

function readVarUint(decoder: Decoder): number {
  let num = 0;
  let mult = 1;
  for (;;) {
    const byte = decoder.arr[decoder.pos++];
    if (byte === undefined) throw new Error('truncated varUint');
    num += (byte & 0x7f) * mult;
    if (byte < 0x80) return num;
    mult *= 128;
  }
}

/** Decodes the message body; anything unexpected reads as an unexplained refusal. */
export function readRefusal(decoder: Decoder): Refusal {
  try {
    const length = readVarUint(decoder);
    const bytes = decoder.arr.subarray(decoder.pos, decoder.pos + length);
    decoder.pos += length;
    const body = JSON.parse(new TextDecoder().decode(bytes)) as { reason?: unknown; sections?: unknown };
    return {
      reason: typeof body.reason === 'string' ? body.reason : 'other',
      sections: Array.isArray(body.sections) ? body.sections.filter((s): s is string => typeof s === 'string') : [],
    };
  } catch {
    return { reason: 'other', sections: [] };
  }
}

/**
 * The notice's words for a refusal: why, in the person's language, and the names of what it
 * concerned — a section's title, "Kommentarer" for the comments (written only through the
 * comment form), the workshop bar's name for the workshop record.
 */
export function explainRefusal(refusal: Refusal, m: Messages): { reason: string; sectionNames: string } {
  const t = m.workshop.refused;
  const reasons = t.reasons as Record<string, string>;
  const commentsOnly = refusal.sections.includes(COMMENTS) && !refusal.sections.includes(WORKSHOP);
  const reason =
    refusal.reason === 'workshopIsServerOnly' && commentsOnly
      ? t.reasons.commentsAreServerOnly
      : (reasons[refusal.reason] ?? t.reasons.other);
  const name = (root: string) =>
    SECTIONS.includes(root as SectionName)
      ? m.sections[root as SectionName].title
      : root === COMMENTS
        ? t.comments
        : m.workshop.bar.label;
  return { reason, sectionNames: refusal.sections.map(name).join(', ') };
}
