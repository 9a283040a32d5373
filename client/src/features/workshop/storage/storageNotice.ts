import { ApiErrorCode, formatForInput, type StorageNotice, type StorageUsage } from '@caseroom/shared';
import type { Messages } from '../../../i18n/messages.ts';
import { storageSize } from '../refusal/refusedMessage.ts';

/** The share of the quota used, in whole percent rounded down (so 80 % shows only once reached). */
export function storagePercent(usage: StorageUsage): string {
  return formatForInput(Math.floor((usage.usedBytes / usage.quotaBytes) * 100), 'count');
}

/**
 * What the storage banner says to this person (issue 9), or undefined when it says nothing:
 * the facilitator reads the share used from the warning on, and at the quota that edits are
 * refused until it is tidied up; everyone else only hears of it at the quota. `usage` is the
 * latest figure known (the notice holds the one from when the level changed).
 */
export function storageNoticeText(
  notice: StorageNotice | undefined,
  usage: StorageUsage | undefined,
  facilitator: boolean,
  t: Messages['workshop']['storage'],
): string | undefined {
  if (!notice) return undefined;
  const shown = usage ?? notice;
  const used = storageSize(shown.usedBytes);
  const quota = storageSize(shown.quotaBytes);
  if (notice.level === 'full') return facilitator ? t.full(used, quota) : t.fullForOthers;
  return facilitator ? t.warn(storagePercent(shown), used, quota) : undefined;
}

/** The result of the facilitator's "tidy up", as a sentence. */
export function tidiedText(usage: StorageUsage, t: Messages['workshop']['storage']): string {
  return t.tidied(storagePercent(usage), storageSize(usage.usedBytes), storageSize(usage.quotaBytes));
}

/** Why a "tidy up" failed: the store cannot write now (503 storageUnavailable), or something else. */
export function tidyFailedText(code: ApiErrorCode | undefined, m: Messages): string {
  return code === ApiErrorCode.StorageUnavailable ? m.workshop.storage.unavailable : m.workshop.failed;
}
