import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as string from 'lib0/string';

/**
 * The server's "update refused" message (websocket message type 100, server → client): the
 * client's last document update was not applied, stored or relayed. Its body is a varString
 * of JSON `Refusal`. The reasons are what a person is told (client i18n), so each names a
 * rule: the workshop record is the server's (W2), a locked section (W4), a bound (issue 9),
 * an update that speaks for someone else or that Yjs could not integrate completely.
 */
export const MESSAGE_REFUSED = 100;

/** Why the server refused a client's document update. */
export const RefusalReason = {
  /** The update touches `workshop`, `comments` or `meta`, which only the server writes. */
  WorkshopIsServerOnly: 'workshopIsServerOnly',
  /** An editor's update touches a section the facilitator has locked. */
  SectionLocked: 'sectionLocked',
  /** Part of the update could not be traced to a section (it depends on something the server lacks). */
  Unresolvable: 'unresolvable',
  /** The update does not fit the document (a gap in a client's clock, a deletion of something that does not exist, a Skip, another's GC). */
  Inconsistent: 'inconsistent',
  /** The update carries changes under a Yjs client id that belongs to another party (or the server). */
  ForeignClient: 'foreignClient',
  /** A short text would be longer than its bound (`path`, `limit` in characters). */
  TextTooLong: 'textTooLong',
  /** A rich text would be longer, have more nodes or nest deeper than its bound (`path`, `limit`). */
  RichTextTooLarge: 'richTextTooLarge',
  /** A list or map would have more entries than its bound (`path`, `limit`). */
  ListTooLong: 'listTooLong',
  /** One update carries more structs than the server decodes at once (`limit`). */
  UpdateTooLarge: 'updateTooLarge',
  /** The case has used its storage quota; the facilitator can compact it (`limit` in bytes). */
  QuotaExceeded: 'quotaExceeded',
  /**
   * The update was written for an older document layout (issue 11): a plain string where the
   * case now keeps a short text as a Y.Text, or that Y.Text deleted or replaced — an old
   * client or an old offline copy (`path`: the field). The person reloads; their text is kept.
   */
  SchemaOutdated: 'schemaOutdated',
  /**
   * A plain value whose shape the case defines does not have it (`path`): an outcome's library
   * links (issue 15) written as something other than one value of their schema. Only a
   * modified client writes one; the person is told the server refused the change.
   */
  MalformedValue: 'malformedValue',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

/**
 * What the sender is told: the reason, the sections (roots) concerned and, for a bound, the
 * field's path (`outcomes/items/<id>/definition`) and the limit it would pass.
 */
export type Refusal = { reason: RefusalReason | string; sections: string[]; path?: string; limit?: number };

/** Longer bodies are not a refusal (the server's are a few hundred bytes). */
const MAX_BODY_BYTES = 16_384;
/** A longer path is dropped (the server's paths are a few ids long). */
const MAX_PATH_CHARS = 512;

/** The bytes of a refusal message: type 100, then the refusal as a varString of JSON. */
export function encodeRefusal(refusal: Refusal): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_REFUSED);
  const { reason, sections, path, limit } = refusal;
  encoding.writeVarString(encoder, JSON.stringify({ reason, sections, path, limit }));
  return encoding.toUint8Array(encoder);
}

/** The refusal in a whole frame, or undefined when the bytes are not exactly one refusal message. */
export function decodeRefusal(bytes: Uint8Array): Refusal | undefined {
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MESSAGE_REFUSED) return undefined;
    const refusal = readRefusalBody(decoder);
    return decoding.hasContent(decoder) ? undefined : refusal;
  } catch {
    return undefined;
  }
}

/**
 * The refusal in a message body, read from a decoder placed after the type — as y-websocket
 * hands a message handler its decoder. The body is untrusted: anything that is not a JSON
 * object with a string `reason` is undefined; a reason this version does not know is kept as
 * it came; sections keep their strings; a path that is not a short string, or a limit that is
 * not a finite number ≥ 0, is left out.
 */
export function readRefusalBody(decoder: decoding.Decoder): Refusal | undefined {
  try {
    const body = decoding.readVarUint8Array(decoder);
    if (body.length > MAX_BODY_BYTES) return undefined;
    const json: unknown = JSON.parse(string.decodeUtf8(body));
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
    const { reason, sections, path, limit } = json as Record<string, unknown>;
    if (typeof reason !== 'string' || reason === '') return undefined;
    const refusal: Refusal = {
      reason,
      sections: Array.isArray(sections)
        ? sections.filter((section): section is string => typeof section === 'string')
        : [],
    };
    if (typeof path === 'string' && path !== '' && path.length <= MAX_PATH_CHARS) refusal.path = path;
    if (typeof limit === 'number' && Number.isFinite(limit) && limit >= 0) refusal.limit = limit;
    return refusal;
  } catch {
    return undefined;
  }
}
