import { ApiErrorCode, StorageNotice, workshopMap } from '@caseroom/shared';
import type { CaseDocument } from '../documents/CaseDocument.ts';
import { type Failure, fail } from './results.ts';

/** What the check reads of a case document (and its refusal marks). */
export type QuotaDocument = Pick<CaseDocument, 'doc' | 'storageUsed' | 'storageQuota' | 'noteQuotaRefusal'>;

/** Yjs framing around one map entry (client id, clock, parent and key lengths): generous, not exact. */
const ENTRY_OVERHEAD_BYTES = 32;

/**
 * About how many bytes writing `value` under `key` adds to the case's update log: its JSON in
 * UTF-8 plus the entry's framing. Yjs stores a map value as JSON, so this is close without
 * encoding the update twice.
 */
export function entryBytes(key: string, value: unknown): number {
  return Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value)) + ENTRY_OVERHEAD_BYTES;
}

/**
 * Issue 9: a server change made over HTTP for a person (a comment, a decision) respects the
 * case's storage quota as an edit over the websocket does (the write guard's `quotaExceeded`):
 * refused when the case is at its quota, the change would carry it past it, or the room's notice
 * already says `full` (an edit was refused: the room reads "changes are refused until tidied up",
 * and that holds for everyone); the refusal turns the notice to `full` until the facilitator
 * tidies up. Undefined: there is room.
 */
export function refuseOverQuota(document: QuotaDocument, addedBytes: number): Failure | undefined {
  const used = document.storageUsed;
  const quota = document.storageQuota;
  if (used < quota && used + addedBytes <= quota && !noticeSaysFull(document)) return undefined;
  document.noteQuotaRefusal();
  return fail(
    507,
    ApiErrorCode.StorageFull,
    'The case has used all its storage; nothing was changed. The facilitator can tidy it up (POST …/storage/compact).',
    { usedBytes: used, quotaBytes: quota },
  );
}

/** Whether the case's `workshop.storage` notice says `full` (written after a refused edit). */
function noticeSaysFull(document: QuotaDocument): boolean {
  const notice = StorageNotice.safeParse(workshopMap(document.doc)?.get('storage'));
  return notice.success && notice.data.level === 'full';
}
