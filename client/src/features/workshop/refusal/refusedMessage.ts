import {
  COMMENTS,
  formatForInput,
  type ItemKind,
  MESSAGE_REFUSED,
  type ModelChange,
  type Refusal,
  RefusalReason,
  RICH_TEXT_BOUND,
  readRefusalBody,
  WORKSHOP,
} from '@caseroom/shared';
import type { WebsocketProvider } from 'y-websocket';
import type { Messages } from '../../../i18n/messages.ts';
import { fieldNameOfPath, listKindOfPath, rootName } from './refusedField.ts';

export { MESSAGE_REFUSED };

/**
 * The server's "update refused" message (docs/workshop.md W2; message type `MESSAGE_REFUSED`):
 * a varString of JSON `Refusal` — reason, sections and, for a bound, the field's `path` and the
 * `limit` — read by shared's codec (shared/src/protocol/refusal.ts), the one the server writes
 * with. y-websocket 3.1.0 calls `provider.messageHandlers[type](encoder, decoder, provider,
 * emitSynced, type)` with a lib0 decoder positioned after the type.
 */

/** Not a server reason: the server closed the connection with 1009, the change was larger than a frame may be. */
export const MESSAGE_TOO_BIG = 'messageTooBig';

/** A y-websocket message handler (`provider.messageHandlers[type]`). */
type MessageHandler = WebsocketProvider['messageHandlers'][number];

/**
 * The provider's handler for message type 100: tells `listener` the refusal; a body it cannot
 * read is still a refusal — an unexplained one, naming no section.
 */
export function refusedMessageHandler(listener: (refusal: Refusal) => void): MessageHandler {
  return (_encoder, decoder) => listener(readRefusalBody(decoder) ?? { reason: 'other', sections: [] });
}

/** Reasons that, when the copy replayed them, say the copy held what only the server writes. */
const COPY_REASONS: readonly string[] = [
  RefusalReason.WorkshopIsServerOnly,
  RefusalReason.ForeignClient,
  RefusalReason.Inconsistent,
  RefusalReason.Unresolvable,
];

/**
 * The notice's words for a refusal, in the person's language: a title (the last change, or
 * the offline copy's changes), why — naming the field and the bound where the server gave
 * them, numbers in Danish format — and the names of the sections it concerned (a section's
 * title, "Kommentarer" for the comments, the workshop bar's name for the workshop record).
 */
export function explainRefusal(
  refusal: Refusal & { fromCopy?: boolean },
  m: Messages,
  lang: 'da' | 'en',
): { title: string; reason: string; sectionNames: string } {
  const t = m.workshop.refused;
  const fromCopy = refusal.fromCopy === true;
  const reason = fromCopy && COPY_REASONS.includes(refusal.reason) ? t.reasons.fromCopy : reasonText(refusal, m, lang);
  const sectionNames = refusal.sections.map((root) => rootName(root, m) ?? root).join(', ');
  // An older layout's write (issue 11) is no one's mistake: the page is older than the server.
  const title = isOutdated(refusal) ? t.titleOutdated : fromCopy ? t.titleFromCopy : t.title;
  return { title, reason, sectionNames };
}

function reasonText(refusal: Refusal, m: Messages, lang: 'da' | 'en'): string {
  const t = m.workshop.refused.reasons;
  const limit = refusal.limit;
  const field = refusal.path !== undefined ? fieldNameOfPath(refusal.path, m, lang) : undefined;
  const number = (value: number) => formatForInput(value, 'count');
  switch (refusal.reason) {
    case RefusalReason.WorkshopIsServerOnly:
      return refusal.sections.includes(COMMENTS) && !refusal.sections.includes(WORKSHOP)
        ? t.commentsAreServerOnly
        : t.workshopIsServerOnly;
    case RefusalReason.SectionLocked:
      return t.sectionLocked;
    case RefusalReason.Unresolvable:
      return t.unresolvable;
    case RefusalReason.Inconsistent:
      return t.inconsistent;
    case RefusalReason.ForeignClient:
      return t.foreignClient;
    case RefusalReason.TextTooLong:
      return field !== undefined && limit !== undefined ? t.textTooLong(field, number(limit)) : t.other;
    case RefusalReason.RichTextTooLarge:
      if (field === undefined) return t.other;
      if (limit === RICH_TEXT_BOUND.maxNodes) return t.richTextNodes(field, number(limit));
      if (limit === RICH_TEXT_BOUND.maxDepth) return t.richTextDepth(field, number(limit));
      if (limit === RICH_TEXT_BOUND.maxChars) return t.textTooLong(field, number(limit));
      return t.richTextTooLarge(field);
    case RefusalReason.ListTooLong: {
      if (field === undefined || limit === undefined) return t.other;
      const kind = listKindOfPath(refusal.path ?? '');
      // The list itself (`outcomes/items`) has a plain sentence; a map inside an item, the generic one.
      return kind !== undefined && refusal.path?.split('/').length === 2
        ? t.listOf[kind as ItemKind](number(limit))
        : t.listTooLong(field, number(limit));
    }
    case RefusalReason.SchemaOutdated:
      return t.schemaOutdated;
    case RefusalReason.QuotaExceeded:
      return t.quotaExceeded(limit !== undefined ? storageSize(limit) : '–');
    case RefusalReason.UpdateTooLarge:
    case MESSAGE_TOO_BIG:
      return t.messageTooBig;
    default:
      return t.other;
  }
}

/** Whether the refusal says this page (or its offline copy) was written for an older Caseroom: reload. */
export function isOutdated(refusal: Refusal): boolean {
  return refusal.reason === RefusalReason.SchemaOutdated;
}

/**
 * The person's own texts among the changes a refusal lost, whole (not cut like the notice's
 * lines), so they can be copied and typed in again after a reload: each field change whose
 * new value is a text.
 */
export function keptTexts(lost: readonly ModelChange[]): string[] {
  const texts = lost.flatMap((change) =>
    change.kind === 'field' && typeof change.after === 'string' && change.after.trim() !== '' ? [change.after] : [],
  );
  return [...new Set(texts)]; // each text once: it is also the box's key
}

/** Bytes as a person reads a storage size: `64 MB`, `512 kB` (Danish number format, 1 MB = 1024² bytes). */
export function storageSize(bytes: number): string {
  const mega = 1024 * 1024;
  if (bytes >= mega) return `${formatForInput(Math.round((bytes / mega) * 10) / 10, 'decimal')} MB`;
  return `${formatForInput(Math.ceil(bytes / 1024), 'count')} kB`;
}
