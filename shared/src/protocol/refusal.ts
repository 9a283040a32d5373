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
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

/**
 * What the sender is told: the reason, the sections (roots) concerned and, for a bound, the
 * field's path (`outcomes/items/<id>/definition`) and the limit it would pass.
 */
export type Refusal = { reason: RefusalReason | string; sections: string[]; path?: string; limit?: number };
