/**
 * Why part of a rich-text field was set aside when it was read: it passed one of the field's
 * bounds (`RICH_TEXT_BOUND` in shared/src/bounds) or held something the editor never writes.
 * Only a document written before the bounds existed, or by a modified client, holds such parts.
 */
export const SetAsideReason = {
  /** Nested deeper than `maxDepth` levels (elements and text count a level each). */
  TooDeep: 'tooDeep',
  /** More than `maxNodes` elements and text nodes. */
  TooManyNodes: 'tooManyNodes',
  /** More than `maxChars` characters of text. */
  TooLong: 'tooLong',
  /** Content no editor writes: embeds, hooks, raw values in the tree, attributes that are not small plain values. */
  UnknownContent: 'unknownContent',
} as const;
export type SetAsideReason = (typeof SetAsideReason)[keyof typeof SetAsideReason];

/** One reason part of a rich-text field was set aside, with the bound it passed (none for unknown content). */
export type RichTextSetAside = { reason: SetAsideReason; limit?: number };

/** Part of a case's rich-text field set aside: the field's document path (`problem/text`, `interventions/candidates/<id>/description`), why, and the bound. */
export type SetAsideContent = RichTextSetAside & { path: string };
