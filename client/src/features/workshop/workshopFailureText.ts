import { ApiErrorCode, isApiErrorCode } from '@caseroom/shared';
import type { ApiFailure, ApiResult } from '../../api/request.ts';
import type { Messages } from '../../i18n/messages.ts';

/**
 * What a failed workshop or comment request says to the person: the server's reason when it gave
 * a code this version knows (`m.apiErrors`), the storage notice's own wording when the store
 * cannot write, and the generic text when the server was unreachable or gave no known code.
 */
export function workshopFailureText(failure: ApiFailure | undefined, m: Messages): string {
  const code = failure?.code;
  if (code === ApiErrorCode.StorageUnavailable) return m.workshop.storage.unavailable;
  if (code !== undefined && isApiErrorCode(code)) return m.apiErrors[code];
  return m.workshop.failed;
}

/** The failure of a result, or undefined when it succeeded: what a component keeps to explain it. */
export function failureOf(result: ApiResult<unknown>): ApiFailure | undefined {
  return result.ok ? undefined : result;
}

/** A failure for an answer that came back but could not be read: it has no reason to tell. */
export const UNREADABLE_ANSWER: ApiFailure = { reason: 'server' };
